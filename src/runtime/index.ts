// The simulated Go runtime tracer (pure): see simulated-runtime.ts.
export {
  SimulatedRuntime,
  resolveParams,
  PARAM_LIMITS,
  CPU_PROFILE_HZ_DEFAULT,
  CPU_PROFILE_HZ_MAX,
  type RuntimeOptions,
  type GoVersionName,
} from './simulated-runtime';
export { PRESETS, WORKLOADS, type WorkloadName, type WorkloadParams, type WorkloadPreset } from './workloads';
export { ManualClock, TraceTime, TICKS_PER_SECOND, TRACE_TIME_DIV } from './clock';
export type { TraceReaderSink, TraceFormat } from './trace-event-writer';
export type { RuntimeObserver } from './scheduler';

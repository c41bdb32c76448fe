// The simulated Go runtime: a workload running on the scheduler model, with the tracer's
// controls Go's runtime/trace package uses (StartTrace, StopTrace, traceAdvance,
// traceClockNow, traceClockUnitsPerSecond). Its clock moves only when advanceTo/advanceBy
// is called, so tests drive it by hand and the worker drives it at some speed.
// While tracing, a new generation begins every period of trace time (Go: 1 s,
// runtime/trace.go traceAdvancePeriod), started by the trace advancer goroutine.

import { TICKS_PER_SECOND, TraceTime } from './clock';
import { SITE_INDEX } from './frames';
import { Scheduler, type RuntimeObserver } from './scheduler';
import type { TraceFormat, TraceReaderSink } from './trace-event-writer';
import { Tracer } from './tracer';
import { PRESETS, WORKLOADS, type WorkloadName, type WorkloadParams } from './workloads';

/** Simulated time one traceAdvance takes. */
const ADVANCE_COST_NS = 5_000;

export type GoVersionName = '1.25' | '1.26';

/** pprof's CPU profiling rate (runtime/pprof StartCPUProfile: 100 Hz), the default while tracing. */
export const CPU_PROFILE_HZ_DEFAULT = 100;
/** The highest CPU profiling rate the simulated runtime accepts. */
export const CPU_PROFILE_HZ_MAX = 10_000;

export interface RuntimeOptions {
  readonly workload?: WorkloadName;
  readonly seed?: number;
  readonly go?: GoVersionName;
  readonly params?: Partial<WorkloadParams>;
  /** Host monotonic time at the origin, ns (to test large timestamps). */
  readonly monoBaseNs?: number;
  /** CPU profiling rate while tracing (runtime.SetCPUProfileRate), samples per CPU-second; 0 = off. Default 100, pprof's. */
  readonly cpuProfileHz?: number;
}

export const PARAM_LIMITS: Record<keyof WorkloadParams, readonly [number, number]> = {
  procs: [1, 64],
  goroutines: [1, 2000],
  load: [0, 4],
  periodMs: [1, 60_000],
};

/** Fills in a preset's defaults and rejects values out of range (RangeError). */
export function resolveParams(workload: WorkloadName, given: Partial<WorkloadParams> = {}): WorkloadParams {
  const out = { ...PRESETS[workload].defaults };
  for (const key of Object.keys(PARAM_LIMITS) as (keyof WorkloadParams)[]) {
    const v = given[key];
    if (v === undefined) continue;
    const [lo, hi] = PARAM_LIMITS[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) throw new RangeError(`${key} must be a number from ${lo} to ${hi}, got ${String(v)}`);
    out[key] = key === 'load' ? v : Math.round(v);
  }
  return out;
}

export class SimulatedRuntime {
  readonly workload: WorkloadName;
  readonly seed: number;
  readonly go: GoVersionName;
  readonly params: WorkloadParams;
  readonly ticksPerSecond = TICKS_PER_SECOND;
  private readonly sched: Scheduler;
  private readonly tracer: Tracer;
  private readonly time: TraceTime;
  private nextAdvanceAt = Infinity;

  constructor(opts: RuntimeOptions = {}) {
    const workload = opts.workload ?? 'busy';
    if (!WORKLOADS.includes(workload)) throw new RangeError(`unknown workload ${JSON.stringify(workload)} (want one of ${WORKLOADS.join(', ')})`);
    const go = opts.go ?? '1.25';
    if (go !== '1.25' && go !== '1.26') throw new RangeError(`unsupported Go trace format ${JSON.stringify(go)} (want 1.25 or 1.26)`);
    this.workload = workload;
    this.go = go;
    this.seed = opts.seed ?? 1;
    this.params = resolveParams(workload, opts.params);
    this.time = new TraceTime(opts.monoBaseNs);
    const format: TraceFormat = go === '1.26' ? 26 : 25;
    let sched: Scheduler | null = null;
    const world = {
      get gs() { return sched!.gs; },
      get ps() { return sched!.ps; },
      get ms() { return sched!.ms; },
    };
    this.tracer = new Tracer(format, world, this.time);
    sched = new Scheduler(this.tracer, this.params.procs, this.seed, PRESETS[workload].initialHeap);
    this.tracer.clock = sched;
    this.sched = sched;
    sched.behaviour = PRESETS[workload].setup(sched, this.params);
    const hz = opts.cpuProfileHz ?? CPU_PROFILE_HZ_DEFAULT;
    if (!(Number.isFinite(hz) && hz >= 0 && hz <= CPU_PROFILE_HZ_MAX)) throw new RangeError(`cpuProfileHz must be a number from 0 to ${CPU_PROFILE_HZ_MAX}, got ${String(hz)}`);
    sched.profilePeriodNs = hz > 0 ? Math.round(1e9 / hz) : 0;
  }

  /** Simulated time, ns since the origin. */
  get nowNs(): number {
    return this.sched.now;
  }

  /** traceClockNow(): the trace clock in ticks. */
  nowTicks(): number {
    return this.time.ticks(this.sched.now);
  }

  /** Generation being written, 0 while not tracing. */
  get currentGen(): number {
    return this.tracer.gen;
  }

  get tracing(): boolean {
    return this.tracer.enabled;
  }

  get periodNs(): number {
    return this.params.periodMs * 1e6;
  }

  get format(): TraceFormat {
    return this.tracer.format;
  }

  /** Bytes, batches and events written since the runtime was made. */
  get stats(): Readonly<{ bytes: number; batches: number; events: number }> {
    return this.tracer.stats;
  }

  /** Bytes of events in the Ms' batches not yet flushed to the trace (they belong to the open generation). */
  get bufferedBytes(): number {
    let n = 0;
    for (const m of this.sched.ms) if (m.buf.open) n += m.buf.pos - m.buf.base;
    return n;
  }

  get heap(): { alloc: number; goal: number; gcRunning: boolean; goroutines: number } {
    const s = this.sched;
    return { alloc: s.heapAlloc, goal: s.heapGoal, gcRunning: s.marking, goroutines: s.liveGoroutines() };
  }

  /**
   * Hears of each request the program finishes (a user task its workload ends, with its
   * latency) and each stop-the-world pause, as they happen. One observer at a time; returns
   * the function that removes it. The observer runs inside advanceTo and must not call back
   * into the runtime: it notes what it saw, and the caller acts once advanceTo returns.
   */
  observe(o: RuntimeObserver): () => void {
    this.sched.observer = o;
    return () => {
      if (this.sched.observer === o) this.sched.observer = null;
    };
  }

  /** Runs the program until simulated time t (ns since the origin). */
  advanceTo(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError(`cannot advance to ${t}`);
    for (;;) {
      const ta = this.nextAdvanceAt;
      if (ta <= t) {
        this.sched.runUntil(ta);
        this.advanceGeneration();
        this.nextAdvanceAt = this.sched.now + this.periodNs;
        continue;
      }
      this.sched.runUntil(t);
      return;
    }
  }

  advanceBy(d: number): void {
    this.advanceTo(this.sched.now + d);
  }

  /** runtime.StartTrace: returns Go's error text if tracing is already on. */
  startTrace(reader: TraceReaderSink): string | null {
    const err = this.tracer.start(reader);
    if (err !== null) return err;
    const s = this.sched;
    s.onAdvancer((m) => {
      if (m === null) return;
      this.tracer.procsChange(m, this.params.procs, SITE_INDEX.procsChange);
      if (s.marking) this.tracer.gcActive(m);
      this.tracer.heapGoal(m, s.heapGoal);
    });
    this.nextAdvanceAt = s.now + this.periodNs;
    return null;
  }

  /** runtime.StopTrace: the last generation is flushed and ended; nothing after it. */
  stopTrace(): void {
    if (!this.tracer.enabled) return;
    this.sched.now += ADVANCE_COST_NS;
    this.tracer.advance(true);
    this.nextAdvanceAt = Infinity;
  }

  /** runtime_traceAdvance(false): ends the current generation now and begins the next. */
  traceAdvance(): void {
    if (this.tracer.enabled) this.advanceGeneration();
  }

  /** trace.Log(ctx, category, message) from the program's main goroutine, now. */
  log(category: string, message: string): void {
    this.sched.onAdvancer((m) => {
      if (m !== null) this.tracer.log(m, 0, category, message, SITE_INDEX.log);
    }, this.sched.main);
  }

  private advanceGeneration(): void {
    const s = this.sched;
    s.onAdvancer((m) => {
      // traceAdvance takes real time (it walks every G and P and flushes every M), so two
      // advances in a row never share a clock reading; Go's validator checks that.
      s.now += ADVANCE_COST_NS;
      this.tracer.advance(false);
      if (m === null) return;
      this.tracer.procsChange(m, this.params.procs, SITE_INDEX.procsChange);
      if (s.marking) this.tracer.gcActive(m);
    });
  }
}

// The multiplexer, trace.Start-style writer and FlightRecorder over the simulated runtime (pure).
export { SimulatedRuntime } from '../runtime/index';
export { FlightRecorder, SnapshotWriteError, DEFAULT_MAX_BYTES, DEFAULT_MIN_AGE_MS, type FlightRecorderConfig } from './flight-recorder';
export { startTrace, stopTrace, observeGenerations, BufferSink } from './trace-writer';
export type { TraceSink, GenerationStats } from './multiplexer';
export type { RingChange, RawGeneration, EvictionCause } from './ring';

// Flightdeck's library entry, for Node and workers (no UI): the Go trace reader, the wire
// layer and dumps, and the flight recorder over the simulated runtime.
//
//   import { TraceReader, FlightRecorder, SimulatedRuntime, startTrace, stopTrace } from 'flightdeck';

export * from './trace/parse/index';
export { inspectTrace, type WireSummary, type GenerationSummary } from './trace/wire/inspect';
export { readUvarint, readUvarintBig, ByteWriter, VarintError } from './trace/wire/varint';
export { SPECS, Ev, type EventSpec } from './trace/wire/specs';
export { readHeader, headerBytes, type Version } from './trace/wire/version';
export { dumpWire, type DumpResult } from './trace/dump/wire';
export { dumpParsed } from './trace/dump/parsed';
export { dumpFootprint } from './trace/dump/footprint';
export * from './recorder/index';
export { PRESETS, WORKLOADS, ManualClock, type WorkloadName, type WorkloadParams, type RuntimeOptions } from './runtime/index';

// The parser's public API: read a Go execution trace (Go 1.11 and later; the Go 1.11–1.21 format
// is converted by src/trace/v1 as Go converts it) into ordered events,
// as Go's golang.org/x/exp/trace (internal/trace) does. Pure: runs in Node, a Worker or a page.
//
//   const r = new TraceReader(bytes);            // throws HeaderError for a non-trace
//   for (let ev = r.readEvent(); ev; ev = r.readEvent()) { ... }   // throws TraceError
//
// Times and IDs are exact: a plain number when it is a safe integer, a bigint past 2^53.

export { TraceReader } from './reader';
export {
  TraceEvent,
  EventKind,
  EVENT_KIND_NAMES,
  type Metric,
  type Label,
  type Range,
  type RangeAttribute,
  type Task,
  type Region,
  type Log,
  type Sync,
  type ClockSnapshot,
  type WallTime,
  type ExperimentalEvent,
} from './event';
export { eventString } from './event-string';
export { TRANSITION_ID_IN_ARG, TRANSITION_RESOURCE, transitionResourceId, transitionResourceKind } from './transition-subject';
export { TraceError, GoPanic, type TraceFault } from './errors';
export { Validator } from './validator';
export {
  GoState,
  ProcState,
  ResourceKind,
  ResourceID,
  Stack,
  Value,
  ValueKind,
  goStateString,
  procStateString,
  NO_GOROUTINE,
  NO_PROC,
  NO_THREAD,
  NO_TASK,
  BACKGROUND_TASK,
  type StackFrame,
  type StateTransition,
  type GoID,
  type ProcID,
  type ThreadID,
  type TaskID,
} from './resources';
export type { ExperimentalBatch } from './tables';
export { type Time, type I64, type U64, dec, timeToNumber, timeToBigInt, u64ToI64 } from './int64';
export { formatUnixRFC3339Nano } from '../go/time';
export { decodeGoString, encodeGoString, quoteGo } from '../go/string';
export { HeaderError } from '../wire/version';
export { EV_SYNC, KIND } from './event-kind';

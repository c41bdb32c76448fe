// The trace summary's counters over one stretch of events (a generation, or the whole trace).
// Per event this is one increment (events by wire type, from which the counts by kind and by
// resource follow when the stretch ends) and one slot look-up for each G, P and M it names
// (distinct-ids.ts): the summary rides along with the parse and should cost next to nothing.
// Only ranges and metrics, a handful per trace, are read in detail.

import {
  EV_SYNC,
  EventKind,
  KIND,
  ResourceKind,
  type Time,
  TRANSITION_ID_IN_ARG,
  TRANSITION_RESOURCE,
  type TraceEvent,
} from '../trace/parse/index';
import type { DistinctCount } from './distinct-ids';
import type { SummaryCounts } from './trace-summary';

export const GC_RANGE = 'GC concurrent mark phase';
export const GOMAXPROCS_METRIC = '/sched/gomaxprocs:threads';
export const HEAP_METRIC = '/memory/classes/heap/objects:bytes';

const KINDS = 15;

/**
 * Per event type, what the summary does with it beyond counting it and its G, P and M, as bits:
 * SPECIAL for the events whose details it reads (ranges begun, metrics) and Sync, which closes
 * a generation; G_IN_ARG or P_IN_ARG for a transition that names the goroutine or P it moves in
 * a0 (a transition of the event's own G or P is counted with the event's G and P).
 */
export const SUMMARY_WORK = new Uint8Array(256);
export const SPECIAL = 1;
export const G_IN_ARG = 2;
export const P_IN_ARG = 4;
for (let t = 0; t < 256; t++) {
  if (KIND[t] === EventKind.RangeBegin || KIND[t] === EventKind.Metric || t === EV_SYNC) SUMMARY_WORK[t] |= SPECIAL;
  if (TRANSITION_ID_IN_ARG[t] !== 0) SUMMARY_WORK[t] |= TRANSITION_RESOURCE[t] === ResourceKind.Goroutine ? G_IN_ARG : P_IN_ARG;
}

/** What a range or metric event adds; reading it can raise Go's panics (GoPanic). */
export interface Details {
  gc: boolean;
  stw: boolean;
  gomaxprocs: number | null;
  heap: number | null;
}

export function detailsOf(ev: TraceEvent): Details {
  const d: Details = { gc: false, stw: false, gomaxprocs: null, heap: null };
  if (ev.kind() === EventKind.RangeBegin) {
    const name = ev.range().name;
    d.gc = name === GC_RANGE;
    d.stw = name.startsWith('stop-the-world');
  } else {
    const m = ev.metric();
    const v = Number(m.value.uint64);
    if (m.name === GOMAXPROCS_METRIC) d.gomaxprocs = v;
    else if (m.name === HEAP_METRIC) d.heap = v;
  }
  return d;
}

/** The distinct goroutines, Ps and Ms of a stretch. */
export interface StretchIds {
  gs: DistinctCount;
  ps: DistinctCount;
  ms: DistinctCount;
}

/** Counts over one stretch of events (the distinct IDs are counted beside it: DistinctIds). */
export class Accumulator {
  /** Events by wire type (EV_SYNC included). */
  readonly byType = new Float64Array(256);
  first: Time | null = null;
  private gcCycles = 0;
  private stw = 0;
  private maxGomaxprocs: number | null = null;
  private heapPeakBytes: number | null = null;

  get events(): number {
    let n = 0;
    for (let t = 0; t < 256; t++) n += this.byType[t];
    return n;
  }

  /** Sets the counts by type to now − base: the events since base was taken. */
  countSince(base: Float64Array, now: Float64Array): void {
    for (let t = 0; t < 256; t++) this.byType[t] = now[t] - base[t];
  }

  /** Adds a range's or metric's details. */
  detail(d: Details): void {
    if (d.gc) this.gcCycles++;
    if (d.stw) this.stw++;
    if (d.gomaxprocs !== null && (this.maxGomaxprocs === null || d.gomaxprocs > this.maxGomaxprocs)) this.maxGomaxprocs = d.gomaxprocs;
    if (d.heap !== null && (this.heapPeakBytes === null || d.heap > this.heapPeakBytes)) this.heapPeakBytes = d.heap;
  }

  /** The counts, given the time of the stretch's last event and its distinct IDs. */
  finish(last: Time | null, ids: StretchIds): SummaryCounts {
    const first = this.first;
    const byKind = new Array<number>(KINDS).fill(0);
    const transitionsByResource = [0, 0, 0, 0];
    let events = 0;
    for (let t = 0; t < 256; t++) {
      const n = this.byType[t];
      if (n === 0) continue;
      events += n;
      byKind[KIND[t]] += n;
      if (KIND[t] === EventKind.StateTransition) transitionsByResource[TRANSITION_RESOURCE[t]] += n;
    }
    return {
      events,
      byKind,
      transitionsByResource,
      firstNs: first,
      lastNs: first === null ? null : last,
      durationNs: first === null || last === null ? 0 : spanNs(first, last),
      goroutines: ids.gs.size,
      procs: ids.ps.size,
      threads: ids.ms.size,
      goroutinesCapped: ids.gs.capped,
      procsCapped: ids.ps.capped,
      threadsCapped: ids.ms.capped,
      gcCycles: this.gcCycles,
      stw: this.stw,
      tasks: byKind[EventKind.TaskBegin],
      regions: byKind[EventKind.RegionBegin],
      logs: byKind[EventKind.Log],
      cpuSamples: byKind[EventKind.StackSample],
      maxGomaxprocs: this.maxGomaxprocs,
      heapPeakBytes: this.heapPeakBytes,
    };
  }
}

/** b − a in ns as a plain number (exact while the span itself is below 2^53 ns, ~104 days). */
export function spanNs(a: Time, b: Time): number {
  if (typeof a === 'number' && typeof b === 'number') return b - a;
  return Number(BigInt(b) - BigInt(a));
}

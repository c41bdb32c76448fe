// The trace summary's counters over one stretch of events (a generation, or the whole trace).
// Per event this is one increment (events by wire type, from which the counts by kind and by
// resource follow when the stretch ends), a comparison for each of the event's G, P and M (a
// run of one M's events mostly repeats them) and at most one bit test: the summary rides along
// with the parse and should cost next to nothing. Only ranges and metrics, a handful per
// trace, are read in detail.

import {
  EventKind,
  type I64,
  KIND,
  ResourceKind,
  type Time,
  TRANSITION_ID_IN_ARG,
  TRANSITION_RESOURCE,
  type TraceEvent,
  u64ToI64,
} from '../trace/parse/index';
import { BoundedIdSet } from './bounded-id-set';
import type { SummaryCounts } from './trace-summary';

export const GC_RANGE = 'GC concurrent mark phase';
export const GOMAXPROCS_METRIC = '/sched/gomaxprocs:threads';
export const HEAP_METRIC = '/memory/classes/heap/objects:bytes';

const KINDS = 15;

/** Per event type: 1 for the kinds whose details the summary reads (ranges begun, metrics). */
export const DETAILED = new Uint8Array(256);
for (let t = 0; t < 256; t++) DETAILED[t] = KIND[t] === EventKind.RangeBegin || KIND[t] === EventKind.Metric ? 1 : 0;

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

/** Matches no ID: a fresh stretch has seen none. */
const NO_ID = NaN;

/** Counts over one stretch of events. The ID sets grow with distinct resources, not events. */
export class Accumulator {
  /** Events by wire type (EV_SYNC included). */
  readonly byType = new Float64Array(256);
  first: Time | null = null;
  private gcCycles = 0;
  private stw = 0;
  private maxGomaxprocs: number | null = null;
  private heapPeakBytes: number | null = null;
  readonly gs: BoundedIdSet;
  readonly ps: BoundedIdSet;
  readonly ms: BoundedIdSet;
  /** The G, P and M last added: an event on the same M mostly names them again. */
  lastG: I64 = NO_ID;
  lastP: I64 = NO_ID;
  lastM: I64 = NO_ID;

  constructor(idLimit: number) {
    this.gs = new BoundedIdSet(idLimit);
    this.ps = new BoundedIdSet(idLimit);
    this.ms = new BoundedIdSet(idLimit);
  }

  get events(): number {
    let n = 0;
    for (let t = 0; t < 256; t++) n += this.byType[t];
    return n;
  }

  /** Adds a range's or metric's details. */
  detail(d: Details): void {
    if (d.gc) this.gcCycles++;
    if (d.stw) this.stw++;
    if (d.gomaxprocs !== null && (this.maxGomaxprocs === null || d.gomaxprocs > this.maxGomaxprocs)) this.maxGomaxprocs = d.gomaxprocs;
    if (d.heap !== null && (this.heapPeakBytes === null || d.heap > this.heapPeakBytes)) this.heapPeakBytes = d.heap;
  }

  /** The counts, given the time of the stretch's last event. */
  finish(last: Time | null): SummaryCounts {
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
      goroutines: this.gs.size,
      procs: this.ps.size,
      threads: this.ms.size,
      goroutinesCapped: this.gs.capped,
      procsCapped: this.ps.capped,
      threadsCapped: this.ms.capped,
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

/**
 * Adds the event's goroutine, P and M, and the resource it moves, to the open stretch's sets
 * and, when new there, to the whole trace's: an ID already seen in this generation is already
 * in the total. `open` is null before the first generation starts.
 */
export function addIds(ev: TraceEvent, open: Accumulator | null, total: Accumulator): void {
  const acc = open ?? total;
  const g = ev.g;
  if (g !== acc.lastG) {
    acc.lastG = g;
    if (g !== -1) addId(open?.gs, total.gs, g);
  }
  const p = ev.p;
  if (p !== acc.lastP) {
    acc.lastP = p;
    if (p !== -1) addId(open?.ps, total.ps, p);
  }
  const m = ev.m;
  if (m !== acc.lastM) {
    acc.lastM = m;
    if (m !== -1) addId(open?.ms, total.ms, m);
  }
  // A transition moving its own G or P named it above; one moving another names it in a0.
  const t = ev.type;
  if (TRANSITION_ID_IN_ARG[t] !== 0) {
    const id = u64ToI64(ev.a0);
    if (TRANSITION_RESOURCE[t] === ResourceKind.Goroutine) addId(open?.gs, total.gs, id);
    else addId(open?.ps, total.ps, id);
  }
}

function addId(open: BoundedIdSet | undefined, total: BoundedIdSet, id: I64): void {
  if (open === undefined || open.add(id)) total.add(id);
}

/** b − a in ns as a plain number (exact while the span itself is below 2^53 ns, ~104 days). */
export function spanNs(a: Time, b: Time): number {
  if (typeof a === 'number' && typeof b === 'number') return b - a;
  return Number(BigInt(b) - BigInt(a));
}

// The trace summary's counters over one stretch of events (a generation, or the whole trace),
// and what each event adds to them. Per event this is a handful of increments and three bit
// tests: the summary rides along with the parse and should cost next to nothing.

import { EventKind, ResourceKind, type Time, type TraceEvent, transitionResourceId, transitionResourceKind } from '../trace/parse/index';
import { BoundedIdSet, type Id } from './bounded-id-set';
import type { SummaryCounts } from './trace-summary';

export const GC_RANGE = 'GC concurrent mark phase';
export const GOMAXPROCS_METRIC = '/sched/gomaxprocs:threads';
export const HEAP_METRIC = '/memory/classes/heap/objects:bytes';

const KINDS = 15;

/** What one event contributes beyond its kind, computed once and shared by both accumulators. */
export interface EventInfo {
  resource: ResourceKind;
  id: Id;
  gc: boolean;
  stw: boolean;
  gomaxprocs: number | null;
  heap: number | null;
}

export function blankInfo(): EventInfo {
  return { resource: ResourceKind.None, id: 0, gc: false, stw: false, gomaxprocs: null, heap: null };
}

/** Fills `out` for the event; reading details can raise Go's panics (GoPanic). */
export function infoOf(ev: TraceEvent, kind: EventKind, out: EventInfo): EventInfo {
  out.resource = ResourceKind.None;
  out.id = 0;
  out.gc = false;
  out.stw = false;
  out.gomaxprocs = null;
  out.heap = null;
  switch (kind) {
    case EventKind.StateTransition:
      out.resource = transitionResourceKind(ev);
      out.id = transitionResourceId(ev);
      break;
    case EventKind.RangeBegin: {
      const name = ev.range().name;
      out.gc = name === GC_RANGE;
      out.stw = name.startsWith('stop-the-world');
      break;
    }
    case EventKind.Metric: {
      const m = ev.metric();
      const v = Number(m.value.uint64);
      if (m.name === GOMAXPROCS_METRIC) out.gomaxprocs = v;
      else if (m.name === HEAP_METRIC) out.heap = v;
      break;
    }
  }
  return out;
}

/** Counts over one stretch of events. The ID sets grow with distinct resources, not events. */
export class Accumulator {
  events = 0;
  private readonly byKind = new Array<number>(KINDS).fill(0);
  private readonly transitionsByResource = [0, 0, 0, 0];
  private first: Time | null = null;
  private gcCycles = 0;
  private stw = 0;
  private tasks = 0;
  private regions = 0;
  private logs = 0;
  private cpuSamples = 0;
  private maxGomaxprocs: number | null = null;
  private heapPeakBytes: number | null = null;
  readonly gs: BoundedIdSet;
  readonly ps: BoundedIdSet;
  readonly ms: BoundedIdSet;

  constructor(idLimit: number) {
    this.gs = new BoundedIdSet(idLimit);
    this.ps = new BoundedIdSet(idLimit);
    this.ms = new BoundedIdSet(idLimit);
  }

  /** Counts the event (its IDs go through addIds). */
  count(kind: EventKind, t: Time, info: EventInfo): void {
    this.events++;
    this.byKind[kind]++;
    if (this.first === null) this.first = t;
    switch (kind) {
      case EventKind.StateTransition:
        this.transitionsByResource[info.resource]++;
        return;
      case EventKind.RangeBegin:
        if (info.gc) this.gcCycles++;
        if (info.stw) this.stw++;
        return;
      case EventKind.TaskBegin:
        this.tasks++;
        return;
      case EventKind.RegionBegin:
        this.regions++;
        return;
      case EventKind.Log:
        this.logs++;
        return;
      case EventKind.StackSample:
        this.cpuSamples++;
        return;
      case EventKind.Metric:
        if (info.gomaxprocs !== null && (this.maxGomaxprocs === null || info.gomaxprocs > this.maxGomaxprocs)) this.maxGomaxprocs = info.gomaxprocs;
        if (info.heap !== null && (this.heapPeakBytes === null || info.heap > this.heapPeakBytes)) this.heapPeakBytes = info.heap;
    }
  }

  /** The counts, given the time of the stretch's last event. */
  finish(last: Time | null): SummaryCounts {
    const first = this.first;
    return {
      events: this.events,
      byKind: this.byKind,
      transitionsByResource: this.transitionsByResource,
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
      tasks: this.tasks,
      regions: this.regions,
      logs: this.logs,
      cpuSamples: this.cpuSamples,
      maxGomaxprocs: this.maxGomaxprocs,
      heapPeakBytes: this.heapPeakBytes,
    };
  }
}

/**
 * Adds the event's goroutine, P and M, and the resource it moves, to the open generation's sets
 * and, when new there, to the whole trace's: an ID already seen in this generation is already
 * in the total.
 */
export function addIds(ev: TraceEvent, info: EventInfo, open: Accumulator | null, total: Accumulator): void {
  if (ev.g !== -1) addId(open?.gs, total.gs, ev.g);
  if (ev.p !== -1) addId(open?.ps, total.ps, ev.p);
  if (ev.m !== -1) addId(open?.ms, total.ms, ev.m);
  if (info.resource === ResourceKind.Goroutine) addId(open?.gs, total.gs, info.id);
  else if (info.resource === ResourceKind.Proc) addId(open?.ps, total.ps, info.id);
  else if (info.resource === ResourceKind.Thread) addId(open?.ms, total.ms, info.id);
}

function addId(open: BoundedIdSet | undefined, total: BoundedIdSet, id: Id): void {
  if (open === undefined || open.add(id)) total.add(id);
}

/** b − a in ns as a plain number (exact while the span itself is below 2^53 ns, ~104 days). */
export function spanNs(a: Time, b: Time): number {
  if (typeof a === 'number' && typeof b === 'number') return b - a;
  return Number(BigInt(b) - BigInt(a));
}

// What Go's parser finds in a trace, as a few numbers per generation and in total: event
// counts by kind, the time span in nanoseconds, goroutines/Ps/Ms seen, GC cycles, stops of the
// world, user annotations, CPU samples and two metrics. Streaming and bounded: the reader holds
// one generation at a time and this keeps only counters and sets of resource IDs, never events.
//
// Generations follow the reader's Sync events (Go's internal/trace/reader.go emits one Sync at
// the start of every generation and one that ends the trace). A generation is complete when
// the next Sync arrives.
//
// The distinct-ID sets are bounded (ID_SET_LIMIT): a crafted or enormous trace can name millions
// of goroutines, and a set per generation plus one for the whole trace would grow with them.
// Counts are exact up to the limit; past it the summary says "more than the limit". On a parse error, Go's partial rule applies (cmd/trace prints every
// event read before the error): everything before the damage is reported, with Go's message.

import {
  EventKind,
  formatUnixRFC3339Nano,
  ResourceKind,
  type Time,
  type TraceEvent,
  type TraceReader,
} from '../trace/parse/index';
import { runPass, type EventSink, type PassEnd } from './event-pass';
import { transitionOf } from './transition-memo';

/** Counts over a stretch of events (one generation, or the whole trace). */
export interface SummaryCounts {
  events: number;
  /** Indexed by EventKind (0 Bad … 14 Experimental). */
  byKind: number[];
  /** StateTransition events indexed by ResourceKind (0 None, 1 Goroutine, 2 Proc, 3 Thread). */
  transitionsByResource: number[];
  /** First and last event time, in ns (Go's trace.Time): exact, bigint past 2^53. */
  firstNs: Time | null;
  lastNs: Time | null;
  /** lastNs − firstNs. */
  durationNs: number;
  /** Distinct IDs seen, exact up to the ID limit; when the matching *Capped flag is set, more. */
  goroutines: number;
  procs: number;
  threads: number;
  /** True when more distinct IDs than the limit were seen (the count then equals the limit). */
  goroutinesCapped: boolean;
  procsCapped: boolean;
  threadsCapped: boolean;
  /** RangeBegin 'GC concurrent mark phase'. */
  gcCycles: number;
  /** RangeBegin 'stop-the-world (…)'. */
  stw: number;
  tasks: number;
  regions: number;
  logs: number;
  cpuSamples: number;
  /** Largest '/sched/gomaxprocs:threads' metric value; null when none was seen. */
  maxGomaxprocs: number | null;
  /** Largest '/memory/classes/heap/objects:bytes' (HeapAlloc) value; null when none. */
  heapPeakBytes: number | null;
}

export interface GenerationStats extends SummaryCounts {
  /** Position in the file, from 1 (Go's Sync N). */
  n: number;
  /** The generation number written in the file (what the wire table shows). */
  gen: number | bigint | null;
  /** Wall-clock time of the generation's clock snapshot (Go 1.25+), RFC 3339 in UTC. */
  wallStart: string | null;
}

export type SummaryVerdict =
  | { kind: 'ok' }
  | {
      kind: 'error';
      /** Go's own message. */
      message: string;
      /** not-a-trace / v1-trace / unsupported-version (header), truncated / damaged (body), internal. */
      fault: string;
      /** Complete generations before the damage: what Go's partial rule keeps. */
      generationsKept: number;
      /** Every event read before the error (what `go tool trace -d=parsed` prints). */
      eventsRead: number;
      /** Events in the complete generations only (their Syncs included). */
      eventsKept: number;
    };

export interface TraceSummary {
  /** Trace format version from the header (22…26); null when the header was not read. */
  version: number | null;
  verdict: SummaryVerdict;
  /** Every event read (for a clean trace, the whole trace including its closing Sync). */
  total: SummaryCounts;
  /** Complete generations, in order. */
  generations: GenerationStats[];
  /** Wall-clock start from the first Sync's clock snapshot (Go 1.25+), RFC 3339 UTC. */
  wallStart: string | null;
  /** Bytes of the file the reader consumed. */
  bytesRead: number;
}

export const GC_RANGE = 'GC concurrent mark phase';
export const GOMAXPROCS_METRIC = '/sched/gomaxprocs:threads';
export const HEAP_METRIC = '/memory/classes/heap/objects:bytes';

const KINDS = 15;

/**
 * Distinct goroutine, P and M IDs are counted exactly up to this many per set, then the set
 * stops growing. 100,000 numbers keep a set to a few MB; real programs rarely have more live
 * goroutines than that, and a trace that does is told so.
 */
export const ID_SET_LIMIT = 100_000;

type Id = number | bigint;

/** A set that stops growing at `limit` members and remembers that it had to. */
export class BoundedIdSet {
  private readonly ids = new Set<Id>();
  /** A new ID arrived while the set was full: the true count is above `limit`. */
  capped = false;
  constructor(readonly limit: number) {}

  /** The ID added last: consecutive events mostly name the same G, P and M (one M's batch). */
  private last: Id | null = null;

  add(id: Id): void {
    if (id === this.last || this.capped) return;
    this.last = id;
    if (this.ids.size < this.limit) this.ids.add(id);
    else if (!this.ids.has(id)) {
      this.capped = true;
      // The members are no longer needed once the answer is "more than limit".
      this.ids.clear();
    }
  }

  /** Exact while not capped; `limit` once capped. */
  get size(): number {
    return this.capped ? this.limit : this.ids.size;
  }
}

/** Accumulates one stretch of events. The ID sets grow with distinct resources, not events. */
class Accumulator {
  readonly c: SummaryCounts = {
    events: 0,
    byKind: new Array<number>(KINDS).fill(0),
    transitionsByResource: [0, 0, 0, 0],
    firstNs: null,
    lastNs: null,
    durationNs: 0,
    goroutines: 0,
    procs: 0,
    threads: 0,
    goroutinesCapped: false,
    procsCapped: false,
    threadsCapped: false,
    gcCycles: 0,
    stw: 0,
    tasks: 0,
    regions: 0,
    logs: 0,
    cpuSamples: 0,
    maxGomaxprocs: null,
    heapPeakBytes: null,
  };
  private readonly gs: BoundedIdSet;
  private readonly ps: BoundedIdSet;
  private readonly ms: BoundedIdSet;

  constructor(idLimit: number) {
    this.gs = new BoundedIdSet(idLimit);
    this.ps = new BoundedIdSet(idLimit);
    this.ms = new BoundedIdSet(idLimit);
  }

  add(ev: TraceEvent, kind: EventKind, t: Time, info: EventInfo): void {
    const c = this.c;
    c.events++;
    c.byKind[kind]++;
    if (c.firstNs === null) c.firstNs = t;
    c.lastNs = t;
    if (ev.g !== -1) this.gs.add(ev.g);
    if (ev.p !== -1) this.ps.add(ev.p);
    if (ev.m !== -1) this.ms.add(ev.m);
    if (info.resource === ResourceKind.Goroutine) this.gs.add(info.id);
    else if (info.resource === ResourceKind.Proc) this.ps.add(info.id);
    else if (info.resource === ResourceKind.Thread) this.ms.add(info.id);
    if (kind === EventKind.StateTransition) c.transitionsByResource[info.resource]++;
    if (info.gc) c.gcCycles++;
    if (info.stw) c.stw++;
    if (kind === EventKind.TaskBegin) c.tasks++;
    else if (kind === EventKind.RegionBegin) c.regions++;
    else if (kind === EventKind.Log) c.logs++;
    else if (kind === EventKind.StackSample) c.cpuSamples++;
    if (info.gomaxprocs !== null && (c.maxGomaxprocs === null || info.gomaxprocs > c.maxGomaxprocs)) c.maxGomaxprocs = info.gomaxprocs;
    if (info.heap !== null && (c.heapPeakBytes === null || info.heap > c.heapPeakBytes)) c.heapPeakBytes = info.heap;
  }

  finish(): SummaryCounts {
    const c = this.c;
    c.goroutines = this.gs.size;
    c.procs = this.ps.size;
    c.threads = this.ms.size;
    c.goroutinesCapped = this.gs.capped;
    c.procsCapped = this.ps.capped;
    c.threadsCapped = this.ms.capped;
    c.durationNs = c.firstNs === null || c.lastNs === null ? 0 : spanNs(c.firstNs, c.lastNs);
    return c;
  }
}

/** What one event contributes beyond its kind, computed once and shared by both accumulators. */
interface EventInfo {
  resource: ResourceKind;
  id: Id;
  gc: boolean;
  stw: boolean;
  gomaxprocs: number | null;
  heap: number | null;
}

function infoOf(ev: TraceEvent, kind: EventKind, out: EventInfo): EventInfo {
  out.resource = ResourceKind.None;
  out.id = 0;
  out.gc = false;
  out.stw = false;
  out.gomaxprocs = null;
  out.heap = null;
  switch (kind) {
    case EventKind.StateTransition: {
      const r = transitionOf(ev).resource;
      out.resource = r.kind;
      out.id = r.id;
      break;
    }
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

/** b − a in ns as a plain number (exact while the span itself is below 2^53 ns, ~104 days). */
export function spanNs(a: Time, b: Time): number {
  if (typeof a === 'number' && typeof b === 'number') return b - a;
  return Number(BigInt(b) - BigInt(a));
}

/**
 * The summary as one consumer of an event pass (event-pass.ts): feed it every event, then
 * finish(end) makes the summary. `idLimit` bounds each distinct-ID set (see ID_SET_LIMIT).
 */
export class SummarySink implements EventSink {
  private reader: TraceReader | null = null;
  private readonly total: Accumulator;
  private readonly gens: GenerationStats[] = [];
  private open: { acc: Accumulator; n: number; gen: Id | null; wall: string | null } | null = null;
  private wallStart: string | null = null;
  private eventsKept = 0;
  private readonly info: EventInfo = { resource: ResourceKind.None, id: 0, gc: false, stw: false, gomaxprocs: null, heap: null };

  constructor(private readonly idLimit = ID_SET_LIMIT) {
    this.total = new Accumulator(idLimit);
  }

  /** Complete generations so far (for progress). */
  get generations(): number {
    return this.gens.length;
  }

  start(reader: TraceReader): void {
    this.reader = reader;
  }

  event(ev: TraceEvent): void {
    const kind = ev.kind();
    // Reading details can raise Go's panics (GoPanic) on input the reader accepted: the pass
    // then ends with that error.
    const info = infoOf(ev, kind, this.info);
    if (kind === EventKind.Sync) {
      // The next Sync closes the open generation: it is complete.
      const open = this.open;
      if (open !== null) {
        this.gens.push({ ...open.acc.finish(), n: open.n, gen: open.gen, wallStart: open.wall });
        this.eventsKept += open.acc.c.events;
      }
      const s = ev.sync();
      const snap = s.clockSnapshot;
      const wall = snap ? formatUnixRFC3339Nano(snap.wall.sec, snap.wall.nsec, true) : null;
      if (wall !== null && this.wallStart === null && this.gens.length === 0) this.wallStart = wall;
      this.open = { acc: new Accumulator(this.idLimit), n: s.n, gen: this.reader?.generation ?? null, wall };
    }
    this.total.add(ev, kind, ev.time, info);
    this.open?.acc.add(ev, kind, ev.time, info);
  }

  finish(end: PassEnd): TraceSummary {
    if (end.error !== null) {
      return failedSummary(end.version, end.error, end.fault, end.bytesRead, this.total, this.gens, this.wallStart, this.eventsKept);
    }
    return {
      version: end.version,
      verdict: { kind: 'ok' },
      total: this.total.finish(),
      generations: this.gens,
      wallStart: this.wallStart,
      bytesRead: end.bytesRead,
    };
  }
}

export interface SummaryProgress {
  events: number;
  bytesRead: number;
  generations: number;
}

/**
 * Reads the whole trace, yielding progress every `every` events so a caller can report it and
 * give way to other messages between chunks. Returns the summary.
 */
export function* summarizeSteps(
  bytes: Uint8Array,
  every = 20_000,
  idLimit = ID_SET_LIMIT,
): Generator<SummaryProgress, TraceSummary, void> {
  const sink = new SummarySink(idLimit);
  const pass = runPass(bytes, [sink], every);
  for (;;) {
    const r = pass.next();
    if (r.done) return sink.finish(r.value);
    yield { ...r.value, generations: sink.generations };
  }
}

function failedSummary(
  version: number | null,
  e: unknown,
  fault: string,
  bytesRead: number,
  total: Accumulator,
  gens: GenerationStats[],
  wallStart: string | null,
  eventsKept = 0,
): TraceSummary {
  const t = total.finish();
  return {
    version,
    verdict: {
      kind: 'error',
      message: e instanceof Error ? e.message : String(e),
      fault,
      generationsKept: gens.length,
      eventsRead: t.events,
      eventsKept,
    },
    total: t,
    generations: gens,
    wallStart,
    bytesRead,
  };
}

/** The same summary in one synchronous call. */
export function summarizeTrace(bytes: Uint8Array, idLimit = ID_SET_LIMIT): TraceSummary {
  const it = summarizeSteps(bytes, Number.MAX_SAFE_INTEGER, idLimit);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

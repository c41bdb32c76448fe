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

import { EV_SYNC, u64ToI64, type ThreadID, formatUnixRFC3339Nano, type Time, type TraceEvent, type TraceReader } from '../trace/parse/index';
import { ID_SET_LIMIT } from './bounded-id-set';
import { Accumulator, detailsOf, G_IN_ARG, P_IN_ARG, SPECIAL, type StretchIds, SUMMARY_WORK } from './summary-accumulator';
import { DistinctIds } from './distinct-ids';
import { runPass, type EventSink, type PassEnd } from './event-pass';

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

export { GC_RANGE, GOMAXPROCS_METRIC, HEAP_METRIC, spanNs } from './summary-accumulator';
export { BoundedIdSet, ID_SET_LIMIT } from './bounded-id-set';

/**
 * The summary as one consumer of an event pass (event-pass.ts): feed it every event, then
 * finish(end) makes the summary. `idLimit` bounds each distinct-ID set (see ID_SET_LIMIT).
 */
export class SummarySink implements EventSink {
  private reader: TraceReader | null = null;
  private readonly total: Accumulator;
  /** The trace's counts by type (total.byType), one load away. */
  private readonly byType: Float64Array;
  private readonly gens: GenerationStats[] = [];
  /** The open generation: its counters, and the trace's counts by type when it began. */
  private open: { acc: Accumulator; base: Float64Array; n: number; gen: number | bigint | null; wall: string | null } | null = null;
  private wallStart: string | null = null;
  private eventsKept = 0;
  /**
   * The last event's time: a double in a typed array (a number field that keeps changing would
   * box a new heap number per event), or a bigint once times pass 2^53 ns.
   */
  private readonly lastTime = new Float64Array(1);
  private lastBig: bigint | null = null;
  private seen = false;
  /** Distinct IDs, per generation and in the whole trace. */
  private readonly gs: DistinctIds;
  private readonly ps: DistinctIds;
  private readonly ms: DistinctIds;
  /**
   * The last event's M, counted in this generation already. -1 (none, never counted) stands
   * for "none yet": a small integer keeps the field, and the comparison with it, a plain
   * integer (null would make each comparison a call to the generic equality check).
   */
  private lastM: ThreadID = -1;

  constructor(idLimit = ID_SET_LIMIT) {
    this.total = new Accumulator();
    this.byType = this.total.byType;
    this.gs = new DistinctIds(idLimit);
    this.ps = new DistinctIds(idLimit);
    this.ms = new DistinctIds(idLimit);
  }

  /** Complete generations so far (for progress). */
  get generations(): number {
    return this.gens.length;
  }

  start(reader: TraceReader): void {
    this.reader = reader;
  }

  event(ev: TraceEvent): void {
    const type = ev.type;
    const time = ev.time;
    const work = SUMMARY_WORK[type];
    if ((work & SPECIAL) !== 0) this.special(ev);
    // One count per event, in the trace's counts: a generation's are the difference from where
    // it began (sync).
    this.byType[type]++;
    // Within a generation an M's G and P change only through a transition on that M that
    // names the new one in a0 (counted below), so the G and P an event runs with need a look
    // only on its M's first event in the generation: they may have come from the one before.
    // Events without an M, which are few, are looked at each time. The last event's M is kept
    // so that a stretch of one M's events costs one comparison.
    const m = ev.m;
    if (m !== this.lastM || m === -1) this.otherM(ev, m);
    // The goroutine or P a transition moves, when a0 names it (an ID past 2^63, a bigint, is
    // read as Go's int64, as the event's own IDs are; a number is below 2^53).
    if ((work & (G_IN_ARG | P_IN_ARG)) !== 0) {
      const a0 = ev.a0;
      ((work & G_IN_ARG) !== 0 ? this.gs : this.ps).add(typeof a0 === 'number' ? a0 : u64ToI64(a0));
    }
    if (typeof time === 'number') this.lastTime[0] = time;
    else this.lastBig = time;
  }

  /**
   * An event on another M than the one before. A method of its own, and the goroutine or P
   * count in event() one call site: event() is copied into the reader's loop, whose inlining
   * budget it shares with the reader's own helpers.
   */
  private otherM(ev: TraceEvent, m: ThreadID): void {
    this.lastM = m;
    if (m === -1 || this.ms.add(m)) {
      const g = ev.g;
      if (g !== -1) this.gs.add(g);
      const p = ev.p;
      if (p !== -1) this.ps.add(p);
    }
  }

  /** A range, metric or Sync event: the few the summary reads beyond its type and IDs. */
  private special(ev: TraceEvent): void {
    if (ev.type === EV_SYNC) {
      this.sync(ev);
      return;
    }
    // Reading details can raise Go's panics (GoPanic) on input the reader accepted: the pass
    // then ends with that error, before the event is counted.
    const d = detailsOf(ev);
    this.total.detail(d);
    this.open?.acc.detail(d);
  }

  /**
   * The next Sync closes the open generation: it is complete. Every pass begins with a Sync
   * (Go's reader emits one before any other event), so the trace's first time is taken here.
   */
  private sync(ev: TraceEvent): void {
    if (!this.seen) {
      this.total.first = ev.time;
      this.seen = true;
    }
    const open = this.open;
    if (open !== null) {
      open.acc.countSince(open.base, this.total.byType);
      const ids = { gs: this.gs.stretchCount(), ps: this.ps.stretchCount(), ms: this.ms.stretchCount() };
      this.gens.push({ ...open.acc.finish(this.last(), ids), n: open.n, gen: open.gen, wallStart: open.wall });
      this.eventsKept += open.acc.events;
    }
    // What came before the first Sync is in the trace's counts only.
    this.gs.nextStretch();
    this.ps.nextStretch();
    this.ms.nextStretch();
    this.lastM = -1;
    const s = ev.sync();
    const snap = s.clockSnapshot;
    const wall = snap ? formatUnixRFC3339Nano(snap.wall.sec, snap.wall.nsec, true) : null;
    if (wall !== null && this.wallStart === null && this.gens.length === 0) this.wallStart = wall;
    const acc = new Accumulator();
    acc.first = ev.time;
    this.open = { acc, base: this.total.byType.slice(), n: s.n, gen: this.reader?.generation ?? null, wall };
  }

  private last(): Time | null {
    if (!this.seen) return null;
    return this.lastBig ?? this.lastTime[0];
  }

  finish(end: PassEnd): TraceSummary {
    const ids: StretchIds = { gs: this.gs.traceCount(), ps: this.ps.traceCount(), ms: this.ms.traceCount() };
    const total = this.total.finish(this.last(), ids);
    if (end.error !== null) return failedSummary(end.version, end.error, end.fault, end.bytesRead, total, this.gens, this.wallStart, this.eventsKept);
    return {
      version: end.version,
      verdict: { kind: 'ok' },
      total,
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
  t: SummaryCounts,
  gens: GenerationStats[],
  wallStart: string | null,
  eventsKept = 0,
): TraceSummary {
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

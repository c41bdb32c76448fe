// The four blocking profiles of cmd/trace/pprof.go (net, sync, syscall, sched) and the trace's
// CPU samples, gathered in the one event pass so that a profile of the whole trace, of a
// goroutine group, of some regions or of a task can be made later without reading the file
// again. Memory grows with goroutines × stacks and regions × stacks, never with events: each
// finished blocking interval is added to its goroutine's totals by stack, and to the totals of
// every region open on the goroutine at the time.
//
// Go keeps every event and, for a request, walks them with a time interval per goroutine
// (its lifetime, or the outermost matching regions) and adds up the overlap of each blocking
// interval. Here the overlap is known when the interval ends: goroutine states change only at
// transitions, and regions begin and end only while the goroutine runs, so a blocking interval
// lies wholly inside or outside each region, and wholly after the goroutine's first start or
// (ending no later than it) wholly before. Intervals before the first start are kept apart:
// Go counts them only for a goroutine that never runs in the trace.

import { EventKind, GoState, ResourceKind, type GoID, type TraceEvent } from '../../trace/parse/index';
import type { EventSink } from '../event-pass';
import type { GoroutineSummarizer } from '../goroutines/summarizer';
import type { RegionSummary } from '../goroutines/summary-types';
import { TraceClock } from '../trace-time';
import { StackTable } from './stack-table';
import { transitionOf } from '../transition-memo';
import { IdMap } from '../id-map';
import { grown, LiveSlots } from '../live-slots';

export type ProfileKind = 'net' | 'sync' | 'syscall' | 'sched' | 'cpu';
export const PROFILE_KINDS: readonly ProfileKind[] = ['net', 'sync', 'syscall', 'sched', 'cpu'];
export const BLOCKING_KINDS: readonly ProfileKind[] = ['net', 'sync', 'syscall', 'sched'];

/** CPU samples are taken at pprof's default 100 Hz; the trace does not record the rate. */
export const CPU_PERIOD_NS = 10_000_000;

/** Which state each blocking profile follows, and for which reasons (cmd/trace/pprof.go). */
const TRACKED: { state: GoState; reason(r: string): boolean }[] = [
  { state: GoState.Waiting, reason: (r) => r === 'network' },
  { state: GoState.Waiting, reason: (r) => r.includes('chan') || r.includes('sync') || r.includes('select') },
  { state: GoState.Syscall, reason: () => true },
  { state: GoState.Runnable, reason: () => true },
];
const CPU = 4;
/** Per goroutine state, the TRACKED kinds (bit k for TRACKED[k]) that follow it. */
const KINDS_OF_STATE: number[] = new Array(8).fill(0);
TRACKED.forEach((tr, k) => (KINDS_OF_STATE[tr.state] |= 1 << k));

/** Up to this many keys a totals record is searched in order; past it, through a Map. */
const LINEAR_KEYS = 8;

/** find's answer for the first key, kept in fields. */
const FIRST = -2;

/**
 * Totals by (stack, kind): key stack * 8 + kind → count, ns, and the seq of the last interval
 * added (the order in which Go would have met them, for choosing frames; see stack-table.ts).
 * The first key's totals are fields; the others one flat array of [key, count, ns, seq] in the
 * order keys were first added. There are two per goroutine and one per region, two thirds of
 * them with one key: a Map of three-element arrays kept about 470 bytes for three keys, a flat
 * array alone 120 bytes for one key, where the fields take 72.
 */
export class ProfileTotals {
  /** The first key (keys are never negative), or -1 while there is none. */
  private k0 = -1;
  private c0 = 0;
  private n0 = 0;
  private s0 = 0;
  private q: number[] | null = null;
  /** key → offset in q, made once q has more than LINEAR_KEYS keys. */
  private index: Map<number, number> | null = null;

  /** Where key's totals are: FIRST, an offset in q, or -1. */
  private find(key: number): number {
    if (this.k0 === key) return FIRST;
    if (this.index !== null) return this.index.get(key) ?? -1;
    const q = this.q;
    if (q !== null) for (let i = 0; i < q.length; i += 4) if (q[i] === key) return i;
    return -1;
  }

  /** Adds to the totals at `at` (find's answer); seq is kept unless later (keepSeq: kept). */
  private addAt(at: number, count: number, ns: number, seq: number, keepSeq: boolean): void {
    if (at === FIRST) {
      this.c0 += count;
      this.n0 += ns;
      if (!keepSeq && seq > this.s0) this.s0 = seq;
      return;
    }
    const q = this.q!;
    q[at + 1] += count;
    q[at + 2] += ns;
    if (!keepSeq && seq > q[at + 3]) q[at + 3] = seq;
  }

  private put(key: number, count: number, ns: number, seq: number, keepSeq = false): void {
    const at = this.find(key);
    if (at !== -1) {
      this.addAt(at, count, ns, seq, keepSeq);
      return;
    }
    if (this.k0 === -1) {
      this.k0 = key;
      this.c0 = count;
      this.n0 = ns;
      this.s0 = seq;
      return;
    }
    const q = (this.q ??= []);
    const i = q.length;
    q.push(key, count, ns, seq);
    if (this.index !== null) this.index.set(key, i);
    else if (i >= LINEAR_KEYS * 4) {
      this.index = new Map();
      for (let j = 0; j < q.length; j += 4) this.index.set(q[j], j);
    }
  }

  add(kind: number, stack: number, count: number, ns: number, seq: number): void {
    this.put(stack * 8 + kind, count, ns, seq);
  }

  /** Adds (sign 1) or takes away (-1) another's totals; taking away keeps this one's seq. */
  addAll(o: ProfileTotals, sign = 1): void {
    o.forEach((key, count, ns, seq) => this.put(key, sign * count, sign * ns, seq, sign < 0 && this.find(key) !== -1));
  }

  copy(): ProfileTotals {
    const t = new ProfileTotals();
    t.addAll(this);
    return t;
  }

  /** Each key with its count, ns and seq, in the order the keys were first added. */
  forEach(f: (key: number, count: number, ns: number, seq: number) => void): void {
    if (this.k0 !== -1) f(this.k0, this.c0, this.n0, this.s0);
    const q = this.q;
    if (q !== null) for (let i = 0; i < q.length; i += 4) f(q[i], q[i + 1], q[i + 2], q[i + 3]);
  }

  /** Lets go of spare capacity, for a record that no longer grows (it may still grow after). */
  trim(): void {
    if (this.index === null && this.q !== null) this.q = this.q.slice();
  }
}

// The totals' number fields stay tagged (see settleNumberFields in goroutines/exec-stats.ts): a
// count or a duration under 2^31 then sits in the object, not in a heap number of its own.
{
  const t = new ProfileTotals() as unknown as Record<'c0' | 'n0' | 's0', unknown>;
  t.c0 = t.n0 = t.s0 = null;
}

export interface GoroutineTotals {
  /** Every finished interval of the goroutine. */
  all: ProfileTotals;
  /** Those that ended before (or as) it first ran; null while there are none. */
  beforeStart: ProfileTotals | null;
  started: boolean;
}

/** The longest interval seen for a (stack, kind): where a flame graph's click leads. */
export interface Longest {
  startNs: number;
  endNs: number;
  g: GoID;
}

export interface ProfileState {
  stacks: StackTable;
  /** By the same key as ProfileTotals (stack * 8 + kind). */
  longest: Map<number, Longest>;
  byGoroutine: IdMap<GoroutineTotals>;
  /** By region index (TraceAnnotations.regions); undefined for a region with nothing. */
  byRegion: (ProfileTotals | undefined)[];
  /** Every CPU sample, with or without a goroutine. */
  cpu: ProfileTotals;
}

export class ProfileSink implements EventSink {
  readonly clock = new TraceClock();
  readonly state: ProfileState = { stacks: new StackTable(), longest: new Map(), byGoroutine: new IdMap(), byRegion: [], cpu: new ProfileTotals() };
  /**
   * The goroutines with a blocking interval open, and per slot: bit k of `openKinds` set while
   * an interval of TRACKED[k] is, its start and stack at [slot * 4 + k] of `since` and
   * `sinceStack`, and the goroutine's totals once found. In columns (see live-slots.ts): an
   * object per goroutine, updated in place, left this sink waiting on memory.
   */
  private readonly tracking = new LiveSlots();
  private openKinds = new Uint8Array(0);
  private since = new Float64Array(0);
  private sinceStack = new Int32Array(0);
  private totalsOf: (GoroutineTotals | null)[] = [];
  /** kindsBegunBy's answers for waits by reason, and its last one. */
  private readonly waitKinds = new Map<string, number>();
  private lastWaitReason: string | null = null;
  private lastWaitKinds = 0;
  /** Counts finished intervals and samples, in the order Go meets them. */
  private seq = 0;

  /**
   * Must see each event before the summarizer does (its open regions are the ones a finishing
   * interval lies in); it tells this sink when it makes up a region that began before the trace.
   */
  constructor(private readonly summarizer: GoroutineSummarizer) {
    summarizer.onMadeUpRegion = (r) => this.madeUpRegion(r);
  }

  event(ev: TraceEvent): void {
    this.clock.see(ev.time);
    const kind = ev.kind();
    if (kind === EventKind.StateTransition) this.transition(ev);
    else if (kind === EventKind.StackSample) {
      const stack = this.state.stacks.internEventStack(ev);
      this.state.cpu.add(CPU, stack, 1, CPU_PERIOD_NS, ++this.seq);
      const t = this.clock.rel(ev.time);
      this.noteLongest(CPU, stack, t - CPU_PERIOD_NS, t, ev.g);
      if (ev.g !== -1) this.record(ev.g, CPU, stack, 1, CPU_PERIOD_NS);
    }
  }

  private transition(ev: TraceEvent): void {
    const st = transitionOf(ev);
    if (st.resource.kind !== ResourceKind.Goroutine) return;
    const id = st.resource.id;
    const to = st.to as GoState;
    const t = this.clock.rel(ev.time);
    let s = this.tracking.slotOf(id);
    const open = s < 0 ? 0 : this.openKinds[s];
    // Every open interval of a state the goroutine leaves ends (in TRACKED's order); every
    // kind whose state and reason it enters, and that is not open yet, begins.
    let ending = open & ~KINDS_OF_STATE[to];
    const beginning = ~open & this.kindsBegunBy(to, st.reason);
    if (ending !== 0) {
      this.openKinds[s] = open & ~ending;
      for (let k = 0; ending !== 0; k++, ending >>= 1) {
        if ((ending & 1) === 0) continue;
        const start = this.since[s * 4 + k];
        const d = t - start;
        if (d > 0) {
          const stack = this.sinceStack[s * 4 + k];
          this.recordTo((this.totalsOf[s] ??= this.totals(id)), id, k, stack, 1, d);
          this.noteLongest(k, stack, start, t, id);
        }
      }
    }
    if (beginning !== 0) {
      if (s < 0) s = this.track(id);
      this.openKinds[s] |= beginning;
      const stack = this.state.stacks.internEventStack(ev);
      for (let k = 0, b = beginning; b !== 0; k++, b >>= 1) {
        if ((b & 1) === 0) continue;
        this.since[s * 4 + k] = t;
        this.sinceStack[s * 4 + k] = stack;
      }
    }
    if (to === GoState.Running) (s >= 0 ? (this.totalsOf[s] ??= this.totals(id)) : this.totals(id)).started = true;
    // A goroutine that is gone has nothing open; its slot goes with it.
    else if (to === GoState.NotExist && s >= 0 && this.openKinds[s] === 0) {
      this.totalsOf[s] = null;
      this.tracking.close(id, s);
    }
  }

  /** The kinds (bit k for TRACKED[k]) whose state is `to` and whose reason test `reason` passes. */
  private kindsBegunBy(to: GoState, reason: string): number {
    const kinds = KINDS_OF_STATE[to];
    // Only waits tell kinds apart by reason; the answer for each reason is kept.
    if (to !== GoState.Waiting || kinds === 0) return kinds;
    if (reason === this.lastWaitReason) return this.lastWaitKinds;
    let k = this.waitKinds.get(reason);
    if (k === undefined) {
      k = 0;
      for (let i = 0; i < TRACKED.length; i++) if (TRACKED[i].state === to && TRACKED[i].reason(reason)) k |= 1 << i;
      this.waitKinds.set(reason, k);
    }
    this.lastWaitReason = reason;
    this.lastWaitKinds = k;
    return k;
  }

  /** A slot for a goroutine that opens its first blocking interval. */
  private track(id: GoID): number {
    const s = this.tracking.open(id);
    if (s >= this.openKinds.length) {
      const n = this.tracking.used;
      this.openKinds = grown(this.openKinds, n);
      this.since = grown(this.since, this.openKinds.length * 4);
      this.sinceStack = grown(this.sinceStack, this.openKinds.length * 4);
    }
    this.openKinds[s] = 0;
    this.totalsOf[s] = null;
    return s;
  }

  private noteLongest(kind: number, stack: number, startNs: number, endNs: number, g: GoID): void {
    const key = stack * 8 + kind;
    const l = this.state.longest.get(key);
    if (!l || endNs - startNs > l.endNs - l.startNs) this.state.longest.set(key, { startNs, endNs, g });
  }

  private totals(id: GoID): GoroutineTotals {
    let g = this.state.byGoroutine.get(id);
    if (!g) this.state.byGoroutine.set(id, (g = { all: new ProfileTotals(), beforeStart: null, started: false }));
    return g;
  }

  private record(id: GoID, kind: number, stack: number, count: number, ns: number): void {
    this.recordTo(this.totals(id), id, kind, stack, count, ns);
  }

  private recordTo(g: GoroutineTotals, id: GoID, kind: number, stack: number, count: number, ns: number): void {
    const seq = ++this.seq;
    g.all.add(kind, stack, count, ns, seq);
    if (!g.started) (g.beforeStart ??= new ProfileTotals()).add(kind, stack, count, ns, seq);
    for (const r of this.summarizer.activeRegions(id)) this.region(r.index).add(kind, stack, count, ns, seq);
  }

  private region(i: number): ProfileTotals {
    const byRegion = fillTo(this.state.byRegion, i);
    let t = byRegion[i];
    if (t === undefined) byRegion[i] = t = new ProfileTotals();
    return t;
  }

  /** After the pass: the records stop growing, so their spare capacity goes. */
  finish(): ProfileState {
    for (const g of this.state.byGoroutine.values()) {
      g.all.trim();
      g.beforeStart?.trim();
    }
    for (const r of this.state.byRegion) r?.trim();
    return this.state;
  }

  /** A region that began before the trace holds everything its goroutine did until it ended. */
  private madeUpRegion(r: RegionSummary): void {
    const g = this.state.byGoroutine.get(r.goroutine);
    if (g) fillTo(this.state.byRegion, r.index)[r.index] = g.all.copy();
  }
}

/**
 * The array with slots up to index i (undefined where nothing is), filled in order so it never
 * turns sparse: a region may get its first interval long after later regions began.
 */
function fillTo<T>(a: (T | undefined)[], i: number): (T | undefined)[] {
  while (a.length <= i) a.push(undefined);
  return a;
}

export const KIND_INDEX: Record<ProfileKind, number> = { net: 0, sync: 1, syscall: 2, sched: 3, cpu: CPU };

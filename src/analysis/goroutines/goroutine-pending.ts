// The bookkeeping Go's internal/trace/summary.go keeps per goroutine only while it summarizes
// (goroutineSummary's last* fields and activeRegions, with the running stats), and what is
// worked out from it: the goroutine's stats as if it stopped now (snapshotStat) and its end
// (finalize). The summarizer (summarizer.ts) moves these intervals on each state change; user
// regions (annotation-book.ts) subtract two snapshots.
//
// The state of the goroutines alive in the pass sits in columns by live slot (live-slots.ts);
// the goroutine's summary is written when it ends. As objects (a summary, its stats, their Maps
// and the boxed numbers in them, per goroutine), a server trace's hundreds of thousands of
// goroutines spread this state over a heap of a gigabyte, and each state change waited on
// several cache and TLB misses.
//
// Go marks "not set" times with 0; here times are relative to the first event (trace-time.ts)
// and "not set" is UNSET. Go's quirk is kept: a pending blocked syscall counts in both syscall
// and scheduler-wait time when a region or the trace ends.

import type { GoID } from '../../trace/parse/index';
import { addTo, type DraftStats, NO_KEYS, settled, subStats } from './exec-stats';
import { grown, LiveSlots } from '../live-slots';
import { StringIndex } from '../string-index';
import { isSystemGoroutine, type EventRef, type GoroutineSummary, type RegionSummary } from './summary-types';

export const UNSET = Number.NEGATIVE_INFINITY;

const NO_REGIONS: RegionSummary[] = [];

/** The columns of the goroutines alive in the pass, by slot. */
export class LiveGoroutines {
  private readonly slots = new LiveSlots();

  /** The summary each slot's goroutine writes its results to. */
  summary: (GoroutineSummary | undefined)[] = [];
  creation = new Float64Array(0);
  lastStart = new Float64Array(0);
  lastRunnable = new Float64Array(0);
  lastBlock = new Float64Array(0);
  lastSyscall = new Float64Array(0);
  lastSyscallBlock = new Float64Array(0);
  execNs = new Float64Array(0);
  schedWaitNs = new Float64Array(0);
  syscallNs = new Float64Array(0);
  syscallBlockNs = new Float64Array(0);
  /** When it first ran; UNSET before. */
  firstStart = new Float64Array(0);
  /** Index of the last block's reason in `reasons`. */
  blockReason = new Int32Array(0);
  /** 1 once the summary has a name (the summarizer names a goroutine by its first stack). */
  named = new Uint8Array(0);
  /** Blocked time for the first reason it blocked for (its index; -1 before any block). */
  firstReason = new Int32Array(0);
  firstReasonNs = new Float64Array(0);
  /** Blocked time for any other reasons: [reason index, ns, …] in the order they first came. */
  blocks: (number[] | null)[] = [];
  /** Open special ranges by name; made on the first (most goroutines never have one). */
  lastRange: (Map<string, number> | null)[] = [];
  /** Time in special ranges by name, while alive. */
  rangeNs: (Map<string, number> | null)[] = [];
  /** Stack of regions open on the goroutine (their stats hold the snapshot at their start). */
  active: RegionSummary[][] = [];

  /** Block reasons, by the index the columns keep. */
  readonly reasons = new StringIndex();

  /** The slot of the goroutine if it is alive in the pass, else -1. */
  slotOf(id: GoID): number {
    return this.slots.slotOf(id);
  }

  /**
   * Starts (or starts over) the columns of a goroutine that came into view at `creation` with
   * `summary` as its record. Returns its slot; the columns may have been replaced.
   */
  open(id: GoID, summary: GoroutineSummary, creation: number): number {
    let s = this.slots.slotOf(id);
    if (s < 0) {
      s = this.slots.open(id);
      if (s >= this.creation.length) this.grow(this.slots.used);
    }
    this.summary[s] = summary;
    this.creation[s] = creation;
    this.lastStart[s] = this.lastRunnable[s] = this.lastBlock[s] = UNSET;
    this.lastSyscall[s] = this.lastSyscallBlock[s] = this.firstStart[s] = UNSET;
    this.execNs[s] = this.schedWaitNs[s] = this.syscallNs[s] = this.syscallBlockNs[s] = 0;
    this.blockReason[s] = 0;
    this.firstReason[s] = -1;
    this.firstReasonNs[s] = 0;
    this.named[s] = 0;
    this.blocks[s] = null;
    this.lastRange[s] = null;
    this.rangeNs[s] = null;
    this.active[s] = NO_REGIONS;
    return s;
  }

  /** Adds ns of blocked time for reason index `reason` to slot s. */
  addBlock(s: number, reason: number, ns: number): void {
    const first = this.firstReason[s];
    if (first === reason || first < 0) {
      this.firstReason[s] = reason;
      this.firstReasonNs[s] += ns;
      return;
    }
    const b = this.blocks[s];
    if (b === null) {
      this.blocks[s] = [reason, ns];
      return;
    }
    for (let i = 0; i < b.length; i += 2) {
      if (b[i] === reason) {
        b[i + 1] += ns;
        return;
      }
    }
    b.push(reason, ns);
  }

  /** The region stack of slot s, to push to (made on first use). */
  regionsOpen(s: number): RegionSummary[] {
    let a = this.active[s];
    if (a === NO_REGIONS) this.active[s] = a = [];
    return a;
  }

  /** The goroutine's stats as if it stopped now (Go's snapshotStat). */
  snapshot(s: number, now: number): DraftStats {
    return this.withPending(s, now, this.runningStats(s));
  }

  /**
   * The goroutine ended (trigger set) or the trace did (trigger null): Go's finalize. Its
   * summary gets its stats, its open regions end, and the slot is given back.
   */
  finalize(id: GoID, s: number, now: number, trigger: EventRef | null): void {
    const g = this.summary[s]!;
    if (trigger) g.endNs = trigger.timeNs;
    if (this.firstStart[s] !== UNSET) g.startNs = this.firstStart[s];
    const final = settled(this.withPending(s, now, this.runningStats(s)));
    g.stats = final;
    // System goroutines never belong to regions, even when they inherited one at creation.
    if (!isSystemGoroutine(g.name)) {
      for (const r of this.active[s]) {
        r.end = trigger;
        r.stats = subStats(final, r.stats);
        g.regions.push(r.index);
      }
    }
    this.close(id, s);
  }

  /** The stats the columns hold for slot s, without what its open intervals add. */
  private runningStats(s: number): DraftStats {
    // A map nothing will add to is the shared empty one (a region begins and ends with two
    // snapshots; most never block).
    const first = this.firstReason[s];
    const blockNs = first >= 0 || this.lastBlock[s] !== UNSET ? new Map<string, number>() : NO_KEYS;
    if (first >= 0) blockNs.set(this.reasons.strings[first], this.firstReasonNs[s]);
    const b = this.blocks[s];
    if (b !== null) for (let i = 0; i < b.length; i += 2) blockNs.set(this.reasons.strings[b[i]], b[i + 1]);
    const ranges = this.rangeNs[s];
    const open = this.lastRange[s];
    return {
      execNs: this.execNs[s],
      schedWaitNs: this.schedWaitNs[s],
      syscallNs: this.syscallNs[s],
      syscallBlockNs: this.syscallBlockNs[s],
      totalNs: 0,
      blockNs,
      rangeNs: ranges !== null || (open !== null && open.size > 0) ? new Map(ranges ?? []) : NO_KEYS,
    };
  }

  /** Adds to ret what slot s's open intervals hold at `now`. */
  private withPending(s: number, now: number, ret: DraftStats): DraftStats {
    ret.totalNs = now - this.creation[s];
    if (this.lastStart[s] !== UNSET) ret.execNs += now - this.lastStart[s];
    if (this.lastRunnable[s] !== UNSET) ret.schedWaitNs += now - this.lastRunnable[s];
    if (this.lastBlock[s] !== UNSET) addTo(ret.blockNs, this.reasons.strings[this.blockReason[s]], now - this.lastBlock[s]);
    if (this.lastSyscall[s] !== UNSET) ret.syscallNs += now - this.lastSyscall[s];
    // Go adds a pending blocked syscall to scheduler wait here (and the whole syscall above).
    if (this.lastSyscallBlock[s] !== UNSET) ret.schedWaitNs += now - this.lastSyscallBlock[s];
    const open = this.lastRange[s];
    if (open !== null) for (const [name, since] of open) addTo(ret.rangeNs, name, now - since);
    return ret;
  }

  private close(id: GoID, s: number): void {
    this.slots.close(id, s);
    this.summary[s] = undefined;
    this.blocks[s] = null;
    this.lastRange[s] = null;
    this.rangeNs[s] = null;
    this.active[s] = NO_REGIONS;
  }

  private grow(n: number): void {
    this.creation = grown(this.creation, n);
    this.lastStart = grown(this.lastStart, n);
    this.lastRunnable = grown(this.lastRunnable, n);
    this.lastBlock = grown(this.lastBlock, n);
    this.lastSyscall = grown(this.lastSyscall, n);
    this.lastSyscallBlock = grown(this.lastSyscallBlock, n);
    this.execNs = grown(this.execNs, n);
    this.schedWaitNs = grown(this.schedWaitNs, n);
    this.syscallNs = grown(this.syscallNs, n);
    this.syscallBlockNs = grown(this.syscallBlockNs, n);
    this.firstStart = grown(this.firstStart, n);
    this.firstReasonNs = grown(this.firstReasonNs, n);
    this.blockReason = grown(this.blockReason, n);
    this.firstReason = grown(this.firstReason, n);
    this.named = grown(this.named, n);
  }
}

// The bookkeeping Go's internal/trace/summary.go keeps per goroutine only while it summarizes
// (goroutineSummary's last* fields and activeRegions), and what is worked out from it: the
// goroutine's stats as if it stopped now (snapshotStat) and its end (finalize). The summarizer
// (summarizer.ts) moves these intervals on each state change; user regions
// (annotation-book.ts) subtract two snapshots.
//
// Go marks "not set" times with 0; here times are relative to the first event (trace-time.ts)
// and "not set" is UNSET. Go's quirk is kept: a pending blocked syscall counts in both syscall
// and scheduler-wait time when a region or the trace ends.

import type { GoID } from '../../trace/parse/index';
import { addTo, copyStats, emptyStats, settled, subStats, type ExecStats } from './exec-stats';
import { isSystemGoroutine, type EventRef, type GoroutineSummary, type RegionSummary } from './summary-types';

export const UNSET = Number.NEGATIVE_INFINITY;

/** The bookkeeping Go keeps per goroutine only while summarizing (goroutineSummary). */
export class Pending {
  lastStart = UNSET;
  lastRunnable = UNSET;
  lastBlock = UNSET;
  lastBlockReason = '';
  lastSyscall = UNSET;
  lastSyscallBlock = UNSET;
  /** Open special ranges by name; made on the first (most goroutines never have one). */
  lastRange: Map<string, number> | null = null;
  /** Stack of regions open on the goroutine; their stats hold the snapshot at their start. */
  active: RegionSummary[] = [];
}

/** A goroutine's summary while the pass runs; `pending` is null once it has ended. */
export interface G extends GoroutineSummary {
  pending: Pending | null;
}

export function newG(id: GoID, creation: number): G {
  return { id, name: '', pc: 0, creationNs: creation, startNs: null, endNs: null, stats: emptyStats(), regions: [], pending: new Pending() };
}

/** The goroutine's stats as if it stopped now (Go's snapshotStat). */
export function snapshot(g: G, now: number): ExecStats {
  // Only read after this (subtracted, or subtracted from): a map nothing will add to is the
  // shared empty one rather than a fresh copy (a region begins and ends with two snapshots).
  const p = g.pending;
  const block = g.stats.blockNs.size > 0 || (p !== null && p.lastBlock !== UNSET);
  const range = g.stats.rangeNs.size > 0 || (p !== null && p.lastRange !== null && p.lastRange.size > 0);
  return addPending(copyStats(g.stats, block, range), g, now);
}

/** Adds to ret (g's stats or a copy of them) what g's open intervals hold at `now`. */
function addPending(ret: ExecStats, g: G, now: number): ExecStats {
  const p = g.pending;
  if (!p) return ret;
  if (g.stats.totalNs === 0) ret.totalNs = now - g.creationNs;
  if (p.lastStart !== UNSET) ret.execNs += now - p.lastStart;
  if (p.lastRunnable !== UNSET) ret.schedWaitNs += now - p.lastRunnable;
  if (p.lastBlock !== UNSET) addTo(ret.blockNs, p.lastBlockReason, now - p.lastBlock);
  if (p.lastSyscall !== UNSET) ret.syscallNs += now - p.lastSyscall;
  // Go adds a pending blocked syscall to scheduler wait here (and the whole syscall above).
  if (p.lastSyscallBlock !== UNSET) ret.schedWaitNs += now - p.lastSyscallBlock;
  if (p.lastRange) for (const [name, since] of p.lastRange) addTo(ret.rangeNs, name, now - since);
  return ret;
}

/** The goroutine ended (trigger set) or the trace did (trigger null): Go's finalize. */
export function finalize(g: G, now: number, trigger: EventRef | null): void {
  if (trigger) g.endNs = trigger.timeNs;
  // The snapshot made in place: the goroutine's running stats are not kept anywhere else.
  const final = settled(addPending(g.stats, g, now));
  // System goroutines never belong to regions, even when they inherited one at creation.
  if (g.pending && !isSystemGoroutine(g.name)) {
    for (const r of g.pending.active) {
      r.end = trigger;
      r.stats = subStats(final, r.stats);
      g.regions.push(r.index);
    }
  }
  g.pending = null;
}

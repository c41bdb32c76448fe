// Where a goroutine's (or a region's) time went, as Go's internal/trace/summary.go
// GoroutineExecStats counts it: execution, scheduler wait, syscall, syscall blocked and
// blocked by reason never overlap; "total" is the goroutine's time in the trace, and ranges
// (GC mark assist, sweep, …) overlap the others. Times are nanoseconds.
//
// Reasons and range names are keys, not object properties: they come from the trace's string
// table, and Go's page shows a column for every key a record holds, even at zero. A finished
// record's blocked times are a FrozenTimes (frozen-times.ts); one still changing has a Map.

import { frozen, FrozenTimes, NO_TIMES, type TimesByName } from './frozen-times';

export interface ExecStats {
  execNs: number;
  schedWaitNs: number;
  syscallNs: number;
  syscallBlockNs: number;
  totalNs: number;
  /** Blocked time by the reason of the block (Go's BlockTimeByReason). */
  blockNs: TimesByName;
  /** Time in special ranges (GC mark assist, GC incremental sweep); overlaps the rest. */
  rangeNs: Map<string, number>;
}

/** An ExecStats still being added to: its blocked times are a Map. */
export type DraftStats = ExecStats & { blockNs: Map<string, number> };

export function emptyStats(): DraftStats {
  return { execNs: 0, schedWaitNs: 0, syscallNs: 0, syscallBlockNs: 0, totalNs: 0, blockNs: new Map(), rangeNs: new Map() };
}

/**
 * The one map every finished record with no keys shares: most regions never block and most
 * records have no ranges, and half a million regions each kept two empty Maps (about 170 bytes
 * apiece). Nothing writes a finished record; a write here would be a bug, so it throws.
 */
class NoKeys extends Map<string, number> {
  override set(): this {
    throw new Error('a finished ExecStats was written');
  }
}
export const NO_KEYS: Map<string, number> = new NoKeys();

/**
 * s made compact for a record that no longer changes: its empty range map swapped for the
 * shared one, its blocked times frozen.
 */
export function settled(s: ExecStats): ExecStats {
  s.blockNs = frozen(s.blockNs);
  if (s.rangeNs.size === 0) s.rangeNs = NO_KEYS;
  return s;
}

export function addTo(m: Map<string, number>, key: string, ns: number): void {
  m.set(key, (m.get(key) ?? 0) + ns);
}

/** s − v, over s's keys (Go's GoroutineExecStats.sub); settled (see above): nothing adds to it later. */
export function subStats(s: ExecStats, v: ExecStats): ExecStats {
  return {
    execNs: s.execNs - v.execNs,
    schedWaitNs: s.schedWaitNs - v.schedWaitNs,
    syscallNs: s.syscallNs - v.syscallNs,
    syscallBlockNs: s.syscallBlockNs - v.syscallBlockNs,
    totalNs: s.totalNs - v.totalNs,
    blockNs: s.blockNs.size === 0 ? NO_TIMES : FrozenTimes.difference(s.blockNs, v.blockNs),
    rangeNs: subKeys(s.rangeNs, v.rangeNs),
  };
}

function subKeys(s: Map<string, number>, v: Map<string, number>): Map<string, number> {
  if (s.size === 0) return NO_KEYS;
  const r = new Map<string, number>();
  for (const [k, ns] of s) r.set(k, ns - (v.get(k) ?? 0));
  return r;
}

/** Whatever total time the non-overlapping stats leave unexplained (Go's UnknownTime). */
export function unknownNs(s: ExecStats): number {
  let sum = s.execNs + s.schedWaitNs + s.syscallNs + s.syscallBlockNs;
  s.blockNs.forEach((ns) => (sum += ns));
  return sum < s.totalNs ? s.totalNs - sum : 0;
}

export const EXECUTION = 'Execution time';
export const SCHED_WAIT = 'Sched wait time';
export const SYSCALL_EXEC = 'Syscall execution time';
export const SYSCALL_BLOCK = 'Block time (syscall)';
export const UNKNOWN = 'Unknown time';

/** The non-overlapping columns of go tool trace's goroutine and region pages, by their names. */
export function nonOverlapping(s: ExecStats): Map<string, number> {
  const m = new Map<string, number>([
    [EXECUTION, s.execNs],
    [SCHED_WAIT, s.schedWaitNs],
    [SYSCALL_EXEC, s.syscallNs],
    [SYSCALL_BLOCK, s.syscallBlockNs],
    [UNKNOWN, unknownNs(s)],
  ]);
  s.blockNs.forEach((ns, reason) => addTo(m, `Block time (${reason})`, ns));
  return m;
}

/** Column order of Go's pages: "Execution time" first, then the rest by name (byte order). */
export function orderStatNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => {
    if (a === b) return 0;
    if (a === EXECUTION) return -1;
    if (b === EXECUTION) return 1;
    return a < b ? -1 : 1;
  });
}

/**
 * Makes the number fields of the analysis' results tagged from the start, so that a value that
 * fits a small integer (most durations and times under 2^31 ns) is stored in the object itself.
 * V8 gives a field that first holds a fraction or a number past 2^31 a "double" representation,
 * for every object of that shape made later, and each of those then keeps each value in a heap
 * number of its own (16 bytes, one more object for every collection to visit): the analyses of
 * an 8 MB server trace kept a million of them, a ninth of their heap. A field that once held a
 * non-number is tagged for good. `make` builds one
 * object with the same properties, in the same order, as the real ones (objects made by
 * literals of one property order share their shape); `placeholder` goes in each number field.
 */
export function settleNumberFields(make: (placeholder: number) => object): void {
  make(null as unknown as number);
}

settleNumberFields((n): ExecStats => ({ execNs: n, schedWaitNs: n, syscallNs: n, syscallBlockNs: n, totalNs: n, blockNs: NO_KEYS, rangeNs: NO_KEYS }));

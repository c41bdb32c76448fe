// Where a goroutine's (or a region's) time went, as Go's internal/trace/summary.go
// GoroutineExecStats counts it: execution, scheduler wait, syscall, syscall blocked and
// blocked by reason never overlap; "total" is the goroutine's time in the trace, and ranges
// (GC mark assist, sweep, …) overlap the others. Times are nanoseconds.
//
// Reasons and range names are Map keys, not object properties: they come from the trace's
// string table, and Go's page shows a column for every key a map holds, even at zero.

export interface ExecStats {
  execNs: number;
  schedWaitNs: number;
  syscallNs: number;
  syscallBlockNs: number;
  totalNs: number;
  /** Blocked time by the reason of the block (Go's BlockTimeByReason). */
  blockNs: Map<string, number>;
  /** Time in special ranges (GC mark assist, GC incremental sweep); overlaps the rest. */
  rangeNs: Map<string, number>;
}

export function emptyStats(): ExecStats {
  return { execNs: 0, schedWaitNs: 0, syscallNs: 0, syscallBlockNs: 0, totalNs: 0, blockNs: new Map(), rangeNs: new Map() };
}

export function cloneStats(s: ExecStats): ExecStats {
  return { ...s, blockNs: new Map(s.blockNs), rangeNs: new Map(s.rangeNs) };
}

export function addTo(m: Map<string, number>, key: string, ns: number): void {
  m.set(key, (m.get(key) ?? 0) + ns);
}

/** s − v, over s's keys (Go's GoroutineExecStats.sub). */
export function subStats(s: ExecStats, v: ExecStats): ExecStats {
  const r = cloneStats(s);
  r.execNs -= v.execNs;
  r.schedWaitNs -= v.schedWaitNs;
  for (const k of s.blockNs.keys()) r.blockNs.set(k, r.blockNs.get(k)! - (v.blockNs.get(k) ?? 0));
  r.syscallNs -= v.syscallNs;
  r.syscallBlockNs -= v.syscallBlockNs;
  r.totalNs -= v.totalNs;
  for (const k of s.rangeNs.keys()) r.rangeNs.set(k, r.rangeNs.get(k)! - (v.rangeNs.get(k) ?? 0));
  return r;
}

/** Whatever total time the non-overlapping stats leave unexplained (Go's UnknownTime). */
export function unknownNs(s: ExecStats): number {
  let sum = s.execNs + s.schedWaitNs + s.syscallNs + s.syscallBlockNs;
  for (const v of s.blockNs.values()) sum += v;
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
  for (const [reason, ns] of s.blockNs) addTo(m, `Block time (${reason})`, ns);
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

// Goroutines grouped by start function, as cmd/trace's /goroutines page lists them, and one
// group's breakdown as its /goroutine?name=… page shows it (cmd/trace/goroutines.go).

import { goFixed } from '../../trace/go/fmt';
import type { GoID } from '../../trace/parse/index';
import { nonOverlapping, orderStatNames } from './exec-stats';
import type { GoroutineSummary } from './summary-types';

export interface GoroutineGroup {
  /** Start function; '' for goroutines never seen with a stack. */
  name: string;
  count: number;
  execNs: number;
}

/** Groups by start function, most execution time first (Go's order; ties by name here). */
export function goroutineGroups(gs: readonly GoroutineSummary[]): GoroutineGroup[] {
  const by = new Map<string, GoroutineGroup>();
  for (const g of gs) {
    let grp = by.get(g.name);
    if (!grp) by.set(g.name, (grp = { name: g.name, count: 0, execNs: 0 }));
    grp.count++;
    grp.execNs += g.stats.execNs;
  }
  return [...by.values()].sort((a, b) => b.execNs - a.execNs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface GoroutineRow {
  id: GoID;
  totalNs: number;
  /** The non-overlapping stats by Go's column name. */
  stats: Map<string, number>;
  /** Special ranges (overlapping), by range name. */
  ranges: Map<string, number>;
  startNs: number | null;
  endNs: number | null;
  creationNs: number;
}

export interface GroupDetail {
  name: string;
  count: number;
  /** Share of all goroutines' execution time, as Go prints it ("20.88%"); '' when none ran. */
  execPercent: string;
  execNs: number;
  maxTotalNs: number;
  /** Non-overlapping stat columns present in this group, in Go's order. */
  columns: string[];
  /** Special-range columns present, by name. */
  rangeColumns: string[];
  rows: GoroutineRow[];
}

/** One group's breakdown, sorted by total time (or by a column, as Go's sortby=). */
export function groupDetail(gs: readonly GoroutineSummary[], name: string, sortBy?: string): GroupDetail {
  let totalExec = 0;
  let execNs = 0;
  let maxTotalNs = 0;
  const columns = new Set<string>();
  const rangeColumns = new Set<string>();
  const rows: GoroutineRow[] = [];
  for (const g of gs) {
    totalExec += g.stats.execNs;
    if (g.name !== name) continue;
    const stats = nonOverlapping(g.stats);
    for (const k of stats.keys()) columns.add(k);
    for (const k of g.stats.rangeNs.keys()) rangeColumns.add(k);
    rows.push({ id: g.id, totalNs: g.stats.totalNs, stats, ranges: g.stats.rangeNs, startNs: g.startNs, endNs: g.endNs, creationNs: g.creationNs });
    execNs += g.stats.execNs;
    if (g.stats.totalNs > maxTotalNs) maxTotalNs = g.stats.totalNs;
  }
  sortRows(rows, sortBy, columns);
  return {
    name,
    count: rows.length,
    execPercent: totalExec > 0 ? `${goFixed((execNs / totalExec) * 100, 2)}%` : '',
    execNs,
    maxTotalNs,
    columns: orderStatNames(columns),
    rangeColumns: [...rangeColumns].sort(),
    rows,
  };
}

/** By a stat column when it names one, else by total time; most first, ties by ID. */
export function sortRows<R extends { totalNs: number; stats: Map<string, number>; id: GoID }>(rows: R[], sortBy: string | undefined, valid: Set<string>): void {
  const key = sortBy !== undefined && valid.has(sortBy) ? sortBy : null;
  const v = (r: R) => (key === null ? r.totalNs : r.stats.get(key) ?? 0);
  rows.sort((a, b) => v(b) - v(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

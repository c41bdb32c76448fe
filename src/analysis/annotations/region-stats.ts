// User regions grouped as cmd/trace's /userregions page groups them (type and the outermost
// frame of the stack that began them), with a latency histogram per group, and the regions of
// one group as /userregion lists them (cmd/trace/regions.go).

import type { StackFrame } from '../../trace/parse/index';
import { nonOverlapping, orderStatNames } from '../goroutines/exec-stats';
import type { RegionSummary, TraceAnnotations } from '../goroutines/summary-types';
import { addSample, emptyHistogram, type TimeHistogram } from './histogram';

/** A region's span; unknown ends are the trace's first and last event (Go's regionInterval). */
export function regionSpan(a: TraceAnnotations, r: RegionSummary): { startNs: number; endNs: number } {
  return { startNs: r.start?.timeNs ?? a.startNs, endNs: r.end?.timeNs ?? a.endNs };
}

export interface RegionType {
  /** Stable key of the group: type and fingerprint PC. */
  key: string;
  name: string;
  frame: StackFrame;
  count: number;
  hist: TimeHistogram;
  /** The longest region of the group (index), for a link. */
  slowest: number;
  slowestNs: number;
  /** Where the slowest one ran. */
  slowestSpan: { startNs: number; endNs: number; g: RegionSummary['goroutine'] };
}

export function regionKey(name: string, pc: number | bigint): string {
  return `${pc.toString(16)} ${name}`;
}

/** Every region that ended up on a goroutine, grouped; by type, then PC (Go's order). */
export function regionTypes(a: TraceAnnotations): RegionType[] {
  // By name, then PC: a key string per region was most of this function's time and garbage.
  const by = new Map<string, Map<number | bigint, RegionType>>();
  const all: RegionType[] = [];
  for (const g of a.goroutines) {
    for (const i of g.regions) {
      const r = a.regions[i];
      let byPc = by.get(r.name);
      if (!byPc) by.set(r.name, (byPc = new Map()));
      let t = byPc.get(r.frame.pc);
      const startNs = r.start?.timeNs ?? a.startNs;
      const endNs = r.end?.timeNs ?? a.endNs;
      if (!t) {
        byPc.set(r.frame.pc, (t = { key: regionKey(r.name, r.frame.pc), name: r.name, frame: r.frame, count: 0, hist: emptyHistogram(), slowest: i, slowestNs: -1, slowestSpan: { startNs, endNs, g: g.id } }));
        all.push(t);
      }
      const d = endNs - startNs;
      addSample(t.hist, d);
      t.count++;
      if (d > t.slowestNs) {
        t.slowestNs = d;
        t.slowest = i;
        t.slowestSpan = { startNs, endNs, g: g.id };
      }
    }
  }
  return all.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : Number(x.frame.pc) - Number(y.frame.pc)));
}

export interface RegionFilter {
  name?: string;
  pc?: number | bigint;
  minNs?: number;
  maxNs?: number;
}

export function regionMatches(a: TraceAnnotations, r: RegionSummary, f: RegionFilter): boolean {
  if (f.name !== undefined && r.name !== f.name) return false;
  if (f.pc !== undefined && r.frame.pc !== f.pc) return false;
  const s = regionSpan(a, r);
  if (f.minNs !== undefined && s.endNs - s.startNs < f.minNs) return false;
  if (f.maxNs !== undefined && s.endNs - s.startNs > f.maxNs) return false;
  return true;
}

export interface RegionRow {
  index: number;
  id: RegionSummary['goroutine'];
  task: RegionSummary['task'];
  startNs: number;
  endNs: number;
  totalNs: number;
  stats: Map<string, number>;
  ranges: Map<string, number>;
}

export interface RegionDetail {
  columns: string[];
  rangeColumns: string[];
  maxTotalNs: number;
  rows: RegionRow[];
}

/** The regions a filter selects, longest total first (Go's default), with their breakdowns. */
export function regionDetail(a: TraceAnnotations, f: RegionFilter, sortBy?: string): RegionDetail {
  const columns = new Set<string>();
  const rangeColumns = new Set<string>();
  const rows: RegionRow[] = [];
  let maxTotalNs = 0;
  for (const g of a.goroutines) {
    for (const i of g.regions) {
      const r = a.regions[i];
      if (!regionMatches(a, r, f)) continue;
      const stats = nonOverlapping(r.stats);
      for (const k of stats.keys()) columns.add(k);
      for (const k of r.stats.rangeNs.keys()) rangeColumns.add(k);
      const s = regionSpan(a, r);
      rows.push({ index: i, id: g.id, task: r.task, startNs: s.startNs, endNs: s.endNs, totalNs: r.stats.totalNs, stats, ranges: r.stats.rangeNs });
      if (r.stats.totalNs > maxTotalNs) maxTotalNs = r.stats.totalNs;
    }
  }
  const key = sortBy !== undefined && columns.has(sortBy) ? sortBy : null;
  const v = (r: RegionRow) => (key === null ? r.totalNs : r.stats.get(key) ?? 0);
  rows.sort((x, y) => v(y) - v(x) || x.startNs - y.startNs);
  return { columns: orderStatNames(columns), rangeColumns: [...rangeColumns].sort(), maxTotalNs, rows };
}

// The MMU plot and worst windows as go tool trace's /mmu serves them
// (internal/trace/traceviewer/mmu.go): a hundred window sizes spread logarithmically over six
// orders of magnitude from where the MMU first drops below 0.0001, the curve (or the
// percentile curves) at each, and the ten worst disjoint windows at a size.

import { goExp } from '../../trace/go/exp';
import { MMUCurve, type UtilWindow } from './mmu-curve';
import type { MmuLog } from './mmu-log';
import { mutatorUtilization, UTIL_ASSIST, UTIL_BACKGROUND, UTIL_PER_PROC, UTIL_STW, UTIL_SWEEP } from './mutator-util';

export interface MmuOptions {
  stw: boolean;
  background: boolean;
  assist: boolean;
  sweep: boolean;
  /** Per goroutine ("perProc"): one series per P, 0 whenever GC takes that P. */
  perProc: boolean;
  /** Also the 99.9th, 99th and 95th percentile curves ("mut"). */
  percentiles: boolean;
}

/** Go's default view: system-wide, STW, background workers and mark assists. */
export const DEFAULT_MMU: MmuOptions = { stw: true, background: true, assist: true, sweep: false, perProc: false, percentiles: false };

/** Options from go tool trace's flags parameter ("stw|background|assist"). */
export function parseMmuFlags(s: string): MmuOptions {
  const f = new Set(s.split('|'));
  return { stw: f.has('stw'), background: f.has('background'), assist: f.has('assist'), sweep: f.has('sweep'), perProc: f.has('perProc'), percentiles: f.has('mut') };
}

export function utilFlags(o: MmuOptions): number {
  return (o.stw ? UTIL_STW : 0) | (o.background ? UTIL_BACKGROUND : 0) | (o.assist ? UTIL_ASSIST : 0) | (o.sweep ? UTIL_SWEEP : 0) | (o.perProc ? UTIL_PER_PROC : 0);
}

// Go writes 1 - .999 and so on as constants, which Go evaluates exactly: 0.001, not 1 - 0.999 in floats.
export const PERCENTILES = [0, 0.001, 0.01, 0.05];

export interface MmuPlot {
  xMinNs: number;
  xMaxNs: number;
  quantiles: number[] | null;
  /** [size ns, MMU] or [size ns, MUD quantiles…]. */
  curve: number[][];
}

/** The curve for an option set; null when the trace has no utilization data. */
export function mmuCurve(log: MmuLog, o: MmuOptions): { curve: MMUCurve; series: ReturnType<typeof mutatorUtilization> } | null {
  const series = mutatorUtilization(log, utilFlags(o));
  if (series.length === 0 || series.some((s) => s.length === 0)) return null;
  return { curve: new MMUCurve(series), series };
}

export function mmuPlot(log: MmuLog, o: MmuOptions): MmuPlot | null {
  const c = mmuCurve(log, o);
  if (!c) return null;
  const { curve, series } = c;
  const quantiles = o.percentiles ? PERCENTILES : null;
  let xMin = 1e9;
  while (xMin > 1) {
    if (curve.mmu(xMin) < 0.0001) break;
    xMin = Math.trunc(xMin / 1000);
  }
  let xMax = xMin * 1e6;
  let minEvent = series[0][0].time;
  let maxEvent = series[0][series[0].length - 1].time;
  for (const s of series.slice(1)) {
    if (s[0].time < minEvent) minEvent = s[0].time;
    if (s[s.length - 1].time > maxEvent) maxEvent = s[s.length - 1].time;
  }
  if (xMax > maxEvent - minEvent) xMax = maxEvent - minEvent;
  const logMin = Math.log(xMin);
  const logMax = Math.log(xMax);
  const samples = 100;
  const plot: number[][] = [];
  for (let i = 0; i < samples; i++) {
    const winNs = Math.trunc(goExp((i / (samples - 1)) * (logMax - logMin) + logMin));
    plot.push(quantiles === null ? [winNs, curve.mmu(winNs)] : [winNs, ...curve.mud(winNs, quantiles)]);
  }
  return { xMinNs: xMin, xMaxNs: xMax, quantiles, curve: plot };
}

/** The ten lowest-utilization disjoint windows of a size (Go's /mmu?mode=details). */
export function worstWindows(log: MmuLog, o: MmuOptions, windowNs: number, n = 10): UtilWindow[] {
  const c = mmuCurve(log, o);
  return c ? c.curve.examples(windowNs, n) : [];
}

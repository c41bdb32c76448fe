// Counter lanes, drawn as step functions one device column at a time: the live heap as a
// filled area with the heap goal as a line over it (so a heap racing its goal is seen at a
// glance), goroutines running/runnable stacked, and threads holding a P / in a syscall.
// Each lane scales to its largest value in the whole trace, so the shape holds while zooming.

import { CounterKind, type CounterSeries } from '../../analysis/timeline/index';
import { formatBytes, formatDuration, formatInt } from '../format';
import type { ModelContext } from './model-context';
import { type HoverInfo, type LaneContent, type PaintArgs } from './paint';
import type { Rgba } from './raster';
import { RangeMax } from './range-max';

/** Value of a step function at t (the last sample at or before t), and its index. */
export function valueAt(s: CounterSeries, t: number): { value: number; i: number } | null {
  const ts = s.timesNs;
  let lo = 0;
  let hi = ts.length - 1;
  if (hi < 0 || t < ts[0]) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ts[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return { value: s.values[lo], i: lo };
}

function maxOf(s: CounterSeries): number {
  let m = 0;
  for (let i = 0; i < s.values.length; i++) if (s.values[i] > m) m = s.values[i];
  return m;
}

const pyramids = new WeakMap<Float64Array, RangeMax>();

function pyramid(s: CounterSeries): RangeMax {
  let r = pyramids.get(s.values);
  if (!r) {
    r = new RangeMax(s.values);
    pyramids.set(s.values, r);
  }
  return r;
}

/** Index of the last sample at or before t (−1 when t is before the first). */
function lastAtOrBefore(ts: Float64Array, t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Index of the last sample at or before t, searching forward from `from` (a sample known to
 * be at or before t, or −1) by doubling steps then halving: successive columns move forward a
 * little, so this costs the log of how far, not of the whole series.
 */
function gallop(ts: Float64Array, from: number, t: number): number {
  let lo = from;
  let step = 1;
  let hi = from + step;
  while (hi < ts.length && ts[hi] <= t) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  hi = Math.min(hi, ts.length);
  // ts[lo] <= t (or lo = −1), and ts[hi] > t (or hi = length).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Per device column x of the frame, the largest value the step function takes within it
 * (peaks survive zooming out), written into out; NaN before the first sample and from
 * `endNs` on (the end of what has been read: the last value is not known to hold past it).
 * A forward search and a pyramid query per column, however many samples fall in it.
 */
export function columnMax(p: Pick<PaintArgs, 'k' | 'startNs'>, width: number, s: CounterSeries, out: Float64Array, endNs = Infinity): void {
  out.fill(NaN);
  const ts = s.timesNs;
  if (ts.length === 0) return;
  const rm = pyramid(s);
  let prevLast = lastAtOrBefore(ts, p.startNs);
  for (let x = 0; x < width; x++) {
    if (p.startNs + x / p.k >= endNs) break;
    const tb = p.startNs + (x + 1) / p.k;
    const last = gallop(ts, prevLast, tb - 1e-9);
    // The column shows the value in force at its left edge and every sample inside it.
    const first = Math.max(0, prevLast);
    if (last >= 0 && last >= first) out[x] = rm.max(first, last);
    prevLast = last;
  }
}

interface Layer {
  readonly series: CounterSeries;
  readonly colour: (p: PaintArgs) => Rgba;
}

/**
 * Stacked areas (layers bottom up) under an optional line, drawn up to endNs: the end of the
 * generations read when the lane was made (while a trace loads, later ones are not in its series).
 */
function counterLane(layers: readonly Layer[], line: Layer | null, endNs: number, describe: (t: number) => HoverInfo | null): LaneContent {
  let cols = new Float64Array(0);
  let base = new Float64Array(0);
  // The scale: the line's peak or the stacked layers' peaks added up (an upper bound of the
  // stack's peak, exact when the peaks coincide), whichever is larger.
  let stacked = 0;
  for (const l of layers) stacked += maxOf(l.series);
  const max = Math.max(stacked, line ? maxOf(line.series) : 0);
  return {
    paint(p) {
      const w = p.raster.width;
      if (cols.length !== w) {
        cols = new Float64Array(w);
        base = new Float64Array(w);
      }
      if (max <= 0) return;
      const h = p.y1 - p.y0;
      base.fill(0);
      for (const l of layers) {
        columnMax(p, w, l.series, cols, endNs);
        const c = l.colour(p);
        for (let x = 0; x < w; x++) {
          const v = cols[x];
          if (!(v > 0)) continue;
          const b = base[x];
          const top = Math.round(p.y1 - ((b + v) / max) * h);
          const bottom = Math.round(p.y1 - (b / max) * h);
          p.raster.column(x, top, Math.max(top + 1, bottom), c);
          base[x] = b + v;
        }
      }
      if (line) {
        columnMax(p, w, line.series, cols, endNs);
        const c = line.colour(p);
        let prev = NaN;
        for (let x = 0; x < w; x++) {
          const v = cols[x];
          if (!(v >= 0)) continue;
          const y = Math.round(p.y1 - (v / max) * h);
          const y2 = Number.isNaN(prev) ? y : prev;
          p.raster.column(x, Math.min(y, y2) - 1, Math.max(y, y2) + 1, c);
          prev = y;
        }
      }
    },
    hover: (t) => describe(t),
  };
}

function sample(s: CounterSeries, t: number): number | null {
  return valueAt(s, t)?.value ?? null;
}

function hoverFor(title: string, t: number, rows: [string, number | null, (v: number) => string][]): HoverInfo | null {
  const lines = rows.filter((r) => r[1] !== null).map(([name, v, f]) => `${name}: ${f(v!)}`);
  if (lines.length === 0) return null;
  return { title, lines: [`at ${formatDuration(t)}`, ...lines], startNs: t, endNs: t };
}

export function heapLane(ctx: ModelContext): LaneContent {
  const live = ctx.model.counter(CounterKind.HeapLive);
  const goal = ctx.model.counter(CounterKind.HeapGoal);
  return counterLane([{ series: live, colour: (p) => p.palette.rgba.heap }], { series: goal, colour: (p) => p.palette.rgba['heap-goal'] }, ctx.model.endNs, (t) =>
    hoverFor('Heap', t, [
      ['live', sample(live, t), formatBytes],
      ['goal', sample(goal, t), formatBytes],
    ]),
  );
}

export function goroutinesLane(ctx: ModelContext): LaneContent {
  const running = ctx.model.counter(CounterKind.GoroutinesRunning);
  const runnable = ctx.model.counter(CounterKind.GoroutinesRunnable);
  const waiting = ctx.model.counter(CounterKind.GoroutinesWaiting);
  const syscall = ctx.model.counter(CounterKind.GoroutinesSyscall);
  return counterLane(
    [
      { series: running, colour: (p) => p.palette.rgba.goroutines },
      { series: runnable, colour: (p) => p.palette.rgba.runnable },
    ],
    null,
    ctx.model.endNs,
    (t) =>
      hoverFor('Goroutines', t, [
        ['running', sample(running, t), formatInt],
        ['runnable', sample(runnable, t), formatInt],
        ['waiting', sample(waiting, t), formatInt],
        ['in syscalls', sample(syscall, t), formatInt],
      ]),
  );
}

export function threadsLane(ctx: ModelContext): LaneContent {
  const running = ctx.model.counter(CounterKind.ThreadsRunning);
  const sys = ctx.model.counter(CounterKind.ThreadsInSyscall);
  return counterLane(
    [
      { series: running, colour: (p) => p.palette.rgba.threads },
      { series: sys, colour: (p) => p.palette.rgba.syscall },
    ],
    null,
    ctx.model.endNs,
    (t) =>
      hoverFor('Threads', t, [
        ['holding a P', sample(running, t), formatInt],
        ['in syscalls', sample(sys, t), formatInt],
      ]),
  );
}


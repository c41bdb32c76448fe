// Painters of the trace-wide lanes: generations, GC (mark phases, with the sweeps of every P
// under them), stop-the-world with its reason, user tasks nested by parent, logs as markers
// and CPU samples as ticks.

import { RangeKind, type RangeSpan } from '../../analysis/timeline/index';
import { formatDuration, formatInt } from '../format';
import type { ModelContext } from './model-context';
import { devX, LABEL_MIN_CSS_PX, type HoverInfo, type LaneContent, type PaintArgs } from './paint';
import { taskAt, type TasksIndex } from './tasks-index';
import { C_CPU, C_GC, C_GEN_A, C_GEN_B, C_LOG, C_STW, C_TASK, spanColours } from './span-colours';

function label(p: PaintArgs, xa: number, xb: number, y: number, text: string, colour: string): void {
  const dpr = p.scale.dpr;
  if ((xb - xa) / dpr >= LABEL_MIN_CSS_PX) p.labels.add(xa / dpr, xb / dpr, y, text, colour);
}

/** The range under t, else the nearest within slop. */
function rangeAt(rs: readonly RangeSpan[], t: number, slop: number): RangeSpan | null {
  let best: RangeSpan | null = null;
  let bestD = Infinity;
  for (const r of rs) {
    const d = t < r.startNs ? r.startNs - t : t > r.endNs ? t - r.endNs : 0;
    if (d <= slop && d < bestD) {
      best = r;
      bestD = d;
    }
  }
  return best;
}

export function generationsLane(ctx: ModelContext): LaneContent {
  return {
    paint(p) {
      const colours = spanColours(p.palette);
      p.row.begin(p.raster, p.y0, p.y1);
      for (const g of ctx.model.generations) {
        if (g.endNs < p.scale.startNs || g.startNs > p.scale.endNs) continue;
        const xa = devX(p, g.startNs);
        const xb = Math.max(devX(p, g.endNs), xa + 1);
        p.row.span(xa, xb, g.index % 2 === 0 ? C_GEN_A : C_GEN_B, colours);
        label(p, xa, xb, p.yCss + p.hCss / 2, `gen ${g.index + 1}`, p.palette.css.ink);
      }
      p.row.end(p.palette.rgba.bg, colours);
    },
    hover(t, slop) {
      const g = ctx.model.generations.find((x) => t >= x.startNs - slop && t <= x.endNs + slop);
      if (!g) return null;
      return {
        title: `Generation ${g.index + 1}`,
        lines: [g.wallStart ? `clock snapshot ${g.wallStart}` : 'a self-contained slice of the trace', `at ${formatDuration(g.startNs)} for ${formatDuration(g.endNs - g.startNs)}, ${formatInt(g.events)} events`],
        startNs: g.startNs,
        endNs: g.endNs,
      };
    },
  };
}

/** GC mark phases (full height) over the sweeps and assists of the whole program (lower strip). */
export function rangesLane(ctx: ModelContext, kind: RangeKind.GCMark | RangeKind.STW): LaneContent {
  const slot = kind === RangeKind.GCMark ? C_GC : C_STW;
  return {
    paint(p) {
      const colours = spanColours(p.palette);
      p.row.begin(p.raster, p.y0, p.y1);
      for (const r of ctx.model.ranges(kind, p.scale.startNs, p.scale.endNs)) {
        const xa = devX(p, r.startNs);
        const xb = devX(p, r.endNs);
        p.row.span(xa, xb, slot, colours);
        const text = kind === RangeKind.STW ? r.name.replace(/^stop-the-world \((.*)\)$/, '$1') : 'GC mark';
        label(p, xa, xb, p.yCss + p.hCss / 2, text, p.palette.css['span-ink']);
      }
      p.row.end(p.palette.rgba.bg, colours);
    },
    hover(t, slop) {
      const r = rangeAt(ctx.model.ranges(kind, t - slop, t + slop), t, slop);
      if (!r) return null;
      const by = r.scope >= 0 && kind === RangeKind.STW ? [`by ${ctx.name(r.scope)}`] : [];
      const edge = r.startedBeforeTrace ? ' (began before the trace)' : r.openAtEnd ? ' (still running at the end)' : '';
      return { title: r.name, lines: [...by, `at ${formatDuration(r.startNs)} for ${formatDuration(r.endNs - r.startNs)}${edge}`], startNs: r.startNs, endNs: r.endNs } satisfies HoverInfo;
    },
  };
}

/** User tasks, one row per nesting depth (a child under its parent). */
export function tasksLane(ctx: ModelContext, ix: TasksIndex, rowCssPx: number): LaneContent {
  return {
    paint(p) {
      const colours = spanColours(p.palette);
      const dpr = p.scale.dpr;
      const w = p.raster.width;
      const t0 = p.scale.startNs;
      const t1 = p.scale.endNs;
      for (let d = 0; d < ix.byDepth.length; d++) {
        const y0 = p.y0 + Math.round(d * rowCssPx * dpr);
        const y1 = Math.min(p.y1, y0 + Math.round((rowCssPx - 3) * dpr));
        if (y1 <= y0) break;
        const index = ix.byDepth[d];
        p.row.begin(p.raster, y0, y1);
        if (index.count(t0, t1) > 3 * w) {
          const buf = ctx.coverageBuffer(w);
          index.coverage(t0, t1, w, buf);
          for (let x = 0; x < w; x++) if (buf[x] > 0) p.row.cover(x, buf[x], C_TASK);
        } else {
          index.forEach(t0, t1, (i) => {
            const xa = devX(p, index.starts[i]);
            const xb = devX(p, index.ends[i]);
            p.row.span(xa, xb, C_TASK, colours);
            const k = index.ids[i];
            label(p, xa, xb, p.yCss + d * rowCssPx + (rowCssPx - 3) / 2, `${ix.types[k] || 'task'} ${ix.ids[k]}`, p.palette.css['span-ink']);
          });
        }
        p.row.end(p.palette.rgba.bg, colours);
      }
    },
    hover(t) {
      const k = taskAt(ix, t);
      if (k < 0) return null;
      const s = ix.starts[k];
      const e = ix.ends[k];
      const parent = ix.parents[k];
      return {
        title: `Task ${ix.ids[k]} ${ix.types[k]}`,
        lines: [parent >= 0 && parent < ix.count ? `child of task ${ix.ids[parent]} ${ix.types[parent]}` : 'no parent task', `at ${formatDuration(s)} for ${formatDuration(e - s)}`],
        startNs: s,
        endNs: e,
      };
    },
  };
}

/** Logs (markers) or CPU samples (ticks): instants, merged per pixel column when dense. */
export function pointsLane(ctx: ModelContext, which: 'logs' | 'cpu'): LaneContent {
  const visit = which === 'logs' ? ctx.model.forEachLog.bind(ctx.model) : ctx.model.forEachSample.bind(ctx.model);
  const slot = which === 'logs' ? C_LOG : C_CPU;
  return {
    paint(p) {
      const colours = spanColours(p.palette);
      const w = p.raster.width;
      p.row.begin(p.raster, p.y0, p.y1);
      let last = -1;
      visit(p.scale.startNs, p.scale.endNs, (pt) => {
        const x = Math.floor(devX(p, pt.timeNs));
        if (x === last) return;
        last = x;
        // A marker is 2 device px wide so a single one is seen; solid, not a density mark.
        p.row.span(x, Math.min(w, x + 2 * p.scale.dpr), slot, colours);
      });
      p.row.end(p.palette.rgba.bg, colours);
    },
    hover(t, slop) {
      let found: { timeNs: number; goroutine: number; category: string; message: string } | null = null;
      let bestD = Infinity;
      visit(t - slop, t + slop, (pt) => {
        const d = Math.abs(pt.timeNs - t);
        if (d < bestD) {
          bestD = d;
          found = { timeNs: pt.timeNs, goroutine: pt.goroutine, category: pt.category, message: pt.message };
        }
      });
      const f = found as { timeNs: number; goroutine: number; category: string; message: string } | null;
      if (!f) return null;
      const who = f.goroutine >= 0 ? ctx.name(f.goroutine) : 'no goroutine';
      const title = which === 'logs' ? `Log${f.category ? ` [${f.category}]` : ''}` : 'CPU sample';
      const lines = which === 'logs' ? [f.message, `${who} at ${formatDuration(f.timeNs)}`] : [`${who} at ${formatDuration(f.timeNs)}`];
      return { title, lines, startNs: f.timeNs, endNs: f.timeNs, goroutine: f.goroutine >= 0 ? f.goroutine : undefined };
    },
  };
}

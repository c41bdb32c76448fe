// Painters of the span lanes: a goroutine's states, and what each P or M ran. A frame costs
// what is visible: when a lane holds more spans in view than a few per pixel, it is drawn
// from the model's pre-aggregated coverage (one bucket per device pixel) instead of span by
// span. Spans of goroutines that do not match the search are dimmed on the P and M lanes.

import { CoverageCategory, COVERAGE_CATEGORIES, GState, LaneKind, RangeKind, type LaneRef } from '../../analysis/timeline/index';
import { formatDuration } from '../format';
import type { ModelContext } from './model-context';
import { devX, LABEL_MIN_CSS_PX, type HoverInfo, type LaneContent, type PaintArgs } from './paint';
import { C_ASSIST, C_BUSY, C_DIM, C_REGION, C_RUNNABLE, C_SWEEP, C_SYSCALL, C_WAITING, spanColours, stateName, stateSlot } from './span-colours';

/** Above this many spans per device pixel in view, a lane is drawn from coverage. */
const SPANS_PER_PX = 3;

/** Draws a lane from coverage(): one column per device pixel, coloured by its main category. */
function paintCoverage(p: PaintArgs, ctx: ModelContext, lane: LaneRef, running: number): void {
  const w = p.raster.width;
  const buf = ctx.coverageBuffer(w * COVERAGE_CATEGORIES);
  ctx.model.coverage(lane, p.scale.startNs, p.scale.endNs, w, buf);
  const drawWaiting = lane.kind === LaneKind.Goroutine;
  const slots = [running, C_RUNNABLE, C_WAITING, C_SYSCALL];
  for (let x = 0; x < w; x++) {
    const o = x * COVERAGE_CATEGORIES;
    let best = -1;
    let bestF = 0;
    let sum = 0;
    for (let c = 0; c < COVERAGE_CATEGORIES; c++) {
      if (c === CoverageCategory.Waiting && !drawWaiting) continue;
      const f = buf[o + c];
      sum += f;
      if (f > bestF) {
        bestF = f;
        best = c;
      }
    }
    if (best >= 0) p.row.cover(x, sum, slots[best]);
  }
}

/** Time, duration and stack line of a span for the tooltip. */
function when(startNs: number, endNs: number): string {
  return `at ${formatDuration(startNs)} for ${formatDuration(endNs - startNs)}`;
}

export function goroutineLane(ctx: ModelContext, g: number): LaneContent {
  const lane: LaneRef = { kind: LaneKind.Goroutine, index: g };
  return {
    paint(p) {
      const colours = spanColours(p.palette);
      const running = ctx.slot(g);
      const t0 = p.scale.startNs;
      const t1 = p.scale.endNs;
      p.row.begin(p.raster, p.y0, p.y1);
      if (ctx.model.countSpans(lane, t0, t1) > SPANS_PER_PX * p.raster.width) {
        paintCoverage(p, ctx, lane, running);
      } else {
        const dpr = p.scale.dpr;
        const light = p.palette.css.ink;
        const dark = p.palette.css['span-ink'];
        ctx.model.forEachSpan(lane, t0, t1, (s) => {
          const slot = stateSlot(s.state, running);
          if (slot < 0) return;
          const xa = devX(p, s.startNs);
          const xb = devX(p, s.endNs);
          if (p.row.span(xa, xb, slot, colours) && (xb - xa) / dpr >= LABEL_MIN_CSS_PX) {
            const text = s.state === GState.Waiting || s.state === GState.Runnable ? s.reason || stateName(s.state) : stateName(s.state);
            p.labels.add(xa / dpr, xb / dpr, p.yCss + p.hCss / 2, text, slot === C_WAITING || slot === C_RUNNABLE ? light : dark);
          }
        });
      }
      p.row.end(p.palette.rgba.bg, colours);
      // Mark assists: this goroutine doing GC work, a strip along the lane's top.
      const assists = ctx.model.rangesOf(RangeKind.MarkAssist, g, t0, t1);
      if (assists.length > 0) {
        const h = Math.max(1, Math.round((p.y1 - p.y0) / 4));
        p.row.begin(p.raster, p.y0, p.y0 + h);
        for (const a of assists) p.row.span(devX(p, a.startNs), devX(p, a.endNs), C_ASSIST, colours);
        p.row.end(p.palette.rgba.bg, colours);
      }
      // User regions: a strip along the lane's bottom (nested regions overlap in it).
      const regions = ctx.model.regions(g, t0, t1);
      if (regions.length > 0) {
        const h = Math.max(1, Math.round((p.y1 - p.y0) / 4));
        p.row.begin(p.raster, p.y1 - h, p.y1);
        for (const r of regions) p.row.span(devX(p, r.startNs), devX(p, r.endNs), C_REGION, colours);
        p.row.end(p.palette.rgba.bg, colours);
      }
    },
    hover(t) {
      const s = ctx.model.spanAt(lane, t);
      if (!s || s.state === GState.NotExist || s.state === GState.Undetermined) return null;
      const info = ctx.info(g);
      const state = s.reason && s.state !== GState.Running ? `${stateName(s.state)}: ${s.reason}` : stateName(s.state);
      const regions = ctx.model.regionsAt(g, t);
      return {
        title: `G${info.id} ${state}`,
        lines: [info.startFunc || info.name, when(s.startNs, s.endNs), ...(regions.length > 0 ? [`in ${regions.map((r) => r.name).join(' › ')}`] : [])],
        startNs: s.startNs,
        endNs: s.endNs,
        goroutine: g,
      } satisfies HoverInfo;
    },
  };
}

/** A P lane (kind Proc) or an M lane (kind Thread): the goroutines it ran. */
export function runnerLane(ctx: ModelContext, kind: LaneKind.Proc | LaneKind.Thread, index: number, label: string): LaneContent {
  const lane: LaneRef = { kind, index };
  return {
    paint(p) {
      const colours = spanColours(p.palette);
      const t0 = p.scale.startNs;
      const t1 = p.scale.endNs;
      p.row.begin(p.raster, p.y0, p.y1);
      if (ctx.model.countSpans(lane, t0, t1) > SPANS_PER_PX * p.raster.width) {
        paintCoverage(p, ctx, lane, ctx.lanes.matchBits ? C_DIM : C_BUSY);
      } else {
        const dpr = p.scale.dpr;
        const ink = p.palette.css['span-ink'];
        ctx.model.forEachSpan(lane, t0, t1, (s) => {
          const g = s.goroutine;
          const hit = ctx.matches(g);
          const slot = !hit ? C_DIM : s.state === GState.Syscall ? C_SYSCALL : ctx.slot(g);
          const xa = devX(p, s.startNs);
          const xb = devX(p, s.endNs);
          if (p.row.span(xa, xb, slot, colours) && hit && (xb - xa) / dpr >= LABEL_MIN_CSS_PX) {
            p.labels.add(xa / dpr, xb / dpr, p.yCss + p.hCss / 2, ctx.name(g), ink);
          }
        });
      }
      p.row.end(p.palette.rgba.bg, colours);
      if (kind === LaneKind.Proc) {
        // Sweeps on this P: GC work, a strip along the lane's bottom.
        const sweeps = ctx.model.rangesOf(RangeKind.Sweep, index, t0, t1);
        if (sweeps.length > 0) {
          const h = Math.max(1, Math.round((p.y1 - p.y0) / 5));
          p.row.begin(p.raster, p.y1 - h, p.y1);
          for (const s of sweeps) p.row.span(devX(p, s.startNs), devX(p, s.endNs), C_SWEEP, colours);
          p.row.end(p.palette.rgba.bg, colours);
        }
      }
    },
    hover(t) {
      const s = ctx.model.spanAt(lane, t);
      if (!s) return null;
      // A P or M span is a goroutine's execution slice: the goroutine is on the record.
      let g = -1;
      ctx.model.forEachSpan(lane, t, t, (v) => {
        g = v.goroutine;
        return false;
      });
      const info = g >= 0 ? ctx.info(g) : null;
      return {
        title: info ? `G${info.id} on ${label}` : label,
        lines: [info ? info.startFunc || info.name : stateName(s.state), `${stateName(s.state)} ${when(s.startNs, s.endNs)}`],
        startNs: s.startNs,
        endNs: s.endNs,
        goroutine: g >= 0 ? g : undefined,
      } satisfies HoverInfo;
    },
  };
}

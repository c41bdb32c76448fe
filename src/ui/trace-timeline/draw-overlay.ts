// The vector layer over the spans: hover and selection outlines, search matches, flow arrows
// (creation and unblocking of the selected goroutine, as go tool trace draws them), the
// measured interval and the pointer's hairline. Drawn with the 2D context in CSS px after
// the raster, so it stays sharp and costs only what it shows.

import type { TimeScale } from '../timeline/time-scale';
import { formatDuration } from '../format';
import type { Palette } from './palette';

/** A span's box in the tracks area: times, and its band in CSS px from the area's top. */
export interface OverlayBox {
  readonly startNs: number;
  readonly endNs: number;
  readonly yCss: number;
  readonly hCss: number;
}

export interface Flow {
  readonly kind: 'create' | 'unblock';
  readonly fromNs: number;
  readonly fromY: number;
  readonly toNs: number;
  readonly toY: number;
}

export interface Overlay {
  readonly hover: OverlayBox | null;
  readonly selection: OverlayBox | null;
  readonly matches: readonly OverlayBox[];
  readonly flows: readonly Flow[];
  readonly measure: { readonly startNs: number; readonly endNs: number } | null;
  readonly pointerX: number | null;
}

export const NO_OVERLAY: Overlay = { hover: null, selection: null, matches: [], flows: [], measure: null, pointerX: null };

/** A box's x extent on screen, at least `min` px wide and clipped a little outside the view. */
function xSpan(scale: TimeScale, b: { startNs: number; endNs: number }, min: number): [number, number] {
  let x0 = scale.timeToCssPx(b.startNs);
  let x1 = scale.timeToCssPx(b.endNs);
  if (x1 - x0 < min) {
    const m = (x0 + x1) / 2;
    x0 = m - min / 2;
    x1 = m + min / 2;
  }
  return [Math.max(-4, x0), Math.min(scale.widthCssPx + 4, x1)];
}

export function drawOverlay(ctx: CanvasRenderingContext2D, scale: TimeScale, heightCss: number, o: Overlay, P: Palette): void {
  const w = scale.widthCssPx;
  if (o.measure) {
    const [x0, x1] = xSpan(scale, o.measure, 1);
    ctx.globalAlpha = 0.12;
    ctx.fillStyle = P.css.measure;
    ctx.fillRect(x0, 0, x1 - x0, heightCss);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = P.css.measure;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(Math.round(x0) + 0.5, 0);
    ctx.lineTo(Math.round(x0) + 0.5, heightCss);
    ctx.moveTo(Math.round(x1) - 0.5, 0);
    ctx.lineTo(Math.round(x1) - 0.5, heightCss);
    ctx.stroke();
    const text = formatDuration(o.measure.endNs - o.measure.startNs);
    ctx.font = `600 12px ${P.sans}`;
    const tw = ctx.measureText(text).width + 12;
    const cx = Math.min(Math.max((x0 + x1) / 2, tw / 2), w - tw / 2);
    ctx.fillStyle = P.css.measure;
    ctx.fillRect(cx - tw / 2, 4, tw, 18);
    ctx.fillStyle = P.css.bg;
    ctx.textAlign = 'center';
    ctx.fillText(text, cx, 13.5);
    ctx.textAlign = 'left';
  }

  ctx.lineWidth = 1.5;
  ctx.strokeStyle = P.css.highlight;
  for (const m of o.matches) {
    const [x0, x1] = xSpan(scale, m, 3);
    ctx.strokeRect(x0, m.yCss - 1, x1 - x0, m.hCss + 2);
  }

  if (o.hover) {
    const [x0, x1] = xSpan(scale, o.hover, 3);
    ctx.lineWidth = 1;
    ctx.strokeStyle = P.css.select;
    ctx.globalAlpha = 0.55;
    ctx.strokeRect(x0 + 0.5, o.hover.yCss + 0.5, x1 - x0 - 1, o.hover.hCss - 1);
    ctx.globalAlpha = 1;
  }
  if (o.selection) {
    const s = o.selection;
    const [x0, x1] = xSpan(scale, s, 4);
    ctx.lineWidth = 2;
    ctx.strokeStyle = P.css.select;
    ctx.strokeRect(x0, s.yCss - 1, x1 - x0, s.hCss + 2);
  }

  for (const f of o.flows) drawArrow(ctx, scale, f, f.kind === 'create' ? P.css['flow-create'] : P.css['flow-unblock']);

  if (o.pointerX !== null && o.pointerX >= 0 && o.pointerX <= w) {
    ctx.strokeStyle = P.css['ink-2'];
    ctx.globalAlpha = 0.5;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(Math.round(o.pointerX) + 0.5, 0);
    ctx.lineTo(Math.round(o.pointerX) + 0.5, heightCss);
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
}

/** A curved arrow from one lane's moment to another's, with a head at the target. */
function drawArrow(ctx: CanvasRenderingContext2D, scale: TimeScale, f: Flow, colour: string): void {
  const x0 = scale.timeToCssPx(f.fromNs);
  const x1 = scale.timeToCssPx(f.toNs);
  const y0 = f.fromY;
  const y1 = f.toY;
  if ((x0 < -2000 && x1 < -2000) || (x0 > scale.widthCssPx + 2000 && x1 > scale.widthCssPx + 2000)) return;
  const bend = Math.max(12, Math.min(60, Math.abs(x1 - x0) / 2));
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 1.6;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.bezierCurveTo(x0 + bend, y0, x1 - bend, y1, x1, y1);
  ctx.stroke();
  const a = Math.atan2(0, 1);
  const hx = x1;
  const hy = y1;
  ctx.beginPath();
  ctx.moveTo(hx, hy);
  ctx.lineTo(hx - 7 * Math.cos(a) + 3.5 * Math.sin(a), hy - 7 * Math.sin(a) - 3.5 * Math.cos(a));
  ctx.lineTo(hx - 7 * Math.cos(a) - 3.5 * Math.sin(a), hy - 7 * Math.sin(a) + 3.5 * Math.cos(a));
  ctx.closePath();
  ctx.fill();
  ctx.beginPath();
  ctx.arc(x0, y0, 2.5, 0, Math.PI * 2);
  ctx.fill();
}

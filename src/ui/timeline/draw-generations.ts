// Canvas drawing of the live generations timeline. Layout comes from generation-boxes.ts;
// this file only paints. The context is set up so user units are cssPx, and rectangle
// edges are snapped to whole device pixels through the scale, so lines stay crisp at any
// devicePixelRatio.

import type { RingExtent } from '../../state/live-history';
import { formatBytes, plural } from '../format';
import type { GenBox } from './generation-boxes';
import type { CssPx, TimeNs, TimeScale } from './time-scale';

export interface Palette {
  ink: string;
  ink3: string;
  line: string;
  grid: string;
  gen: string;
  genEdge: string;
  ring: string;
  ringSoft: string;
  evicted: string;
  evictedEdge: string;
  writing: string;
  panel: string;
  sans: string;
  mono: string;
}

export function readPalette(el: Element): Palette {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    ink: v('--ink', '#16191f'),
    ink3: v('--ink-3', '#6f7787'),
    line: v('--line-2', '#c7ccd5'),
    grid: '#eceff3',
    gen: v('--gen', '#3b7dd8'),
    genEdge: v('--gen-edge', '#1f5fb8'),
    ring: v('--ring', '#0b8a5f'),
    ringSoft: v('--ring-soft', '#dff5ec'),
    evicted: v('--evicted', '#b9bfc9'),
    evictedEdge: v('--evicted-edge', '#9aa1ad'),
    writing: v('--writing', '#f2a93b'),
    panel: v('--panel', '#ffffff'),
    sans: v('--sans', 'sans-serif'),
    mono: v('--mono', 'monospace'),
  };
}

export interface TimelineFrame {
  readonly scale: TimeScale;
  readonly heightCssPx: CssPx;
  readonly boxes: readonly GenBox[];
  readonly ring: RingExtent | null;
  readonly maxBytes: number;
  readonly nowNs: TimeNs;
  /** End of the last sealed generation: the in-progress one runs from here to now. */
  readonly openFromNs: TimeNs | null;
  readonly running: boolean;
}

/** Vertical layout of the drawing, in cssPx from the top. */
export function timelineLayout(heightCssPx: CssPx) {
  return {
    ringTop: 8,
    ringBottom: 34,
    laneTop: 48,
    laneBottom: heightCssPx - 30,
    axisY: heightCssPx - 30,
  };
}

export function drawTimeline(ctx: CanvasRenderingContext2D, f: TimelineFrame, p: Palette): void {
  const { scale } = f;
  const L = timelineLayout(f.heightCssPx);
  const snap = (x: CssPx) => scale.deviceToCssPx(Math.round(scale.cssToDevicePx(x)));
  ctx.setTransform(scale.dpr, 0, 0, scale.dpr, 0, 0);
  ctx.clearRect(0, 0, scale.widthCssPx, f.heightCssPx);

  // Grid and axis.
  const ticks = scale.ticks(110);
  ctx.lineWidth = 1 / scale.dpr;
  ctx.strokeStyle = p.grid;
  for (const t of ticks) {
    const x = snap(t.cssPx) + 0.5 / scale.dpr;
    line(ctx, x, L.laneTop - 6, x, L.axisY);
  }
  ctx.strokeStyle = p.line;
  line(ctx, 0, snap(L.axisY) + 0.5 / scale.dpr, scale.widthCssPx, snap(L.axisY) + 0.5 / scale.dpr);
  ctx.fillStyle = p.ink3;
  ctx.font = `11.5px ${p.mono}`;
  ctx.textBaseline = 'top';
  for (const t of ticks) {
    const w = ctx.measureText(t.label).width;
    const x = Math.min(scale.widthCssPx - w - 2, Math.max(2, t.cssPx - w / 2));
    ctx.fillText(t.label, x, L.axisY + 8);
  }

  // The ring's retained window: a band over the generations it holds.
  if (f.ring) {
    const x0 = snap(Math.max(0, scale.timeToCssPx(f.ring.startNs)));
    const x1 = snap(Math.min(scale.widthCssPx, scale.timeToCssPx(f.ring.endNs)));
    if (x1 > x0) {
      ctx.fillStyle = p.ringSoft;
      ctx.fillRect(x0, L.ringTop, x1 - x0, L.laneBottom - L.ringTop);
      ctx.fillStyle = p.ring;
      ctx.fillRect(x0, L.ringTop, x1 - x0, 3);
      ctx.fillRect(x0, L.ringTop, 2, L.ringBottom - L.ringTop);
      ctx.fillRect(x1 - 2, L.ringTop, 2, L.ringBottom - L.ringTop);
      const text = `flight recorder ring · ${plural(f.ring.count, 'generation')} · ${formatBytes(f.ring.bytes)} of ${formatBytes(f.maxBytes)}`;
      const short = `ring · ${formatBytes(f.ring.bytes)}`;
      ctx.font = `600 12.5px ${p.sans}`;
      ctx.textBaseline = 'middle';
      const label = ctx.measureText(text).width + 16 <= x1 - x0 ? text : ctx.measureText(short).width + 12 <= x1 - x0 ? short : '';
      ctx.fillText(label, x0 + 8, (L.ringTop + 3 + L.ringBottom) / 2);
    }
  }

  // Generation boxes.
  ctx.font = `11.5px ${p.mono}`;
  ctx.textBaseline = 'middle';
  for (const b of f.boxes) {
    const x0 = snap(b.x0) + 0.5;
    const x1 = snap(b.x1) - 0.5;
    const top = snap(b.top);
    if (x1 - x0 < 0.5) continue;
    const fill = b.state === 'ring' ? p.gen : b.state === 'evicted' ? p.evicted : '#d6dbe3';
    ctx.fillStyle = fill;
    roundRect(ctx, x0, top, x1 - x0, b.bottom - top, Math.min(3, (x1 - x0) / 3));
    ctx.fill();
    if (b.state === 'evicted') hatch(ctx, x0, top, x1 - x0, b.bottom - top, p.evictedEdge);
    if (b.label) {
      const inside = b.bottom - top >= 20;
      ctx.fillStyle = inside ? (b.state === 'ring' ? '#ffffff' : p.ink) : p.ink3;
      const y = inside ? b.bottom - 11 : top - 9;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, L.laneTop - 20, x1 - x0, L.laneBottom);
      ctx.clip();
      ctx.fillText(b.label, x0 + 5, y);
      ctx.restore();
    }
  }

  // The generation being written now, and the "now" line.
  if (f.running && f.openFromNs !== null) {
    const x0 = snap(scale.timeToCssPx(f.openFromNs)) + 0.5;
    const x1 = snap(scale.timeToCssPx(f.nowNs));
    if (x1 > x0 + 1) {
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = p.writing;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x0, L.laneBottom - 18, x1 - x0, 18);
      ctx.setLineDash([]);
    }
  }
  const nowX = snap(scale.timeToCssPx(f.nowNs));
  if (nowX >= 0 && nowX <= scale.widthCssPx) {
    ctx.fillStyle = p.writing;
    ctx.fillRect(nowX - 1, L.laneTop - 12, 2, L.axisY - L.laneTop + 12);
    ctx.font = `600 11px ${p.sans}`;
    ctx.textBaseline = 'bottom';
    const w = ctx.measureText('now').width;
    ctx.fillText('now', Math.min(scale.widthCssPx - w - 2, nowX - w / 2), L.laneTop - 13);
  }
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.lineTo(x + w - r, y);
  ctx.quadraticCurveTo(x + w, y, x + w, y + r);
  ctx.lineTo(x + w, y + h);
  ctx.lineTo(x, y + h);
  ctx.lineTo(x, y + r);
  ctx.quadraticCurveTo(x, y, x + r, y);
  ctx.closePath();
}

/** Diagonal hatching: "gone", readable without colour. */
function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, color: string): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = -h; i < w; i += 7) {
    ctx.moveTo(x + i, y + h);
    ctx.lineTo(x + i + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

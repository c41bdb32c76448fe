// Canvas drawing of the live generations timeline. Layout comes from generation-boxes.ts;
// this file only paints. The context is set up so user units are cssPx, and rectangle
// edges are snapped to whole device pixels through the scale, so lines stay crisp at any
// devicePixelRatio.

import type { RingExtent } from '../../state/live-history';
import type { EvictionCause } from '../../worker/protocol';
import { formatBytes, formatDuration, plural } from '../format';
import type { GenBox, OpenBox } from './generation-boxes';
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
  maxBytes: string;
  minAge: string;
  unrecorded: string;
  writing: string;
  writingSoft: string;
  writingInk: string;
  ringInk: string;
  genInk: string;
  snapshot: string;
  bad: string;
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
    grid: v('--grid', '#eceff3'),
    gen: v('--gen', '#3b7dd8'),
    genEdge: v('--gen-edge', '#1f5fb8'),
    ring: v('--ring', '#0b8a5f'),
    ringSoft: v('--ring-soft', '#dff5ec'),
    evicted: v('--evicted', '#c9ced6'),
    evictedEdge: v('--evicted-edge', '#9aa1ad'),
    maxBytes: v('--cause-bytes', '#7a4fd0'),
    minAge: v('--cause-age', '#c23d73'),
    unrecorded: v('--unrecorded', '#e3e7ec'),
    writing: v('--writing', '#e8930c'),
    writingSoft: v('--writing-soft', '#fff1d9'),
    writingInk: v('--writing-ink', '#9a5b00'),
    ringInk: v('--ring-ink', '#06573c'),
    genInk: v('--gen-ink', '#ffffff'),
    snapshot: v('--accent', '#0b63ce'),
    bad: v('--bad', '#b42318'),
    panel: v('--panel', '#ffffff'),
    sans: v('--sans', 'sans-serif'),
    mono: v('--mono', 'monospace'),
  };
}

export interface TimelineFrame {
  readonly scale: TimeScale;
  readonly heightCssPx: CssPx;
  readonly boxes: readonly GenBox[];
  readonly open: OpenBox | null;
  readonly ring: RingExtent | null;
  readonly maxBytes: number | null;
  readonly minAgeMs: number | null;
  /** The limit behind the newest eviction, drawn at the ring's left edge. */
  readonly lastCause: EvictionCause | null;
  readonly nowNs: TimeNs;
  readonly running: boolean;
  /** The last snapshot's time span and its label, drawn under the axis. */
  readonly snapshot: { readonly startNs: TimeNs; readonly endNs: TimeNs; readonly label: string } | null;
  /** Trigger firings: a flag at the moment each fired, labelled with what fired it. */
  readonly marks?: readonly TimelineMark[];
}

export interface TimelineMark {
  readonly atNs: TimeNs;
  readonly label: string;
  /** A snapshot was taken (false: the trigger fired with the recorder off). */
  readonly took: boolean;
}

/** Vertical layout of the drawing, in cssPx from the top. */
export function timelineLayout(heightCssPx: CssPx) {
  return {
    ringTop: 6,
    ringBottom: 30,
    ageY: 42,
    laneTop: 62,
    laneBottom: heightCssPx - 50,
    axisY: heightCssPx - 50,
    snapshotY: heightCssPx - 14,
  };
}

export function drawTimeline(ctx: CanvasRenderingContext2D, f: TimelineFrame, p: Palette): void {
  const { scale } = f;
  const L = timelineLayout(f.heightCssPx);
  const snap = (x: CssPx) => scale.deviceToCssPx(Math.round(scale.cssToDevicePx(x)));
  const W = scale.widthCssPx;
  ctx.setTransform(scale.dpr, 0, 0, scale.dpr, 0, 0);
  ctx.clearRect(0, 0, W, f.heightCssPx);

  // Grid and axis.
  const ticks = scale.ticks(110);
  ctx.lineWidth = 1 / scale.dpr;
  ctx.strokeStyle = p.grid;
  for (const t of ticks) {
    const x = snap(t.cssPx) + 0.5 / scale.dpr;
    line(ctx, x, L.laneTop - 6, x, L.axisY);
  }
  ctx.strokeStyle = p.line;
  line(ctx, 0, snap(L.axisY) + 0.5 / scale.dpr, W, snap(L.axisY) + 0.5 / scale.dpr);
  ctx.fillStyle = p.ink3;
  ctx.font = `12px ${p.mono}`;
  ctx.textBaseline = 'top';
  for (const t of ticks) {
    const w = ctx.measureText(t.label).width;
    const x = Math.min(W - w - 2, Math.max(2, t.cssPx - w / 2));
    ctx.fillText(t.label, x, L.axisY + 8);
  }

  drawRing(ctx, f, p, L, snap);
  drawMinAge(ctx, f, p, L, snap);
  drawSnapshot(ctx, f, p, L, snap);

  // Sealed generations.
  for (const b of f.boxes) {
    const x0 = snap(b.x0) + 0.5;
    const x1 = snap(b.x1) - 0.5;
    const top = snap(b.top);
    if (x1 - x0 < 0.5) continue;
    const w = x1 - x0;
    const h = b.bottom - top;
    const g = boxCause(b);
    ctx.fillStyle = b.state === 'ring' ? p.gen : b.state === 'evicted' ? p.evicted : p.unrecorded;
    roundRect(ctx, x0, top, w, h, Math.min(3, w / 3));
    ctx.fill();
    if (b.state === 'evicted') {
      hatch(ctx, x0, top, w, h, p.evictedEdge);
      if (g) {
        // A cap in the cause's colour: which limit pushed this generation out.
        ctx.fillStyle = g === 'max-bytes' ? p.maxBytes : p.minAge;
        ctx.fillRect(x0, top, w, Math.min(4, h));
      }
    }
    drawBoxLabel(ctx, b, x0, w, top, L, p);
  }

  // The generation being written, growing towards now.
  if (f.open && f.running) {
    const o = f.open;
    const x0 = snap(o.x0) + 0.5;
    const x1 = Math.max(x0 + 2, snap(o.x1));
    const top = snap(o.top);
    ctx.fillStyle = p.writingSoft;
    ctx.fillRect(x0, top, x1 - x0, o.bottom - top);
    ctx.setLineDash([5, 3]);
    ctx.strokeStyle = p.writing;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x0, top, x1 - x0, o.bottom - top);
    ctx.setLineDash([]);
    // Its label sits in the empty future right of "now" (or left of it at the edge).
    ctx.font = `600 12.5px ${p.mono}`;
    ctx.textBaseline = 'top';
    ctx.fillStyle = p.writingInk;
    const title = `g${o.gen} writing`;
    const size = o.bytes !== null ? `≈ ${formatBytes(o.bytes)}` : '';
    const tw = Math.max(ctx.measureText(title).width, ctx.measureText(size).width);
    const right = x1 + 8 + tw <= W - 2;
    const tx = right ? x1 + 8 : Math.max(2, x1 - tw - 8);
    ctx.fillText(title, tx, L.laneTop);
    if (size) ctx.fillText(size, tx, L.laneTop + 16);
  }

  drawMarks(ctx, f, p, L, snap);

  // "now".
  const nowX = snap(scale.timeToCssPx(f.nowNs));
  if (nowX >= 0 && nowX <= W) {
    ctx.fillStyle = p.writing;
    ctx.fillRect(nowX - 1, L.laneTop - 14, 2, L.axisY - L.laneTop + 14);
  }
}

type Layout = ReturnType<typeof timelineLayout>;

function boxCause(b: GenBox): EvictionCause | null {
  return b.cause === 'max-bytes' || b.cause === 'min-age' ? b.cause : null;
}

/** The ring's retained window: a band over the generations it holds, and why it starts there. */
function drawRing(ctx: CanvasRenderingContext2D, f: TimelineFrame, p: Palette, L: Layout, snap: (x: CssPx) => CssPx): void {
  if (!f.ring) return;
  const { scale } = f;
  const rawX0 = scale.timeToCssPx(f.ring.startNs);
  const x0 = snap(Math.max(0, rawX0));
  const x1 = snap(Math.min(scale.widthCssPx, scale.timeToCssPx(f.ring.endNs)));
  if (x1 <= x0) return;
  ctx.fillStyle = p.ringSoft;
  ctx.fillRect(x0, L.ringTop, x1 - x0, L.laneBottom - L.ringTop);
  ctx.fillStyle = p.ring;
  ctx.fillRect(x0, L.ringTop, x1 - x0, 3);
  ctx.fillRect(x0, L.ringTop, 2, L.laneBottom - L.ringTop);
  ctx.fillRect(x1 - 2, L.ringTop, 2, L.ringBottom - L.ringTop);
  const of = f.maxBytes !== null ? ` of ${formatBytes(f.maxBytes)}` : '';
  const candidates = [
    `flight recorder ring · ${plural(f.ring.count, 'generation')} · ${formatBytes(f.ring.bytes)}${of}`,
    `ring · ${plural(f.ring.count, 'gen')} · ${formatBytes(f.ring.bytes)}`,
    `ring · ${formatBytes(f.ring.bytes)}`,
    'ring',
  ];
  ctx.font = `700 13px ${p.sans}`;
  ctx.textBaseline = 'middle';
  const y = (L.ringTop + 3 + L.ringBottom) / 2;
  const label = candidates.find((t) => ctx.measureText(t).width + 16 <= x1 - x0) ?? '';
  ctx.fillStyle = p.ringInk;
  ctx.fillText(label, x0 + 8, y);

  // Left of the ring: where the last walk stopped, and which limit stopped it.
  if (f.lastCause && rawX0 > 60) {
    const text = f.lastCause === 'max-bytes' ? '◀ evicted: over MaxBytes' : '◀ evicted: older than MinAge';
    ctx.font = `600 12px ${p.sans}`;
    const w = ctx.measureText(text).width;
    if (w + 12 < x0) {
      ctx.fillStyle = f.lastCause === 'max-bytes' ? p.maxBytes : p.minAge;
      ctx.fillText(text, x0 - w - 8, y);
    }
  }
}

/** MinAge as a bracket reaching back from now: generations wholly left of it may go. */
function drawMinAge(ctx: CanvasRenderingContext2D, f: TimelineFrame, p: Palette, L: Layout, snap: (x: CssPx) => CssPx): void {
  if (f.minAgeMs === null || !f.ring) return;
  const { scale } = f;
  const xNow = scale.timeToCssPx(f.nowNs);
  const xAge = scale.timeToCssPx(f.nowNs - f.minAgeMs * 1e6);
  const a = snap(Math.max(0, xAge));
  const b = snap(Math.min(scale.widthCssPx, xNow));
  if (b - a < 8) return;
  const y = snap(L.ageY) + 0.5;
  ctx.strokeStyle = p.minAge;
  ctx.lineWidth = 1.5;
  line(ctx, a, y, b, y);
  if (xAge >= 0) line(ctx, a, y - 5, a, y + 5);
  line(ctx, b, y - 5, b, y + 5);
  const text = `MinAge ${formatDuration(f.minAgeMs * 1e6)}`;
  ctx.font = `600 12px ${p.sans}`;
  const w = ctx.measureText(text).width;
  if (w + 16 > b - a) return;
  const cx = (a + b) / 2 - w / 2;
  ctx.fillStyle = p.panel;
  ctx.fillRect(cx - 5, y - 8, w + 10, 16);
  ctx.fillStyle = p.minAge;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, cx, y);
}

/** What the last snapshot holds: a bracket under the axis over its generations' time. */
function drawSnapshot(ctx: CanvasRenderingContext2D, f: TimelineFrame, p: Palette, L: Layout, snap: (x: CssPx) => CssPx): void {
  if (!f.snapshot) return;
  const { scale } = f;
  const ra = scale.timeToCssPx(f.snapshot.startNs);
  const rb = scale.timeToCssPx(f.snapshot.endNs);
  if (rb < 0 || ra > scale.widthCssPx) return;
  const a = snap(Math.max(0, ra));
  const b = snap(Math.min(scale.widthCssPx, rb));
  const y = snap(L.snapshotY) + 0.5;
  ctx.strokeStyle = p.snapshot;
  ctx.lineWidth = 2;
  line(ctx, a, y, b, y);
  if (ra >= 0) line(ctx, a + 1, y - 6, a + 1, y + 1);
  if (rb <= scale.widthCssPx) line(ctx, b - 1, y - 6, b - 1, y + 1);
  ctx.font = `600 12px ${p.sans}`;
  ctx.textBaseline = 'middle';
  const w = ctx.measureText(f.snapshot.label).width;
  // Left of the bracket if there is room there, else right of it.
  const x = a - w - 8 >= 0 ? a - w - 8 : Math.min(b + 8, scale.widthCssPx - w - 2);
  ctx.fillStyle = p.snapshot;
  ctx.fillText(f.snapshot.label, x, y);
}

/** Trigger firings: a line through the lanes at the moment, and a flag with what fired it. */
function drawMarks(ctx: CanvasRenderingContext2D, f: TimelineFrame, p: Palette, L: Layout, snap: (x: CssPx) => CssPx): void {
  const marks = f.marks ?? [];
  if (marks.length === 0) return;
  const { scale } = f;
  const W = scale.widthCssPx;
  ctx.font = `700 12px ${p.sans}`;
  ctx.textBaseline = 'middle';
  // Newest last: a newer flag is drawn over an older one nearby.
  let lastLabelEnd = -Infinity;
  for (const m of marks) {
    const x = snap(scale.timeToCssPx(m.atNs));
    if (x < -1 || x > W + 1) continue;
    ctx.fillStyle = m.took ? p.bad : p.ink3;
    ctx.fillRect(x - 1, L.ringTop, 2, L.axisY - L.ringTop);
    // The flag itself.
    ctx.beginPath();
    ctx.moveTo(x + 1, L.ringTop);
    ctx.lineTo(x + 11, L.ringTop + 5);
    ctx.lineTo(x + 1, L.ringTop + 10);
    ctx.closePath();
    ctx.fill();
    // The label sits at the top of the generation lanes, clear of the ring's and MinAge's labels.
    const w = ctx.measureText(m.label).width;
    const lx = x + 6 + w <= W ? x + 6 : x - 6 - w;
    if (lx < lastLabelEnd + 6) continue; // keep labels from overprinting; the flag stays
    const y = L.laneTop + 12;
    ctx.fillStyle = p.panel;
    ctx.fillRect(lx - 3, y - 9, w + 6, 18);
    ctx.fillStyle = m.took ? p.bad : p.ink3;
    ctx.fillText(m.label, lx, y);
    lastLabelEnd = lx + w;
  }
}

function drawBoxLabel(ctx: CanvasRenderingContext2D, b: GenBox, x0: number, w: number, top: number, L: Layout, p: Palette): void {
  if (!b.label) return;
  const h = b.bottom - top;
  const inside = h >= 22;
  // One line "g12 · 48.0 KiB" when it fits; otherwise the number at the bottom and, when
  // the box is tall and wide enough, its size above in a smaller face.
  const oneLine = b.label.includes(' · ');
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, L.laneTop - 22, w, L.laneBottom);
  ctx.clip();
  ctx.font = `12px ${p.mono}`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = inside ? (b.state === 'ring' ? p.genInk : p.ink) : p.ink3;
  ctx.fillText(oneLine ? b.label : `g${b.gen}`, x0 + 5, inside ? b.bottom - 11 : top - 9);
  if (!oneLine && inside && h >= 40 && b.sub) {
    ctx.font = `11px ${p.mono}`;
    if (ctx.measureText(b.sub).width + 8 <= w) ctx.fillText(b.sub, x0 + 5, b.bottom - 26);
  }
  ctx.restore();
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

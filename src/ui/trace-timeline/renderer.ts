// Draws one frame of the lanes: the visible rows only, spans into a pixel raster put on the
// canvas in one call, then the text and the vector overlay (selection, search matches, flow
// arrows, measurement) with the 2D context. Owns the canvas and its buffers; holds no trace
// data (lanes bring their own painters, paint.ts). Each frame's cost is measured and kept
// for the speed bench and the page's own diagnostics.

import type { TimeScale } from '../timeline/time-scale';
import type { LaneLayout, Row } from './lane-layout';
import { LabelQueue, type LaneContent, type PaintArgs } from './paint';
import type { Palette } from './palette';
import { Raster } from './raster';
import { SpanRow } from './span-row';
import { drawOverlay, type Overlay } from './draw-overlay';

export interface FrameState {
  readonly scale: TimeScale;
  readonly layout: LaneLayout;
  /** Content y (CSS px) at the top of the tracks area. */
  readonly contentTop: number;
  readonly heightCss: number;
  readonly palette: Palette;
  readonly content: (row: Row) => LaneContent | null;
  readonly overlay: Overlay;
}

/** Recent frame costs in ms (draw only, not the browser's compositing), newest last. */
export const FRAME_SAMPLES = 600;

export class TimelineRenderer {
  private raster: Raster | null = null;
  private image: ImageData | null = null;
  private row: SpanRow | null = null;
  private readonly labels = new LabelQueue();
  readonly frameMs: number[] = [];

  constructor(private readonly canvas: HTMLCanvasElement) {}

  draw(f: FrameState): void {
    const t0 = performance.now();
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const dpr = f.scale.dpr;
    const wDev = f.scale.widthDevicePx;
    const hDev = Math.max(1, Math.round(f.heightCss * dpr));
    if (this.canvas.width !== wDev || this.canvas.height !== hDev) {
      this.canvas.width = wDev;
      this.canvas.height = hDev;
      this.canvas.style.width = `${f.scale.widthCssPx}px`;
      this.canvas.style.height = `${f.heightCss}px`;
    }
    if (!this.image || this.image.width !== wDev || this.image.height !== hDev) {
      this.image = ctx.createImageData(wDev, hDev);
      this.raster = new Raster(wDev, hDev, this.image.data.buffer as ArrayBuffer);
      this.row = new SpanRow(wDev);
    }
    const raster = this.raster!;
    const P = f.palette;
    const rows = f.layout.visible(f.contentTop, f.contentTop + f.heightCss);
    const ticks = f.scale.ticks();
    // Row backgrounds and separators (together they cover every pixel down to the last row,
    // so the raster needs no clearing first), then the time grid under the spans.
    let bottom = 0;
    for (const r of rows) {
      const y0 = Math.max(0, Math.round((r.y - f.contentTop) * dpr));
      const y1 = Math.round((r.y + r.h - f.contentTop) * dpr);
      const alt = r.kind === 'section' || (r.kind === 'row' && r.index % 2 === 1);
      raster.fillRect(0, y0, wDev, y1 - 1, alt ? P.rgba['bg-alt'] : P.rgba.bg);
      raster.fillRect(0, y1 - 1, wDev, y1, P.rgba.grid);
      bottom = y1;
    }
    raster.fillRect(0, bottom, wDev, hDev, P.rgba.bg);
    for (const t of ticks) raster.column(Math.round(t.cssPx * dpr), 0, hDev, P.rgba.grid);

    this.labels.clear();
    for (const r of rows) this.paintRow(f, r, r.y - f.contentTop);
    // Section and group headers a long list has scrolled under are pinned at the top (as the
    // label column pins them): drawn over the rows beneath, whose labels are dropped.
    const pinned = f.layout.sticky(f.contentTop);
    if (pinned.length > 0) {
      let maskCss = 0;
      for (const p of pinned) maskCss = Math.max(maskCss, p.offset + p.row.h);
      this.labels.dropAbove(maskCss);
      for (const p of pinned) {
        const y0 = Math.max(0, Math.round(p.offset * dpr));
        const y1 = Math.round((p.offset + p.row.h) * dpr);
        raster.fillRect(0, y0, wDev, y1 - 1, p.row.kind === 'section' ? P.rgba['bg-alt'] : P.rgba.bg);
        raster.fillRect(0, y1 - 1, wDev, y1, P.rgba.grid);
        this.paintRow(f, p.row, p.offset);
      }
    }
    ctx.putImageData(this.image!, 0, 0);

    ctx.save();
    ctx.scale(dpr, dpr);
    ctx.font = `11px ${P.mono}`;
    ctx.textBaseline = 'middle';
    for (const l of this.labels.items) {
      ctx.fillStyle = l.colour;
      ctx.fillText(l.text, l.x, l.y, l.maxW);
    }
    drawOverlay(ctx, f.scale, f.heightCss, f.overlay, P);
    ctx.restore();

    this.frameMs.push(performance.now() - t0);
    if (this.frameMs.length > FRAME_SAMPLES) this.frameMs.splice(0, this.frameMs.length - FRAME_SAMPLES);
  }

  /** Paints a row's content with its top at yTopCss in the view. */
  private paintRow(f: FrameState, r: Row, yTopCss: number): void {
    const content = f.content(r);
    if (!content) return;
    const dpr = f.scale.dpr;
    const pad = r.kind === 'row' ? 2 : 3;
    const yCss = yTopCss + pad;
    const hCss = r.h - 2 * pad;
    const args: PaintArgs = {
      scale: f.scale,
      raster: this.raster!,
      row: this.row!,
      y0: Math.round(yCss * dpr),
      y1: Math.round((yCss + hCss) * dpr),
      yCss,
      hCss,
      palette: f.palette,
      labels: this.labels,
      k: f.scale.widthDevicePx / f.scale.spanNs,
      startNs: f.scale.startNs,
      dim: f.palette.rgba.dim,
    };
    content.paint(args);
  }
}

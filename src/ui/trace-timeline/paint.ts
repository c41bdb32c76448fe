// What a lane draws with. A lane's painter writes its spans into the frame's raster (device
// pixels, through the SpanRow that merges sub-pixel spans) and queues text for the labels
// drawn over them; the renderer owns the canvas. Painters stay free of canvas calls, so a
// frame's cost is the raster's pixels plus a bounded number of labels.

import type { TimeScale } from '../timeline/time-scale';
import type { Palette } from './palette';
import type { Raster, Rgba } from './raster';
import type { SpanRow } from './span-row';

/** Most labels drawn in one frame; past this only the widest spans would gain anything. */
export const MAX_LABELS = 400;
/** A span gets a label when it is at least this wide (CSS px). */
export const LABEL_MIN_CSS_PX = 36;
/** Width of one character of the 11 px monospace label face, for truncating without measuring. */
export const LABEL_CHAR_CSS_PX = 6.7;

export interface Label {
  readonly x: number;
  readonly y: number;
  readonly maxW: number;
  readonly text: string;
  readonly colour: string;
}

export class LabelQueue {
  readonly items: Label[] = [];
  /** The last label queued on each text line (by y), so overlapping spans' labels do not overprint. */
  private readonly lastOnLine = new Map<number, number>();

  /** A label centred vertically at y (CSS px), clipped to [x0, x1]; false when the queue is full. */
  add(x0: number, x1: number, y: number, text: string, colour: string): boolean {
    if (this.items.length >= MAX_LABELS) return false;
    const x = Math.max(0, x0) + 3;
    const maxW = x1 - x - 2;
    if (maxW < LABEL_CHAR_CSS_PX * 2) return true;
    // Spans on one line can overlap (concurrent tasks of one depth): the earlier label gives way.
    const prev = this.lastOnLine.get(y);
    if (prev !== undefined) {
      const p = this.items[prev];
      if (p.x + p.text.length * LABEL_CHAR_CSS_PX > x - 4) {
        const w = Math.min(p.maxW, x - 4 - p.x);
        this.items[prev] = { ...p, maxW: Math.max(0, w), text: fitText(p.text, w) };
      }
    }
    this.lastOnLine.set(y, this.items.length);
    this.items.push({ x, y, maxW, text: fitText(text, maxW), colour });
    return true;
  }

  clear(): void {
    this.items.length = 0;
    this.lastOnLine.clear();
  }

  /** Drops the labels centred above y (CSS px): rows there are hidden under pinned headers. */
  dropAbove(y: number): void {
    let n = 0;
    for (const l of this.items) if (l.y >= y) this.items[n++] = l;
    this.items.length = n;
    this.lastOnLine.clear();
  }
}

/** Text cut to fit maxW CSS px in the label face, with an ellipsis when cut. */
export function fitText(text: string, maxW: number): string {
  const n = Math.floor(maxW / LABEL_CHAR_CSS_PX);
  if (text.length <= n) return text;
  if (n <= 1) return '';
  return `${text.slice(0, n - 1)}…`;
}

export interface PaintArgs {
  readonly scale: TimeScale;
  readonly raster: Raster;
  readonly row: SpanRow;
  /** The lane's band in device rows of the raster, [y0, y1). */
  readonly y0: number;
  readonly y1: number;
  /** The same band in CSS px from the top of the tracks area, for labels. */
  readonly yCss: number;
  readonly hCss: number;
  readonly palette: Palette;
  readonly labels: LabelQueue;
  /** device px per ns and the window start: x = (t − startNs) × k. */
  readonly k: number;
  readonly startNs: number;
  /** Spans that a search or filter does not match are drawn in this colour instead. */
  readonly dim: Rgba;
}

/** Device x of a time in the frame. */
export function devX(p: PaintArgs, t: number): number {
  return (t - p.startNs) * p.k;
}

/** What the pointer is over, for the tooltip. */
export interface HoverInfo {
  readonly title: string;
  readonly lines: readonly string[];
  /** The span's time range, for the hover outline. */
  readonly startNs: number;
  readonly endNs: number;
  /** The goroutine the span belongs to, when it is one's. */
  readonly goroutine?: number;
}

/** One lane's content: painted every frame it is visible, asked on hover and click. */
export interface LaneContent {
  paint(p: PaintArgs): void;
  /** What is at time t (timeNs), within slopNs either side for thin spans. */
  hover?(t: number, slopNs: number): HoverInfo | null;
}

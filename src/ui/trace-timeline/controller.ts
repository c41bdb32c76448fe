// The timeline's moving parts outside React: the visible window (one TimeScale), the vertical
// position, the pointer, held keys, the measurement, and the frame loop that redraws at most
// once per animation frame. React renders the labels and panels from what this reports;
// pointer, wheel and key events come straight here so a frame does not wait on a render.
// The hover is worked out again in every frame from the pointer's position and the current
// window, so after a keyboard zoom or pan the tooltip always describes what is under it.

import { TimeScale, type TimeBounds } from '../timeline/time-scale';
import type { LaneLayout, Row } from './lane-layout';
import type { HoverInfo, LaneContent } from './paint';
import type { Palette } from './palette';
import { TimelineRenderer } from './renderer';
import { drawRuler } from './draw-ruler';
import { NO_OVERLAY, type Overlay } from './draw-overlay';
import { ViewHistory, type HistoryMode } from './view-history';
import { applyKeyMove, heldAmount, measureBetween, showAll, wheelZoomFactor, zoomToRange, type KeyMove, type Measure } from './viewport';

export interface Hover {
  readonly info: HoverInfo;
  readonly row: Row;
  /** Pointer position in the tracks area (CSS px). */
  readonly x: number;
  readonly y: number;
}

export interface ControllerHost {
  /**
   * The window moved; mode says whether it starts a new Back/Forward entry, jump whether it
   * was one deliberate step (show all, zoom to selection) rather than continuous movement.
   */
  viewChanged(scale: TimeScale, mode: HistoryMode, jump: boolean): void;
  hoverChanged(h: Hover | null): void;
  measureChanged(m: Measure | null): void;
  /** A click (no drag) at time t on a row; slopNs is a few pixels' worth of time. */
  clicked(row: Row | null, t: number, slopNs: number): void;
  /** The vertical position changed (labels follow it). */
  scrolled(contentTop: number): void;
  /** Overlay for this frame (selection, matches, flows), in tracks-area CSS px. */
  overlay(contentTop: number, scale: TimeScale): Omit<Overlay, 'hover' | 'measure' | 'pointerX'>;
  content(row: Row): LaneContent | null;
}

const DRAG_THRESHOLD_PX = 3;
/** A held key starts moving continuously after this long (a tap is one step). */
const HOLD_DELAY_MS = 140;

export class TimelineController {
  scale: TimeScale;
  private bounds: TimeBounds;
  private layout: LaneLayout | null = null;
  private palette: Palette | null = null;
  contentTop = 0;
  private heightCss = 0;
  private pointer: { x: number; y: number } | null = null;
  private drag: { id: number; x0: number; y0: number; x: number; y: number; moved: boolean; measuring: boolean } | null = null;
  measure: Measure | null = null;
  private readonly held = new Map<KeyMove, { since: number; fast: boolean }>();
  private lastTick = 0;
  private raf = 0;
  private readonly renderer: TimelineRenderer;
  private readonly history = new ViewHistory();
  private hoverKey = '';
  /** Called after each frame is drawn (the page records when the first frames came). */
  onFrameDrawn: () => void = () => {};
  /** Tells the scrollbar where the lanes now are (content y of the view's top). */
  scrolledTo: (contentTop: number) => void = () => {};

  constructor(
    private readonly tracks: HTMLCanvasElement,
    private readonly ruler: HTMLCanvasElement,
    private readonly host: ControllerHost,
    bounds: TimeBounds,
  ) {
    this.bounds = bounds;
    this.scale = TimeScale.create(bounds.startNs, bounds.endNs, 1, 1);
    this.renderer = new TimelineRenderer(tracks);
  }

  get frameMs(): readonly number[] {
    return this.renderer.frameMs;
  }

  /**
   * The trace's extent changed (generations still arriving): a view showing all of it keeps
   * showing all of it; a view the user moved stays where it is.
   */
  setBounds(b: TimeBounds): void {
    const showingAll = this.scale.startNs === this.bounds.startNs && this.scale.endNs === this.bounds.endNs;
    this.bounds = b;
    this.scale = showingAll ? showAll(this.scale, b) : this.scale.clampTo(b);
    this.requestDraw();
  }

  setSize(widthCss: number, heightCss: number, dpr: number): void {
    this.scale = this.scale.withSize(Math.max(1, widthCss), dpr);
    this.heightCss = Math.max(1, heightCss);
    this.requestDraw();
  }

  setLayout(layout: LaneLayout): void {
    this.layout = layout;
    this.requestDraw();
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.requestDraw();
  }

  get totalCss(): number {
    return this.layout?.totalCssPx ?? 0;
  }

  get viewCss(): number {
    return this.heightCss;
  }

  /** Sets the vertical position (from the scrollbar), held inside the lanes. */
  setContentTop(y: number): void {
    const top = Math.max(0, Math.min(y, this.totalCss - this.heightCss));
    if (top === this.contentTop) return;
    this.contentTop = top;
    this.host.scrolled(top);
    this.requestDraw();
  }

  /** Scrolls the lanes by dy CSS px (wheel, drag, keys) and moves the scrollbar to match. */
  scrollBy(dy: number): void {
    const before = this.contentTop;
    this.setContentTop(this.contentTop + dy);
    if (this.contentTop !== before || dy === 0) this.scrolledTo(this.contentTop);
  }

  /** Shows a window chosen from outside (a link, Back, zoom to selection): not a movement. */
  setWindow(startNs: number, endNs: number): void {
    this.scale = this.scale.withWindow(startNs, endNs, this.bounds);
    this.requestDraw();
  }

  /** The next movement starts a new Back/Forward entry (after a jump made from outside). */
  endGesture(): void {
    this.history.jump();
  }

  private moved(next: TimeScale, jump = false): void {
    if (next.startNs === this.scale.startNs && next.endNs === this.scale.endNs) return;
    this.scale = next;
    this.host.viewChanged(next, jump ? this.history.jump() : this.history.move(performance.now()), jump);
    this.requestDraw();
  }

  zoomToRange(startNs: number, endNs: number): void {
    this.moved(zoomToRange(this.scale, startNs, endNs, this.bounds), true);
  }

  showAll(): void {
    this.moved(showAll(this.scale, this.bounds), true);
  }

  /** Zoom by factor around the centre (toolbar buttons). */
  zoomBy(factor: number): void {
    this.moved(this.scale.zoomAt(this.scale.widthCssPx / 2, factor, this.bounds));
  }

  clearMeasure(): void {
    if (!this.measure) return;
    this.measure = null;
    this.host.measureChanged(null);
    this.requestDraw();
  }

  // ---- input ----

  /** A wheel over the tracks (overRuler: over the time ruler). Returns true when it was used. */
  wheel(e: { deltaX: number; deltaY: number; deltaMode: number; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, x: number, overRuler: boolean): boolean {
    if (e.ctrlKey || e.metaKey || overRuler) {
      this.moved(this.scale.zoomAt(x, wheelZoomFactor(e.deltaY, e.deltaMode), this.bounds));
      return true;
    }
    const toPx = (d: number) => (e.deltaMode === 1 ? d * 40 : e.deltaMode === 2 ? d * this.heightCss : d);
    const horizontal = e.shiftKey ? e.deltaY || e.deltaX : Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : 0;
    if (horizontal !== 0) {
      this.moved(this.scale.panByCssPx(-toPx(horizontal), this.bounds));
      return true;
    }
    if (e.deltaY !== 0) {
      this.scrollBy(toPx(e.deltaY));
      return true;
    }
    return false;
  }

  pointerDown(id: number, x: number, y: number, shift: boolean): void {
    this.drag = { id, x0: x, y0: y, x, y, moved: false, measuring: shift };
  }

  pointerMove(id: number, x: number, y: number): void {
    this.pointer = { x, y };
    const d = this.drag;
    if (d && d.id === id) {
      if (!d.moved && Math.hypot(x - d.x0, y - d.y0) >= DRAG_THRESHOLD_PX) d.moved = true;
      if (d.moved) {
        if (d.measuring) {
          this.measure = measureBetween(this.scale, d.x0, x);
          this.host.measureChanged(this.measure);
        } else {
          this.moved(this.scale.panByCssPx(x - d.x, this.bounds));
          if (y !== d.y) this.scrollBy(d.y - y);
        }
        d.x = x;
        d.y = y;
      }
    }
    this.requestDraw();
  }

  pointerUp(id: number, x: number, y: number): void {
    const d = this.drag;
    if (!d || d.id !== id) return;
    this.drag = null;
    if (!d.moved) {
      const row = this.layout?.rowAt(this.contentTop + y) ?? null;
      this.host.clicked(row, this.scale.cssPxToTime(x), this.scale.nsPerCssPx * 3);
    }
    this.requestDraw();
  }

  pointerLeave(): void {
    this.pointer = null;
    this.requestDraw();
  }

  get dragging(): boolean {
    return this.drag?.moved === true && !this.drag.measuring;
  }

  keyDown(move: KeyMove, fast: boolean, repeat: boolean): void {
    if (repeat && this.held.has(move)) return;
    const anchor = this.pointer ? this.pointer.x : this.scale.widthCssPx / 2;
    this.moved(applyKeyMove(this.scale, move, anchor, this.bounds, 1, fast));
    this.held.set(move, { since: performance.now(), fast });
    this.lastTick = performance.now();
    this.requestDraw();
  }

  keyUp(move: KeyMove | null): void {
    if (move === null) this.held.clear();
    else this.held.delete(move);
  }

  // ---- frames ----

  requestDraw(): void {
    if (this.raf !== 0) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.frame();
    });
  }

  /** Draws now (tests and the bench call this through the page hook). */
  frame(): void {
    const now = performance.now();
    if (this.held.size > 0) {
      const dt = Math.min(0.1, (now - this.lastTick) / 1000);
      this.lastTick = now;
      let next = this.scale;
      const anchor = this.pointer ? this.pointer.x : this.scale.widthCssPx / 2;
      for (const [move, h] of this.held) {
        if (now - h.since < HOLD_DELAY_MS) continue;
        next = applyKeyMove(next, move, anchor, this.bounds, heldAmount(move, dt), h.fast);
      }
      this.moved(next);
      this.requestDraw();
    }
    const P = this.palette;
    if (!P || !this.layout) return;
    const hover = this.computeHover();
    const base = this.host.overlay(this.contentTop, this.scale);
    const overlay: Overlay = {
      ...NO_OVERLAY,
      ...base,
      hover: hover ? { startNs: hover.info.startNs, endNs: hover.info.endNs, yCss: hover.row.y - this.contentTop + 1, hCss: hover.row.h - 2 } : null,
      measure: this.measure,
      pointerX: this.pointer && !this.drag?.moved ? this.pointer.x : null,
    };
    this.renderer.draw({
      scale: this.scale,
      layout: this.layout,
      contentTop: this.contentTop,
      heightCss: this.heightCss,
      palette: P,
      content: (r) => this.host.content(r),
      overlay,
    });
    drawRuler(this.ruler, this.scale, 28, P, this.measure, this.pointer?.x ?? null);
    this.onFrameDrawn();
  }

  private computeHover(): Hover | null {
    const p = this.pointer;
    let h: Hover | null = null;
    if (p && this.layout && !this.drag?.moved) {
      const row = this.layout.rowAt(this.contentTop + p.y);
      const content = row ? this.host.content(row) : null;
      const info = content?.hover?.(this.scale.cssPxToTime(p.x), this.scale.nsPerCssPx * 2) ?? null;
      if (row && info) h = { info, row, x: p.x, y: p.y };
    }
    const key = h ? `${h.row.y}|${h.info.title}|${h.info.lines.join('|')}|${Math.round(h.x)}|${Math.round(h.y)}` : '';
    if (key !== this.hoverKey) {
      this.hoverKey = key;
      this.host.hoverChanged(h);
    }
    return h;
  }

  dispose(): void {
    if (this.raf !== 0) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.held.clear();
  }
}

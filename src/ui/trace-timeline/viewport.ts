// How the timeline's visible time window moves: wheel and pinch zoom at the pointer, drag
// pan, W/S/A/D as in Perfetto and Catapult (held keys move continuously, Shift faster), zoom
// to a selection, show all. Every function takes a TimeScale and returns a new one inside the
// trace's bounds; nothing here reads the DOM or the clock, so each is tested as arithmetic.

import { TimeScale, type CssPx, type TimeBounds, type TimeNs } from '../timeline/time-scale';

/**
 * The whole trace plus a little room on each side, so the first and last spans do not sit on
 * the drawing's edges.
 */
export function traceBounds(durationNs: TimeNs): TimeBounds {
  const d = Math.max(1, durationNs);
  const pad = d * 0.01;
  return { startNs: -pad, endNs: d + pad };
}

export function showAll(scale: TimeScale, bounds: TimeBounds): TimeScale {
  return scale.withWindow(bounds.startNs, bounds.endNs, bounds);
}

/**
 * A window showing [startNs, endNs] with `margin` of its span free on each side (a selected
 * span is easier to read with context around it).
 */
export function zoomToRange(scale: TimeScale, startNs: TimeNs, endNs: TimeNs, bounds: TimeBounds, margin = 0.1): TimeScale {
  const span = Math.max(0, endNs - startNs);
  const pad = span * margin;
  return scale.withWindow(startNs - pad, endNs + pad, bounds);
}

/** Centres the window on t, keeping its span. */
export function centreOn(scale: TimeScale, t: TimeNs, bounds: TimeBounds): TimeScale {
  const half = scale.spanNs / 2;
  return scale.withWindow(t - half, t + half, bounds);
}

/**
 * A wheel event's zoom factor (>1 zooms in). deltaMode 1 (lines) and 2 (pages) come from some
 * mice and from Firefox; they are turned into pixels first so one notch zooms about 1.25×.
 */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaMode === 1 ? deltaY * 40 : deltaMode === 2 ? deltaY * 800 : deltaY;
  const clamped = Math.max(-400, Math.min(400, px));
  return Math.exp(-clamped * 0.0022);
}

export type KeyMove = 'zoom-in' | 'zoom-out' | 'pan-left' | 'pan-right';

/** W/S zoom and A/D pan, the convention of Perfetto and Catapult. */
export function keyMove(key: string): KeyMove | null {
  switch (key.toLowerCase()) {
    case 'w':
      return 'zoom-in';
    case 's':
      return 'zoom-out';
    case 'a':
      return 'pan-left';
    case 'd':
      return 'pan-right';
  }
  return null;
}

/** One press: zoom by this factor, or pan this share of the width. */
export const KEY_ZOOM_STEP = 1.25;
export const KEY_PAN_STEP = 0.1;
/** Held: per second, and how much faster with Shift. */
export const KEY_ZOOM_PER_SEC = 6;
export const KEY_PAN_PER_SEC = 0.9;
export const FAST = 3;

/**
 * A key move applied for `amount` (1 = one press; a held key passes the seconds it has been
 * held this frame times the per-second rate over the per-press step). Zoom keeps the time
 * under `anchor` still: the pointer if it is over the lanes, else the centre.
 */
export function applyKeyMove(scale: TimeScale, move: KeyMove, anchor: CssPx, bounds: TimeBounds, amount = 1, fast = false): TimeScale {
  const k = amount * (fast ? FAST : 1);
  switch (move) {
    case 'zoom-in':
      return scale.zoomAt(anchor, KEY_ZOOM_STEP ** k, bounds);
    case 'zoom-out':
      return scale.zoomAt(anchor, KEY_ZOOM_STEP ** -k, bounds);
    case 'pan-left':
      return scale.panByCssPx(scale.widthCssPx * KEY_PAN_STEP * k, bounds);
    case 'pan-right':
      return scale.panByCssPx(-scale.widthCssPx * KEY_PAN_STEP * k, bounds);
  }
}

/** How many presses' worth a key held for `seconds` is worth, at the held rates. */
export function heldAmount(move: KeyMove, seconds: number): number {
  if (move === 'zoom-in' || move === 'zoom-out') return (seconds * Math.log(KEY_ZOOM_PER_SEC)) / Math.log(KEY_ZOOM_STEP);
  return (seconds * KEY_PAN_PER_SEC) / KEY_PAN_STEP;
}

/** A measured interval (Shift-drag), its ends in order. */
export interface Measure {
  readonly startNs: TimeNs;
  readonly endNs: TimeNs;
}

export function measureBetween(scale: TimeScale, x0: CssPx, x1: CssPx): Measure {
  const a = scale.cssPxToTime(Math.min(x0, x1));
  const b = scale.cssPxToTime(Math.max(x0, x1));
  return { startNs: a, endNs: b };
}

/** The scale for a window read back from the URL, or the whole trace when there is none. */
export function scaleFor(range: { startNs: number; endNs: number } | null, widthCssPx: CssPx, dpr: number, bounds: TimeBounds): TimeScale {
  const s = TimeScale.create(bounds.startNs, bounds.endNs, widthCssPx, dpr);
  return range ? s.withWindow(range.startNs, range.endNs, bounds) : s;
}

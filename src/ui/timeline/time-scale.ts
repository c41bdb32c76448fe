// The one conversion between the timeline's coordinate spaces.
//
//   timeNs    nanoseconds of trace time, relative to a chosen origin (a plain number, so
//             exact up to 2^53 ns ≈ 104 days of span, which no view ever shows);
//   cssPx     CSS pixels from the left edge of the drawing area;
//   devicePx  physical pixels of the canvas backing store (cssPx × devicePixelRatio).
//
// Absolute Go times are int64 and may pass 2^53, so they are turned into timeNs once, by
// subtracting a bigint origin (toTimeNs), and never again compared as numbers.
// The scale is immutable: every zoom or pan returns a new one, so a React render and a
// canvas draw always see the same mapping. Nothing here touches the DOM.

import { ticks as d3Ticks, tickStep } from 'd3';

export type TimeNs = number;
export type CssPx = number;
export type DevicePx = number;

/** The time range the view may show; zoom and pan stay inside it. */
export interface TimeBounds {
  readonly startNs: TimeNs;
  readonly endNs: TimeNs;
}

export interface Tick {
  readonly timeNs: TimeNs;
  readonly cssPx: CssPx;
  readonly label: string;
}

/** The narrowest span the view zooms into: below this Go's timestamps carry no detail. */
export const MIN_SPAN_NS = 1_000;

/** An absolute trace time (bigint or exact number) as timeNs relative to originNs. */
export function toTimeNs(t: bigint | number, originNs: bigint): TimeNs {
  const abs = typeof t === 'bigint' ? t : BigInt(Math.trunc(t));
  return Number(abs - originNs);
}

export class TimeScale {
  private constructor(
    readonly startNs: TimeNs,
    readonly endNs: TimeNs,
    readonly widthCssPx: CssPx,
    readonly dpr: number,
  ) {}

  /** A scale showing [startNs, endNs] across widthCssPx; degenerate inputs are repaired. */
  static create(startNs: TimeNs, endNs: TimeNs, widthCssPx: CssPx, dpr = 1): TimeScale {
    const w = Number.isFinite(widthCssPx) && widthCssPx > 0 ? widthCssPx : 1;
    const d = Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
    let s = Number.isFinite(startNs) ? startNs : 0;
    let e = Number.isFinite(endNs) ? endNs : s + MIN_SPAN_NS;
    if (e < s) [s, e] = [e, s];
    if (e - s < MIN_SPAN_NS) {
      const mid = (s + e) / 2;
      s = mid - MIN_SPAN_NS / 2;
      e = mid + MIN_SPAN_NS / 2;
    }
    return new TimeScale(s, e, w, d);
  }

  get spanNs(): TimeNs {
    return this.endNs - this.startNs;
  }

  get widthDevicePx(): DevicePx {
    return Math.round(this.widthCssPx * this.dpr);
  }

  /** Nanoseconds per CSS pixel. */
  get nsPerCssPx(): number {
    return this.spanNs / this.widthCssPx;
  }

  timeToCssPx(t: TimeNs): CssPx {
    return ((t - this.startNs) / this.spanNs) * this.widthCssPx;
  }

  cssPxToTime(x: CssPx): TimeNs {
    return this.startNs + (x / this.widthCssPx) * this.spanNs;
  }

  cssToDevicePx(x: CssPx): DevicePx {
    return x * this.dpr;
  }

  deviceToCssPx(x: DevicePx): CssPx {
    return x / this.dpr;
  }

  timeToDevicePx(t: TimeNs): DevicePx {
    return this.cssToDevicePx(this.timeToCssPx(t));
  }

  /** The same time window drawn into a different width or pixel ratio (a resize). */
  withSize(widthCssPx: CssPx, dpr: number = this.dpr): TimeScale {
    return TimeScale.create(this.startNs, this.endNs, widthCssPx, dpr);
  }

  /** The same size showing another window, clamped to bounds when given. */
  withWindow(startNs: TimeNs, endNs: TimeNs, bounds?: TimeBounds): TimeScale {
    const s = TimeScale.create(startNs, endNs, this.widthCssPx, this.dpr);
    return bounds ? s.clampTo(bounds) : s;
  }

  /**
   * Zooms by factor (>1 zooms in) keeping the time under anchor fixed on screen, as wheel
   * zoom does in every timeline viewer; the span is held between MIN_SPAN_NS and the bounds.
   */
  zoomAt(anchor: CssPx, factor: number, bounds?: TimeBounds): TimeScale {
    if (!(factor > 0) || !Number.isFinite(factor)) return this;
    const frac = Math.min(1, Math.max(0, anchor / this.widthCssPx));
    const pivot = this.startNs + frac * this.spanNs;
    let span = this.spanNs / factor;
    const maxSpan = bounds ? Math.max(MIN_SPAN_NS, bounds.endNs - bounds.startNs) : Infinity;
    span = Math.min(maxSpan, Math.max(MIN_SPAN_NS, span));
    const start = pivot - frac * span;
    return this.withWindow(start, start + span, bounds);
  }

  /** Moves the view so content follows a drag of dx CSS pixels (dx > 0 shows earlier time). */
  panByCssPx(dx: CssPx, bounds?: TimeBounds): TimeScale {
    const dt = dx * this.nsPerCssPx;
    return this.withWindow(this.startNs - dt, this.endNs - dt, bounds);
  }

  /** Shifts the window inside bounds keeping its span (shrinking it only if it is wider). */
  clampTo(bounds: TimeBounds): TimeScale {
    const bSpan = Math.max(MIN_SPAN_NS, bounds.endNs - bounds.startNs);
    const span = Math.min(this.spanNs, bSpan);
    let start = this.startNs;
    if (start < bounds.startNs) start = bounds.startNs;
    if (start + span > bounds.startNs + bSpan) start = bounds.startNs + bSpan - span;
    if (start === this.startNs && span === this.spanNs) return this;
    return new TimeScale(start, start + span, this.widthCssPx, this.dpr);
  }

  /**
   * Axis ticks about minSpacing CSS pixels apart or more, at round multiples of 1, 2 or 5
   * times a power of ten nanoseconds, labelled in one unit chosen from the step.
   */
  ticks(minSpacing: CssPx = 90): Tick[] {
    const count = Math.max(1, Math.floor(this.widthCssPx / minSpacing));
    const step = Math.abs(tickStep(this.startNs, this.endNs, count));
    const unit = unitFor(Math.max(Math.abs(this.startNs), Math.abs(this.endNs)), step);
    return d3Ticks(this.startNs, this.endNs, count)
      .filter((t) => t >= this.startNs && t <= this.endNs)
      .map((t) => ({ timeNs: t, cssPx: this.timeToCssPx(t), label: formatInUnit(t, step, unit) }));
  }
}

interface Unit {
  readonly ns: number;
  readonly suffix: string;
}

const UNITS: readonly Unit[] = [
  { ns: 1e9, suffix: 's' },
  { ns: 1e6, suffix: 'ms' },
  { ns: 1e3, suffix: 'µs' },
  { ns: 1, suffix: 'ns' },
];

/**
 * The unit the labels are written in: the largest one not above the labels' magnitude in
 * which the step still needs at most three decimals ("1.2 ms", not "1200 µs").
 */
function unitFor(magnitudeNs: number, stepNs: number): Unit {
  return UNITS.find((u) => magnitudeNs >= u.ns && decimalsFor(stepNs / u.ns) <= 3) ?? UNITS[UNITS.length - 1];
}

function decimalsFor(stepInUnit: number): number {
  return stepInUnit >= 1 ? 0 : Math.ceil(-Math.log10(stepInUnit) - 1e-9);
}

/** A tick label: enough decimals to tell neighbouring ticks apart, no float noise. */
function formatInUnit(t: TimeNs, stepNs: number, unit: Unit): string {
  const decimals = Math.min(3, decimalsFor(stepNs / unit.ns));
  let text = (t / unit.ns).toFixed(decimals);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return `${text} ${unit.suffix}`;
}

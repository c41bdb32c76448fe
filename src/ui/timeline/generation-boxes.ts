// Pure layout for the live generations timeline: sealed generations → boxes in cssPx.
// A box spans its generation's time; its height shows its size relative to the largest
// generation in view, so a burst of allocation is visible at a glance.

import type { LiveGeneration } from '../../state/store';
import { formatBytes, formatBytesShort } from '../format';
import type { CssPx, TimeBounds, TimeNs, TimeScale } from './time-scale';

export type BoxState = 'ring' | 'evicted' | 'unrecorded';

export interface GenBox {
  readonly gen: number;
  readonly state: BoxState;
  readonly x0: CssPx;
  readonly x1: CssPx;
  readonly top: CssPx;
  readonly bottom: CssPx;
  /** "g12 · 48.0 KiB", shortened or dropped when the box is too narrow. */
  readonly label: string | null;
  /** The size alone, for a second line under a bare "g12". */
  readonly sub?: string;
  /** Why it left the ring, for an evicted box. */
  readonly cause?: LiveGeneration['cause'];
}

export interface Lane {
  readonly top: CssPx;
  readonly bottom: CssPx;
}

/** Width in CSS px that one label character takes at the timeline's font size. */
const CHAR_PX = 7.2;
/** Boxes never get shorter than this, so a tiny generation is still seen. */
const MIN_BOX_PX = 6;

export function boxState(g: LiveGeneration): BoxState {
  return g.inRing ? 'ring' : g.evicted ? 'evicted' : 'unrecorded';
}

/**
 * Boxes for the sealed generations in view. openBytes (the generation still being written)
 * takes part in the height scale, so the growing box and the sealed ones compare truly.
 */
export function layoutBoxes(history: readonly LiveGeneration[], scale: TimeScale, lane: Lane, openBytes = 0): GenBox[] {
  const visible = history.filter((g) => g.endNs >= scale.startNs && g.startNs <= scale.endNs);
  const maxBytes = visible.reduce((m, g) => Math.max(m, g.bytes), Math.max(1, openBytes));
  const laneH = lane.bottom - lane.top;
  return visible.map((g) => {
    const x0 = Math.max(-1, scale.timeToCssPx(g.startNs));
    const x1 = Math.min(scale.widthCssPx + 1, scale.timeToCssPx(g.endNs));
    const h = Math.max(MIN_BOX_PX, (g.bytes / maxBytes) * laneH);
    const box: GenBox = { gen: g.gen, state: boxState(g), x0, x1, top: lane.bottom - h, bottom: lane.bottom, label: boxLabel(g, x1 - x0) };
    const sub = formatBytesShort(g.bytes);
    return g.evicted && g.cause ? { ...box, sub, cause: g.cause } : { ...box, sub };
  });
}

export interface OpenBox {
  readonly gen: number;
  readonly x0: CssPx;
  readonly x1: CssPx;
  readonly top: CssPx;
  readonly bottom: CssPx;
  readonly bytes: number | null;
}

/**
 * The generation being written: from the end of the last sealed one to now, as tall as its
 * bytes so far against the same scale as layoutBoxes (the largest of the visible sealed
 * generations and itself). Null when nothing is open or it is out of view.
 */
export function layoutOpenBox(
  history: readonly LiveGeneration[],
  scale: TimeScale,
  lane: Lane,
  open: { gen: number; startNs: TimeNs; nowNs: TimeNs; bytes: number | null },
): OpenBox | null {
  if (open.gen <= 0 || open.nowNs <= open.startNs) return null;
  const x0 = Math.max(-1, scale.timeToCssPx(open.startNs));
  const x1 = Math.min(scale.widthCssPx + 1, scale.timeToCssPx(open.nowNs));
  if (x1 <= 0 || x0 >= scale.widthCssPx) return null;
  const visible = history.filter((g) => g.endNs >= scale.startNs && g.startNs <= scale.endNs);
  const maxBytes = visible.reduce((m, g) => Math.max(m, g.bytes), Math.max(1, open.bytes ?? 0));
  const laneH = lane.bottom - lane.top;
  const h = open.bytes === null ? MIN_BOX_PX * 3 : Math.max(MIN_BOX_PX, (open.bytes / maxBytes) * laneH);
  return { gen: open.gen, x0, x1, top: lane.bottom - h, bottom: lane.bottom, bytes: open.bytes };
}

/** The longest label that fits in width: "g12 · 48.0 KiB", then "48.0 KiB", then "g12". */
export function boxLabel(g: Pick<LiveGeneration, 'gen' | 'bytes'>, width: CssPx): string | null {
  const size = formatBytes(g.bytes);
  for (const text of [`g${g.gen} · ${size}`, size, `g${g.gen}`]) {
    if (text.length * CHAR_PX + 8 <= width) return text;
  }
  return null;
}

/** Everything the live view can scroll over: from the oldest generation kept to now. */
export function liveBounds(history: readonly LiveGeneration[], nowNs: TimeNs): TimeBounds {
  const start = history.length > 0 ? history[0].startNs : 0;
  return { startNs: start, endNs: Math.max(nowNs, start + 1) };
}

/** Room kept right of "now" while following, for the open generation's label. */
export const FOLLOW_LEAD = 0.1;

/**
 * The follow window: the last spanNs of time ending a little after now. Until that much
 * time has passed it starts at the oldest generation, so the view fills from the left.
 */
export function followWindow(history: readonly LiveGeneration[], nowNs: TimeNs, spanNs: TimeNs): TimeBounds {
  const b = liveBounds(history, nowNs);
  const end = Math.max(b.startNs + spanNs, b.endNs + spanNs * FOLLOW_LEAD);
  return { startNs: end - spanNs, endNs: end };
}

/** The sealed generation whose time span holds t (for hover details), or null. */
export function generationAt(history: readonly LiveGeneration[], t: TimeNs): LiveGeneration | null {
  // History is sorted by generation, and so by time: binary search.
  let lo = 0;
  let hi = history.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = history[mid];
    if (t < g.startNs) hi = mid - 1;
    else if (t >= g.endNs) lo = mid + 1;
    else return g;
  }
  return null;
}

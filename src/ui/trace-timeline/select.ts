// What a click selects, and how the search steps from one result to the next. A click on a
// goroutine lane selects that goroutine at that moment; a click on a P or M lane selects the
// goroutine it was running (the moment is kept, and the lane, so the outline is drawn where
// the click was). Search results are the running spans of the goroutines that match, in time
// order; next/previous find the nearest one after/before a moment by looking in windows
// that grow fourfold, on the goroutines' own lanes when few match and on the P lanes when
// many do, so a step costs what it looks at.

import { GState, LaneKind, type LaneRef, type TimelineQueries } from '../../analysis/timeline/index';
import type { Row } from './lane-layout';
import { laneIndex, type ModelLanes } from './model-lanes';
import type { ModelData } from './model-data';

export interface Picked {
  /** Goroutine index. */
  readonly goroutine: number;
  readonly timeNs: number;
  /** The P/M lane clicked ('p3', 'm7'); null for the goroutine's own lane. */
  readonly lane: string | null;
  readonly startNs: number;
  readonly endNs: number;
}

/** The span of a P/M lane nearest t within slop (the one under t first). */
function runnerSpanNear(m: TimelineQueries, lane: LaneRef, t: number, slop: number): { g: number; s: number; e: number } | null {
  let best: { g: number; s: number; e: number } | null = null;
  let bestD = Infinity;
  m.forEachSpan(lane, t - slop, t + slop, (v) => {
    const d = t < v.startNs ? v.startNs - t : t > v.endNs ? t - v.endNs : 0;
    if (d < bestD && v.goroutine >= 0) {
      bestD = d;
      best = { g: v.goroutine, s: v.startNs, e: v.endNs };
    }
  });
  return best;
}

export function pick(data: ModelData, row: Row | null, t: number, slop: number): Picked | null {
  const m = data.model;
  if (!row) return null;
  if (row.kind === 'row') {
    const g = data.goroutineOf(row.groupIndex, row.index);
    if (g < 0) return null;
    const s = m.spanAt({ kind: LaneKind.Goroutine, index: g }, t);
    if (!s || s.state === GState.NotExist || s.state === GState.Undetermined) return null;
    return { goroutine: g, timeNs: t, lane: null, startNs: s.startNs, endNs: s.endNs };
  }
  if (row.kind === 'lane') {
    const p = laneIndex(row.key, 'p');
    const th = laneIndex(row.key, 'm');
    const lane: LaneRef | null = p !== null ? { kind: LaneKind.Proc, index: p } : th !== null ? { kind: LaneKind.Thread, index: th } : null;
    if (!lane) return null;
    const hit = runnerSpanNear(m, lane, t, slop);
    if (!hit) return null;
    const at = Math.min(Math.max(t, hit.s), hit.e);
    return { goroutine: hit.g, timeNs: at, lane: row.key, startNs: hit.s, endNs: hit.e };
  }
  return null;
}

/** Largest number of spans one search step may look at before giving up. */
const STEP_BUDGET = 4_000_000;
/** Matching goroutines up to this many are searched lane by lane, past it on the P lanes. */
const FEW = 2000;

export interface Found {
  readonly goroutine: number;
  readonly startNs: number;
  readonly endNs: number;
}

export function stepSearch(m: TimelineQueries, lanes: ModelLanes, fromNs: number, dir: 1 | -1, initialWindowNs: number): Found | null {
  const bits = lanes.matchBits;
  if (!bits || lanes.matchCount === 0) return null;
  const end = m.endNs;
  const members: number[] = [];
  if (lanes.matchCount <= FEW) for (const g of lanes.groups) for (const i of g.members) members.push(i);
  const probeLanes: LaneRef[] =
    members.length > 0 ? members.map((i) => ({ kind: LaneKind.Goroutine, index: i })) : m.procs().map((p) => ({ kind: LaneKind.Proc, index: p.index }));
  let visited = 0;
  const better = (a: number, b: number) => (dir === 1 ? a < b : a > b);
  for (let w = Math.max(1000, initialWindowNs); ; w *= 4) {
    const a = dir === 1 ? fromNs : Math.max(0, fromNs - w);
    const b = dir === 1 ? Math.min(end, fromNs + w) : fromNs;
    let best: Found | null = null;
    for (const lane of probeLanes) {
      m.forEachSpan(lane, a, b, (s) => {
        visited++;
        const g = lane.kind === LaneKind.Goroutine ? lane.index : s.goroutine;
        const ok = (lane.kind !== LaneKind.Goroutine || s.state === GState.Running) && g >= 0 && bits[g] === 1;
        const after = dir === 1 ? s.startNs > fromNs : s.startNs < fromNs;
        if (ok && after && (!best || better(s.startNs, best.startNs))) best = { goroutine: g, startNs: s.startNs, endNs: s.endNs };
        return visited < STEP_BUDGET;
      });
    }
    if (best || visited >= STEP_BUDGET) return best;
    if ((dir === 1 && b >= end) || (dir === -1 && a <= 0)) return null;
  }
}

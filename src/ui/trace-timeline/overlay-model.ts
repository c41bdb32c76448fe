// The per-frame overlay from the page's state: the selected span's outline (on the lane it
// was picked in and on the goroutine's own lane) and the flow arrows of the selected
// goroutine — who created it, who woke it, whom it woke — between the lanes in view.

import { FlowKind, LaneKind, type TimelineQueries } from '../../analysis/timeline/index';
import type { TimeScale } from '../timeline/time-scale';
import type { Flow as Arrow, OverlayBox } from './draw-overlay';
import type { LaneLayout } from './lane-layout';
import type { ModelData } from './model-data';

/** At most this many arrows per frame: a goroutine that woke thousands would hide the view. */
const MAX_ARROWS = 200;

export interface SelectionState {
  /** Goroutine index in the model. */
  readonly goroutine: number;
  readonly timeNs: number;
  /** The P/M lane it was picked in, or null. */
  readonly lane: string | null;
}

/** Content y of the middle of a goroutine's row, or null when it is not laid out. */
export function goroutineRowY(data: ModelData, layout: LaneLayout, g: number): { y: number; h: number } | null {
  const lanes = data.ctx.lanes;
  const gi = lanes.groupOf[g];
  if (gi < 0 || gi === undefined) return null;
  const y = layout.yOf(lanes.groups[gi].key, lanes.rowOf[g]);
  return y === null ? null : { y, h: layout.opts.rowCssPx };
}

function laneY(layout: LaneLayout, key: string): { y: number; h: number } | null {
  const y = layout.yOf(key);
  if (y === null) return null;
  const r = layout.rowAt(y);
  return r ? { y, h: r.h } : null;
}

export function selectionBoxes(data: ModelData, layout: LaneLayout, sel: SelectionState, contentTop: number): OverlayBox[] {
  const m: TimelineQueries = data.model;
  const out: OverlayBox[] = [];
  const own = m.spanAt({ kind: LaneKind.Goroutine, index: sel.goroutine }, sel.timeNs);
  const row = goroutineRowY(data, layout, sel.goroutine);
  if (own && row) out.push({ startNs: own.startNs, endNs: own.endNs, yCss: row.y - contentTop + 2, hCss: row.h - 4 });
  if (sel.lane) {
    const at = laneY(layout, sel.lane);
    const kind = sel.lane[0] === 'p' ? LaneKind.Proc : LaneKind.Thread;
    const index = Number(sel.lane.slice(1));
    if (at) {
      m.forEachSpan({ kind, index }, sel.timeNs, sel.timeNs, (s) => {
        out.push({ startNs: s.startNs, endNs: s.endNs, yCss: at.y - contentTop + 3, hCss: at.h - 6 });
        return false;
      });
    }
  }
  return out;
}

export function flowArrows(data: ModelData, layout: LaneLayout, sel: SelectionState, scale: TimeScale, contentTop: number): Arrow[] {
  const m = data.model;
  const flows = m.flows(sel.goroutine, scale.startNs, scale.endNs);
  const creation = m.creation(sel.goroutine);
  if (creation && !flows.some((f) => f.kind === FlowKind.Create && f.toGoroutine === sel.goroutine)) flows.push(creation);
  const out: Arrow[] = [];
  for (const f of flows) {
    if (out.length >= MAX_ARROWS || f.toNs === null) continue;
    const from = f.fromGoroutine >= 0 ? goroutineRowY(data, layout, f.fromGoroutine) : f.fromProc >= 0 ? laneY(layout, `p${f.fromProc}`) : null;
    const to = goroutineRowY(data, layout, f.toGoroutine);
    if (!from || !to) continue;
    out.push({
      kind: f.kind === FlowKind.Create ? 'create' : 'unblock',
      fromNs: f.fromNs,
      fromY: from.y + from.h / 2 - contentTop,
      toNs: f.toNs,
      toY: to.y + to.h / 2 - contentTop,
    });
  }
  return out;
}

// The timeline's deliberate moves: select a goroutine at a moment, jump to another goroutine
// (following "created by" / "woken by"), step through search results, zoom to the selection,
// and the keyboard actions. Each is one Back/Forward entry: the URL gets the new range and
// selection in a single push, and the controller starts a new gesture after it.

import { useCallback, type RefObject } from 'react';
import { LaneKind, type TimelineQueries } from '../../analysis/timeline/index';
import type { TimeBounds } from '../timeline/time-scale';
import type { TimelineController } from './controller';
import type { ModelData } from './model-data';
import type { SelectionState } from './overlay-model';
import { stepSearch } from './select';
import type { ShortcutAction } from './shortcuts';
import type { ViewUrl } from './use-view-url';
import { centreOn, type Measure } from './viewport';

export interface ActionDeps {
  readonly model: TimelineQueries | null;
  readonly modelData: ModelData | null;
  readonly controller: RefObject<TimelineController | null>;
  readonly url: ViewUrl;
  readonly bounds: TimeBounds;
  readonly measure: Measure | null;
  readonly selection: RefObject<SelectionState | null>;
  readonly searchBox: RefObject<HTMLInputElement | null>;
  showRange(startNs: number, endNs: number): void;
  toggleHelp(): void;
}

/** A jump wider than this keeps a 5 ms window around its target rather than the zoom. */
const KEEP_ZOOM_BELOW_NS = 50e6;

export function useTimelineActions(d: ActionDeps) {
  const { model, modelData, controller, url, bounds } = d;

  const select = useCallback(
    (g: number | null, timeNs: number | null, lane: string | null) => {
      const id = g !== null && model ? Number(model.goroutine(g).id) : null;
      url.write({ goroutine: id, timeNs, lane }, 'push');
    },
    [model, url],
  );

  /** Shows a window and selects, as one history entry. */
  const moveAndSelect = (startNs: number, endNs: number, goroutineId: number | null, t: number) => {
    const c = controller.current;
    if (!c) return;
    c.setWindow(startNs, endNs);
    c.endGesture();
    d.showRange(c.scale.startNs, c.scale.endNs);
    url.write({ range: { startNs: c.scale.startNs, endNs: c.scale.endNs }, goroutine: goroutineId, timeNs: t, lane: null }, 'push');
  };

  const jumpTo = (goroutineId: string, t: number) => {
    const c = controller.current;
    if (!c || !model) return;
    const next = c.scale.spanNs <= KEEP_ZOOM_BELOW_NS ? centreOn(c.scale, t, bounds) : c.scale.withWindow(t - 2.5e6, t + 2.5e6, bounds);
    const id = Number(goroutineId);
    moveAndSelect(next.startNs, next.endNs, model.goroutineIndex(id) >= 0 ? id : null, t);
  };

  const step = (dir: 1 | -1) => {
    const c = controller.current;
    if (!c || !modelData) return;
    const m = modelData.model;
    const from = d.selection.current?.timeNs ?? (dir === 1 ? c.scale.startNs : c.scale.endNs);
    const lanes = modelData.ctx.lanes;
    // Wrap around at the ends, as a browser's find does.
    const found = stepSearch(m, lanes, from, dir, c.scale.spanNs) ?? stepSearch(m, lanes, dir === 1 ? -1 : m.endNs + 1, dir, c.scale.spanNs);
    if (!found) return;
    const inView = found.startNs >= c.scale.startNs && found.startNs <= c.scale.endNs;
    const next = inView ? c.scale : centreOn(c.scale, found.startNs, bounds);
    moveAndSelect(next.startNs, next.endNs, Number(m.goroutine(found.goroutine).id), (found.startNs + found.endNs) / 2);
  };

  const zoomToSelection = () => {
    const c = controller.current;
    if (!c) return;
    if (d.measure) return c.zoomToRange(d.measure.startNs, d.measure.endNs);
    const sel = d.selection.current;
    if (!sel || !model) return;
    const s = model.spanAt({ kind: LaneKind.Goroutine, index: sel.goroutine }, sel.timeNs);
    if (s) c.zoomToRange(s.startNs, s.endNs);
  };

  const onAction = (a: ShortcutAction) => {
    const c = controller.current;
    switch (a) {
      case 'zoom-selection':
        return zoomToSelection();
      case 'show-all':
        return c?.showAll();
      case 'clear':
        c?.clearMeasure();
        if (d.selection.current) select(null, null, null);
        return;
      case 'search':
        return d.searchBox.current?.focus();
      case 'next-match':
        return step(1);
      case 'prev-match':
        return step(-1);
      case 'help':
        return d.toggleHelp();
    }
  };

  return { select, jumpTo, step, zoomToSelection, onAction };
}

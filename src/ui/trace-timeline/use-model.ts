// The open trace's timeline model, for the timeline page: the model object (kept outside the
// store, state/timeline.ts) and its version, which changes when a generation arrives so the
// page redraws with the generations read so far.

import { useEffect, useRef, useState } from 'react';
import type { TimelineQueries } from '../../analysis/timeline/index';
import { useApp } from '../../state/store';
import { currentTimeline } from '../../state/timeline';

export interface ModelState {
  readonly model: TimelineQueries | null;
  readonly version: number;
}

/**
 * While generations arrive, the page rebuilds its lanes from the model at most every
 * LOADING_REDRAW_MS, or four times as long as the last rebuild took (each walks every
 * goroutine: with hundreds of thousands the page would do nothing else); when the last
 * generation is in, at once.
 */
export const LOADING_REDRAW_MS = 600;

export function useTimelineModel(lastRebuildMs = 0): ModelState {
  const version = useApp((s) => s.inspect.timeline.version);
  const status = useApp((s) => s.inspect.timeline.status);
  const shown = useThrottled(version, status === 'loading' ? Math.max(LOADING_REDRAW_MS, 4 * lastRebuildMs) : 0);
  const model = status === 'empty' ? null : currentTimeline();
  return { model: model && model.generations.length > 0 ? model : null, version: shown };
}

/** value, passed on at most every `ms` (immediately when ms is 0). */
function useThrottled(value: number, ms: number): number {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (value === shown) return;
    const wait = ms - (performance.now() - last.current);
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const t = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(t);
  }, [value, shown, ms]);
  return shown;
}

// The timeline's state in the URL hash (view-params.ts): read from the store's page
// parameters, written through navigation.ts. A moving view is written at most every
// WRITE_MS (browsers throttle history writes, and Back should not hold every frame); the
// first write of a gesture pushes a history entry and the rest replace it (view-history.ts).
// A deliberate jump (a selection, zoom to selection, show all) is written at once, pushed.

import { useEffect, useMemo, useRef } from 'react';
import { currentRoute, setViewParams } from '../../state/navigation';
import { useApp } from '../../state/store';
import type { HistoryMode } from './view-history';
import { formatTimelineParams, parseTimelineParams, sameParams, type TimelineParams } from './view-params';

const WRITE_MS = 250;

export interface ViewUrl {
  readonly params: TimelineParams;
  /** Writes now ('push' for a jump) or, with later = true, after the view settles. */
  write(patch: Partial<TimelineParams>, mode: HistoryMode, later?: boolean): void;
}

export function useViewUrl(): ViewUrl {
  const raw = useApp((s) => s.viewParams);
  const params = useMemo(() => parseTimelineParams(raw), [raw]);
  const pending = useRef<{ patch: Partial<TimelineParams>; mode: HistoryMode } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const p = pending.current;
    pending.current = null;
    if (!p) return;
    const route = currentRoute();
    // Only while the timeline is the page shown: a late write must not land on another page.
    if (route.screen !== 'inspect' || route.view !== 'timeline') return;
    const cur = parseTimelineParams(route.params);
    const next = { ...cur, ...p.patch };
    if (!sameParams(cur, next)) setViewParams(formatTimelineParams(next), p.mode);
  };

  useEffect(() => () => flush(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const write = (patch: Partial<TimelineParams>, mode: HistoryMode, later = false) => {
    // A push decided earlier in this burst stays a push when later steps say replace.
    const mergedMode: HistoryMode = pending.current?.mode === 'push' ? 'push' : mode;
    pending.current = { patch: { ...pending.current?.patch, ...patch }, mode: mergedMode };
    if (!later) {
      flush();
      return;
    }
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(flush, WRITE_MS);
  };

  return { params, write };
}

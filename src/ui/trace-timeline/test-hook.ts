// What browser tests and the speed bench read from the timeline, beside the app's idle signal:
// the visible window and the recent frame costs. Small and serialisable, never trace data.

import type { RefObject } from 'react';
import type { TimelineController } from './controller';

export interface TimelineHook {
  /** The visible window in ns since the first event. */
  range(): { startNs: number; endNs: number } | null;
  /** Draw costs of recent frames in ms (newest last), and clears them. */
  takeFrameMs(): number[];
}

declare global {
  interface Window {
    __flightdeckTimeline?: TimelineHook;
  }
}

/** Publishes the hook while the page is shown; returns the cleanup. */
export function publishTimelineHook(controller: RefObject<TimelineController | null>): () => void {
  const hook: TimelineHook = {
    range() {
      const c = controller.current;
      return c ? { startNs: c.scale.startNs, endNs: c.scale.endNs } : null;
    },
    takeFrameMs() {
      const c = controller.current;
      if (!c) return [];
      const out = [...c.frameMs];
      (c.frameMs as number[]).length = 0;
      return out;
    },
  };
  window.__flightdeckTimeline = hook;
  return () => {
    if (window.__flightdeckTimeline === hook) delete window.__flightdeckTimeline;
  };
}

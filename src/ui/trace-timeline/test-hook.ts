// What browser tests and the speed bench read from the timeline, beside the app's idle signal:
// the visible window, recent frame costs, when the first frame with the model's lanes and
// the first with the whole trace were drawn, and the model's size. Small and serialisable,
// never trace data.

import type { RefObject } from 'react';
import type { TimelineController } from './controller';

export interface TimelineHook {
  /** The visible window in ns since the first event. */
  range(): { startNs: number; endNs: number } | null;
  /** Draw costs of recent frames in ms (newest last), and clears them. */
  takeFrameMs(): number[];
  /** performance.now() of the first frame drawn from the model, and of the first with all of it. */
  firstModelFrameAt: number | null;
  completeFrameAt: number | null;
  /** Generations on the timeline at the first model frame. */
  firstModelFrameGenerations: number;
  /** Bytes held by the model's arrays and tables (TimelineQueries.byteSize). */
  modelBytes: number;
  /** Goroutines in the model. */
  goroutines: number;
}

declare global {
  interface Window {
    __flightdeckTimeline?: TimelineHook;
  }
}

/** Publishes the hook while the page is shown; returns it (for the page to fill in) and the cleanup. */
export function publishTimelineHook(controller: RefObject<TimelineController | null>): { hook: TimelineHook; dispose: () => void } {
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
    firstModelFrameAt: null,
    completeFrameAt: null,
    firstModelFrameGenerations: 0,
    modelBytes: 0,
    goroutines: 0,
  };
  window.__flightdeckTimeline = hook;
  return {
    hook,
    dispose() {
      if (window.__flightdeckTimeline === hook) delete window.__flightdeckTimeline;
    },
  };
}

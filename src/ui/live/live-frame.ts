// What the live timeline drew in its last frame: "now" (extrapolated between worker messages)
// and the open generation's bytes at that now. The timeline paints every animation frame; the
// stat tiles read the same numbers from here, so a tile and the canvas never disagree (they
// once did by a factor of four, each computing its own "now"). A tiny external store: only
// the components that show these numbers re-render, and only when a shown value changes.

import { useSyncExternalStore } from 'react';

export interface LiveFrame {
  /** Simulated time the frame was drawn at (timeNs). */
  readonly nowNs: number;
  /** Bytes written so far into the generation being written, as drawn; null when unknown. */
  readonly openBytes: number | null;
}

let frame: LiveFrame = { nowNs: 0, openBytes: null };
const listeners = new Set<() => void>();

/** Called by the timeline after each paint. Listeners hear only of changes. */
export function publishFrame(next: LiveFrame): void {
  if (next.nowNs === frame.nowNs && next.openBytes === frame.openBytes) return;
  frame = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The last frame, mapped to what a component shows (re-rendering only when that changes). */
export function useLiveFrame<T>(select: (f: LiveFrame) => T): T {
  return useSyncExternalStore(subscribe, () => select(frame));
}

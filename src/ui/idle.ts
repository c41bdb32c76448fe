// The app-defined idle signal that e2e tests and screenshot scripts wait on (never sleeps):
// <html data-idle="true"> and window.__flightdeck.whenIdle(). "Idle" means no worker or
// file request is in flight and React has committed the render that followed the last
// change. Busy is marked synchronously from the store, so an action started by a test
// (a drop, a click) can never be mistaken for idleness before React catches up.

import { useEffect } from 'react';
import { useApp, type AppState } from '../state/store';
import { currentTimeline } from '../state/timeline';

export function isIdleState(s: AppState): boolean {
  // The timeline model streams in from its own worker after the verdict: still in flight.
  return s.pending === 0 && s.inspect.status !== 'reading' && s.inspect.status !== 'inspecting' && s.inspect.timeline.status !== 'loading';
}

export interface FlightdeckHook {
  isIdle(): boolean;
  /** Resolves once the app is idle (checked on every animation frame). */
  whenIdle(timeoutMs?: number): Promise<void>;
  /** A small, serialisable view of the state for tests: never the big data. */
  state(): Record<string, unknown>;
}

declare global {
  interface Window {
    __flightdeck?: FlightdeckHook;
  }
}

function mark(idle: boolean): void {
  document.documentElement.dataset.idle = idle ? 'true' : 'false';
}

/** Installs the hook once and keeps data-idle false while the store says busy. */
export function installIdleHook(): void {
  if (window.__flightdeck) return;
  mark(false);
  useApp.subscribe((s) => {
    if (!isIdleState(s)) mark(false);
  });
  window.__flightdeck = {
    isIdle: () => document.documentElement.dataset.idle === 'true',
    whenIdle(timeoutMs = 30_000) {
      const t0 = performance.now();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (document.documentElement.dataset.idle === 'true') resolve();
          else if (performance.now() - t0 > timeoutMs) reject(new Error('flightdeck did not become idle'));
          else requestAnimationFrame(check);
        };
        check();
      });
    },
    state() {
      const s = useApp.getState();
      return {
        screen: s.screen,
        pending: s.pending,
        inspect: { status: s.inspect.status, fileName: s.inspect.fileName, analysing: s.inspect.analysing, analysed: s.inspect.analysis !== null },
        timeline: timelineFacts(),
        live: {
          running: s.live.running,
          recording: s.live.recording,
          generations: s.live.history.length,
          inRing: s.live.history.filter((g) => g.inRing).length,
          evicted: s.live.history.filter((g) => g.evicted).length,
        },
      };
    },
  };
}

/** A few numbers about the open trace's timeline model (what tests compare with Node's). */
function timelineFacts(): Record<string, unknown> | null {
  const m = currentTimeline();
  if (m === null) return null;
  return {
    complete: m.complete,
    version: m.version,
    generations: m.generations.length,
    endNs: m.endNs,
    goroutines: m.goroutineCount,
    procs: m.procs().length,
    loss: m.loss,
  };
}

/** Called by the root component: after each commit, publishes idleness. */
export function useIdleSignal(): void {
  const idle = useApp(isIdleState);
  useEffect(() => {
    if (idle && isIdleState(useApp.getState())) mark(true);
  });
}

// The one zustand store. It holds view state and references to immutable results (a wire
// summary, a snapshot Blob), never arrays of trace events: those stay in the workers.
// The live generation history is bounded (LIVE_HISTORY) and holds small summaries only.
//
// Actions live outside the store (inspect-actions.ts, live-actions.ts), as plain functions
// that call getState/setState, so worker callbacks can use them without React.

import { create } from 'zustand';
import type { WireSummary } from '../worker/parse-protocol';

export type Screen = 'inspect' | 'live';

/** Where a file came from; shown to the user and used to word the empty/error states. */
export type FileOrigin = 'drop' | 'picker' | 'url' | 'snapshot';

export interface InspectState {
  readonly status: 'empty' | 'reading' | 'inspecting' | 'done' | 'failed';
  readonly fileName: string | null;
  readonly fileSize: number | null;
  readonly origin: FileOrigin | null;
  /** What the wire layer found; a damaged trace is a summary with error set. */
  readonly summary: WireSummary | null;
  /** The file could not be read or fetched at all (not a trace fault). */
  readonly loadError: string | null;
}

/** One sealed generation as the live view keeps it: a few numbers, times in timeNs. */
export interface LiveGeneration {
  readonly gen: number;
  readonly bytes: number;
  readonly batches: number;
  /** Time span relative to the simulated runtime's clock origin (timeNs). */
  readonly startNs: number;
  readonly endNs: number;
  /** In the flight recorder's ring right now; false once evicted (or never recorded). */
  readonly inRing: boolean;
  /** Evicted from the ring (as opposed to sealed while the recorder was off). */
  readonly evicted: boolean;
}

export interface SnapshotState {
  readonly fileName: string;
  readonly blob: Blob;
  /** An object URL for blob, revoked when the next snapshot replaces this one. */
  readonly url: string;
  readonly summary: WireSummary;
}

export interface FullTraceState {
  readonly fileName: string;
  readonly blob: Blob;
  readonly url: string;
}

/** The live timeline's window: following "now" with a span, or fixed (after a pan). */
export interface LiveView {
  readonly follow: boolean;
  readonly spanNs: number;
  readonly startNs: number;
  readonly endNs: number;
}

export interface LiveState {
  readonly connected: boolean;
  readonly running: boolean;
  readonly workload: string;
  readonly speed: number;
  readonly maxBytes: number;
  readonly minAgeMs: number;
  readonly recording: boolean;
  readonly fullTracing: boolean;
  readonly history: readonly LiveGeneration[];
  readonly view: LiveView;
  readonly ringBytes: number;
  readonly evictedTotal: number;
  readonly lastEviction: string | null;
  /** Simulated time now (timeNs), the right edge of the live timeline. */
  readonly nowNs: number;
  readonly bytesPerSec: number;
  readonly snapshot: SnapshotState | null;
  readonly fullTrace: FullTraceState | null;
  readonly error: string | null;
}

export interface AppState {
  readonly screen: Screen;
  /** Worker requests awaiting a reply, across all workers; 0 is part of being idle. */
  readonly pending: number;
  readonly inspect: InspectState;
  readonly live: LiveState;
}

/** How many generations the live view remembers; older ones drop off the left. */
export const LIVE_HISTORY = 300;

export const initialInspect: InspectState = {
  status: 'empty',
  fileName: null,
  fileSize: null,
  origin: null,
  summary: null,
  loadError: null,
};

export const initialLive: LiveState = {
  connected: false,
  running: false,
  workload: 'web-server',
  speed: 1,
  maxBytes: 256 * 1024,
  minAgeMs: 0,
  recording: false,
  fullTracing: false,
  history: [],
  view: { follow: true, spanNs: 20e9, startNs: 0, endNs: 20e9 },
  ringBytes: 0,
  evictedTotal: 0,
  lastEviction: null,
  nowNs: 0,
  bytesPerSec: 0,
  snapshot: null,
  fullTrace: null,
  error: null,
};

export const useApp = create<AppState>()(() => ({
  screen: 'inspect',
  pending: 0,
  inspect: initialInspect,
  live: initialLive,
}));

export function setInspect(patch: Partial<InspectState>): void {
  useApp.setState((s) => ({ inspect: { ...s.inspect, ...patch } }));
}

export function setLive(patch: Partial<LiveState>): void {
  useApp.setState((s) => ({ live: { ...s.live, ...patch } }));
}

export function setLiveView(patch: Partial<LiveView>): void {
  useApp.setState((s) => ({ live: { ...s.live, view: { ...s.live.view, ...patch } } }));
}

export function setScreen(screen: Screen): void {
  useApp.setState({ screen });
}

/** Adds delta to the count of worker requests in flight. */
export function addPending(delta: number): void {
  useApp.setState((s) => ({ pending: Math.max(0, s.pending + delta) }));
}

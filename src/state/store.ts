// The one zustand store. It holds view state and references to immutable results (a wire
// summary, a snapshot Blob), never arrays of trace events: those stay in the workers.
// The live generation history is bounded (LIVE_HISTORY) and holds small summaries only.
//
// Actions live outside the store (inspect-actions.ts, live-actions.ts), as plain functions
// that call getState/setState, so worker callbacks can use them without React.

import { create } from 'zustand';
import type { AnalysisOverview, FileKind, ParseProgress, TraceSummary, WireSummary } from '../worker/parse-protocol';
import { initialLive, type LiveState, type LiveView } from './live-state';
import type { RouteParams, Screen, TraceView } from './route';

export type { Screen, TraceView } from './route';
export * from './live-state';

/** Where a file came from; shown to the user and used to word the empty/error states. */
export type FileOrigin = 'drop' | 'picker' | 'url' | 'snapshot' | 'full-trace' | 'embed';

/** A trace sent by the page that embeds or opened Flightdeck (ui/embedding.ts). */
export interface EmbedSource {
  /** The title that page gave the trace, shown above it. */
  readonly title: string;
  /** The sending page's origin, shown so the user knows who sent it. */
  readonly from: string;
}

export interface InspectState {
  readonly status: 'empty' | 'reading' | 'inspecting' | 'done' | 'failed';
  readonly fileName: string | null;
  readonly fileSize: number | null;
  readonly origin: FileOrigin | null;
  /** What the wire layer found; a damaged trace is a summary with error set. */
  readonly summary: WireSummary | null;
  /** The file could not be read or fetched at all (not a trace fault). */
  readonly loadError: string | null;
  /** What the file is instead, when its header is not a readable Go trace's (empty, gzip, pprof…). */
  readonly fileKind: FileKind | null;
  /** For a file fetched by ?url=: what the server answered. */
  readonly fetched: FetchInfo | null;
  /** Go's parser over the whole file, after the wire summary. */
  readonly parse: ParsedState;
  /** The analyses' overview (goroutine groups, task and region types, profile totals); the
   * worker keeps the rest and answers queries about it (inspect-actions.ts queryAnalysis). */
  readonly analysis: AnalysisOverview | null;
  /** The analyses are being made (after the parser's verdict, in a second pass). */
  readonly analysing: boolean;
  /**
   * How much of the trace the analyses have read, 0 to 1; null before they start reading
   * (on two cores they wait for the timeline model).
   */
  readonly analysisRead: number | null;
  /** Set when the file came through the embedding API. */
  readonly embed: EmbedSource | null;
  /** The open file's timeline model: its state and version (the model itself: state/timeline.ts). */
  readonly timeline: TimelineState;
}

/** The answer to a ?url= fetch, kept to explain a file that turns out not to be a trace. */
export interface FetchInfo {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string | null;
}

/**
 * The timeline model as the store sees it. The model's arrays never enter the store:
 * currentTimeline() (state/timeline.ts) returns the object; `version` changes with every
 * generation appended, so a component that selects it redraws.
 */
export interface TimelineState {
  readonly status: 'empty' | 'loading' | 'done';
  readonly version: number;
  /** Generations in the model so far. */
  readonly generations: number;
}

export const initialTimeline: TimelineState = { status: 'empty', version: 0, generations: 0 };

/** The full parse of the open file: progress while it runs, then its summary. */
export interface ParsedState {
  readonly status: 'idle' | 'parsing' | 'done' | 'cancelled' | 'failed';
  readonly progress: ParseProgress | null;
  /** What Go's parser found; a damaged trace is a summary with an error verdict. */
  readonly summary: TraceSummary | null;
  /** The worker broke (not a trace fault). */
  readonly error: string | null;
}

export const initialParse: ParsedState = { status: 'idle', progress: null, summary: null, error: null };

/** One side of the compare screen: a file being read, then what the wire layer and Go's parser found. */
export interface CompareSide {
  readonly name: string;
  /** Where it came from, in words ("Slow request: 212 ms > 100 ms", "dropped file"). */
  readonly detail: string;
  readonly size: number;
  readonly status: 'reading' | 'parsing' | 'done' | 'failed';
  readonly wire: WireSummary | null;
  readonly parsed: TraceSummary | null;
  readonly error: string | null;
}

export interface CompareState {
  readonly a: CompareSide | null;
  readonly b: CompareSide | null;
}

export interface AppState {
  readonly screen: Screen;
  /** The page shown for an open trace, and that page's parameters (as the URL hash has them). */
  readonly traceView: TraceView;
  readonly viewParams: RouteParams;
  /** Worker requests awaiting a reply, across all workers; 0 is part of being idle. */
  readonly pending: number;
  readonly inspect: InspectState;
  readonly live: LiveState;
  readonly compare: CompareState;
}

export const initialInspect: InspectState = {
  status: 'empty',
  fileName: null,
  fileSize: null,
  origin: null,
  summary: null,
  loadError: null,
  fileKind: null,
  fetched: null,
  parse: initialParse,
  analysis: null,
  analysing: false,
  analysisRead: null,
  embed: null,
  timeline: initialTimeline,
};

export const useApp = create<AppState>()(() => ({
  screen: 'inspect',
  traceView: 'summary',
  viewParams: {},
  pending: 0,
  inspect: initialInspect,
  live: initialLive,
  compare: { a: null, b: null },
}));

export function setInspect(patch: Partial<InspectState>): void {
  useApp.setState((s) => ({ inspect: { ...s.inspect, ...patch } }));
}

export function setLive(patch: Partial<LiveState>): void {
  useApp.setState((s) => ({ live: { ...s.live, ...patch } }));
}

export function setCompare(patch: Partial<CompareState>): void {
  useApp.setState((s) => ({ compare: { ...s.compare, ...patch } }));
}

export function setLiveView(patch: Partial<LiveView>): void {
  useApp.setState((s) => ({ live: { ...s.live, view: { ...s.live.view, ...patch } } }));
}

/** Adds delta to the count of worker requests in flight. */
export function addPending(delta: number): void {
  useApp.setState((s) => ({ pending: Math.max(0, s.pending + delta) }));
}

// The one zustand store. It holds view state and references to immutable results (a wire
// summary, a snapshot Blob), never arrays of trace events: those stay in the workers.
// The live generation history is bounded (LIVE_HISTORY) and holds small summaries only.
//
// Actions live outside the store (inspect-actions.ts, live-actions.ts), as plain functions
// that call getState/setState, so worker callbacks can use them without React.

import { create } from 'zustand';
import type { AnalysisOverview, FileKind, ParseProgress, TraceSummary, WireSummary } from '../worker/parse-protocol';
import type { EvictionCause, GoFormat, TriggerKind, WorkloadInfo, WorkloadName, WorkloadParams } from '../worker/protocol';

import type { RouteParams, Screen, TraceView } from './route';

export type { Screen, TraceView } from './route';

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
  /** Which limit of the recorder dropped it ('stopped': the ring was dropped by Stop). */
  readonly cause?: EvictionCause | 'stopped';
}

export interface SnapshotState {
  readonly fileName: string;
  readonly blob: Blob;
  /** An object URL for blob, revoked when the next snapshot replaces this one. */
  readonly url: string;
  readonly summary: WireSummary;
  /** The generations the worker said it wrote, oldest first (checked against the read-back). */
  readonly gens: readonly number[];
  /** The simulated time the snapshot covers (timeNs), when its generations were in view history. */
  readonly span: { readonly startNs: number; readonly endNs: number } | null;
  /** LiveState.run when it was taken: its span means nothing to a later run's timeline. */
  readonly run: number;
}

/** A snapshot in the live view's list: taken by the Snapshot button or by a trigger. */
export interface SnapshotEntry extends SnapshotState {
  /** Unique on this page, for lists and compare. */
  readonly id: number;
  /** Who asked: the user, or a trigger. */
  readonly source: 'manual' | TriggerKind;
  /** For a trigger: the request's latency or the pause's length, and the threshold passed. */
  readonly valueNs: number | null;
  readonly thresholdNs: number | null;
  /** Simulated time of the WriteTo (for a trigger, when the request or pause ended). */
  readonly atNs: number;
}

/** A trigger firing, marked on the live timeline. */
export interface TriggerMark {
  readonly trigger: TriggerKind;
  readonly atNs: number;
  readonly valueNs: number;
  readonly thresholdNs: number;
  /** LiveState.run when it fired: marks belong to one run's timeline. */
  readonly run: number;
  /** The page's SnapshotEntry id once its bytes arrived; null while on the way or when none was taken. */
  readonly entry: number | null;
  /** Why no snapshot was taken (recorder off, or Go's WriteTo error). */
  readonly error: string | null;
}

/** The trigger form: each trigger on or off, and its threshold (kept while off). */
export interface TriggerForm {
  readonly slowRequestOn: boolean;
  readonly slowRequestMs: number;
  readonly gcPauseOn: boolean;
  readonly gcPauseMs: number;
}

export interface FullTraceState {
  readonly fileName: string;
  readonly blob: Blob;
  readonly url: string;
  /** The wire layer's reading of the file, as for a snapshot. */
  readonly summary: WireSummary | null;
  readonly gens: readonly number[];
}

/** The live timeline's window: following "now" with a span, or fixed (after a pan). */
export interface LiveView {
  readonly follow: boolean;
  readonly spanNs: number;
  readonly startNs: number;
  readonly endNs: number;
}

/** One `evicted` event from the worker: the generations a seal pushed out of the ring. */
export interface EvictionRecord {
  readonly gens: readonly number[];
  readonly bytes: number;
  readonly cause: EvictionCause;
  /** Simulated time when it happened (timeNs). */
  readonly atNs: number;
}

/** One `throughput` event: about once a wall second while the runtime runs. */
export interface RateSample {
  readonly bytesPerSec: number;
  readonly eventsPerSec: number;
  /** Simulated ns covered per wall second: the speed reached, × 1e9. */
  readonly traceNsPerSec: number;
  readonly totalBytes: number;
  readonly nowNs: number;
  /** The speed asked for over the sample's window (null from an older worker). */
  readonly speed: number | null;
  /** Bytes written into the open generation at nowNs (null while nothing traces). */
  readonly openBytes: number | null;
}

/**
 * Where "now" was at the last message from the worker, and how fast simulated time moves:
 * lets the timeline extrapolate now between messages (wallMs is performance.now()).
 */
export interface Clock {
  readonly nowNs: number;
  readonly wallMs: number;
  readonly traceNsPerSec: number;
}

/** The recorder limits in force, captured when the recorder started (Go fixes them at Start). */
export interface RingLimits {
  readonly maxBytes: number;
  readonly minAgeMs: number;
}

export interface LiveState {
  /** Counts runs of the runtime (a new clock origin each): the timeline restarts with each. */
  readonly run: number;
  /** The runtime worker has answered (its workload list arrived). */
  readonly connected: boolean;
  readonly workloads: readonly WorkloadInfo[];
  readonly running: boolean;
  readonly workload: WorkloadName;
  readonly go: GoFormat;
  readonly seed: number;
  readonly speed: number;
  /** Overrides of the workload's defaults chosen by the user; empty = the preset's. */
  readonly params: WorkloadParams;
  /** The recorder settings chosen in the UI (bytes, ms): what the next Start uses. */
  readonly maxBytes: number;
  readonly minAgeMs: number;
  readonly recording: boolean;
  readonly limits: RingLimits | null;
  readonly fullTracing: boolean;
  /** Generation being written now (0 when nothing traces). */
  readonly currentGen: number;
  readonly history: readonly LiveGeneration[];
  readonly view: LiveView;
  readonly ringBytes: number;
  readonly evictedTotal: number;
  /** Newest last, bounded (LIVE_EVICTIONS). */
  readonly evictions: readonly EvictionRecord[];
  /** Simulated time now (timeNs), the right edge of the live timeline. */
  readonly nowNs: number;
  readonly clock: Clock | null;
  /** Newest last, bounded (LIVE_RATES). */
  readonly rates: readonly RateSample[];
  /** The newest snapshot, manual or triggered (what the Snapshot panel shows). */
  readonly snapshot: SnapshotEntry | null;
  /** The last few snapshots, newest last (bounded by LIVE_SNAPSHOTS). */
  readonly snapshots: readonly SnapshotEntry[];
  readonly triggerForm: TriggerForm;
  /** Trigger firings, newest last (bounded by LIVE_MARKS). */
  readonly triggerMarks: readonly TriggerMark[];
  /** Large type, high contrast, the essential controls only (a speaker's view). */
  readonly presenter: boolean;
  readonly fullTrace: FullTraceState | null;
  /** The last failure to show (Go's wording for recorder and tracer faults). */
  readonly error: LiveError | null;
  /** Something the app did that the user should know (a restart that emptied the timeline). */
  readonly notice: LiveNotice | null;
}

export interface LiveNotice {
  readonly text: string;
  /** Increments per notice, so the same words twice are announced twice. */
  readonly seq: number;
}

export interface LiveError {
  /** What the user was doing: "Snapshot", "Start recorder", or "Runtime" for a worker fault. */
  readonly action: string;
  readonly message: string;
  /** The protocol's error code, or 'fault' for an unprompted worker fault. */
  readonly code: string;
  /** Increments per error, so an identical repeated error still re-announces. */
  readonly seq: number;
}

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

/** How many generations the live view remembers; older ones drop off the left. */
export const LIVE_HISTORY = 300;
/** How many eviction events and throughput samples are kept. */
export const LIVE_EVICTIONS = 50;
export const LIVE_RATES = 120;
/** How many snapshots the live view keeps (their bytes stay in the page until dropped). */
export const LIVE_SNAPSHOTS = 6;
export const LIVE_MARKS = 30;

/** Thresholds a trigger starts with: the slow-requests workload's slow ones take 150–320 ms. */
export const DEFAULT_TRIGGER_FORM: TriggerForm = { slowRequestOn: false, slowRequestMs: 100, gcPauseOn: false, gcPauseMs: 0.15 };

/** Go's defaults for FlightRecorderConfig (runtime/trace/flightrecorder.go): 10 MiB, 10 s. */
export const GO_DEFAULT_MAX_BYTES = 10 << 20;
export const GO_DEFAULT_MIN_AGE_MS = 10_000;

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

export const initialLive: LiveState = {
  run: 0,
  connected: false,
  workloads: [],
  running: false,
  workload: 'busy',
  go: '1.26',
  seed: 1,
  speed: 1,
  params: {},
  maxBytes: GO_DEFAULT_MAX_BYTES,
  minAgeMs: GO_DEFAULT_MIN_AGE_MS,
  recording: false,
  limits: null,
  fullTracing: false,
  currentGen: 0,
  history: [],
  view: { follow: true, spanNs: 20e9, startNs: 0, endNs: 20e9 },
  ringBytes: 0,
  evictedTotal: 0,
  evictions: [],
  nowNs: 0,
  clock: null,
  rates: [],
  snapshot: null,
  snapshots: [],
  triggerForm: DEFAULT_TRIGGER_FORM,
  triggerMarks: [],
  presenter: false,
  fullTrace: null,
  error: null,
  notice: null,
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

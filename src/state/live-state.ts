// The live flight recorder's part of the store's state (store.ts): the shapes the live view
// keeps (generations, snapshots, trigger marks, evictions, rates) and their bounds and initial
// values. Small summaries only: the ring's bytes stay in the runtime worker.

import type { WireSummary } from '../worker/parse-protocol';
import type { EvictionCause, GoFormat, TriggerKind, WorkloadInfo, WorkloadName, WorkloadParams } from '../worker/protocol';

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

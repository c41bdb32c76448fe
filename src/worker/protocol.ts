// The runtime worker's contract: one module of message types used by both sides
// (runtime.worker.ts / runtime-handler.ts in the worker, runtime-client.ts on the page).
//
// Page → worker: a RuntimeRequest. Every request carries a numeric `id` chosen by the page;
// the worker answers each request with exactly one RuntimeReply carrying the same id: a
// result (`ok`, `snapshot`, `trace`, `workloads`) or a typed failure (`error`). A failure
// is never silence: a message the worker cannot understand (wrong shape, unknown kind,
// huge or random data) gets an `error` reply with code 'bad-request' and, when the message
// had no usable id, id -1.
//
// Worker → page, unprompted: RuntimeEvent, told apart from replies by `kind` (events
// never carry an id). Events are small summaries; trace bytes only travel in the
// `snapshot` and `trace` replies, as transferred ArrayBuffers (the worker gives them up).
//
// Times: `...Ns` fields are nanoseconds of simulated trace time since the runtime's clock
// origin (the moment `runtime.start` ran), as plain numbers (exact below 2^53 ns ≈ 104 days).
// Sizes are bytes. Generation numbers are the trace's own generation numbers.
//
// Error messages for recorder and tracer faults are Go's own wording (runtime/trace):
//   'cannot enable a enabled flight recorder', 'flight recorder already enabled',
//   'cannot snapshot a disabled flight recorder',
//   'call to WriteTo for trace.FlightRecorder already in progress',
//   'execution tracer already enabled'.
//
// This contract is stable: add optional fields or new kinds, never change existing ones.

/** Workload presets of the simulated runtime (src/runtime/workloads.ts). */
export type WorkloadName = 'idle' | 'busy' | 'gc-heavy' | 'spiky' | 'slow-requests';
export const WORKLOAD_NAMES: readonly WorkloadName[] = ['idle', 'busy', 'gc-heavy', 'spiky', 'slow-requests'];

/** Trace format written: Go 1.25 (no EndOfGeneration in the stream) or Go 1.26. */
export type GoFormat = '1.25' | '1.26';

/** Tunables of a workload; every field optional, each preset has defaults. */
export interface WorkloadParams {
  /** GOMAXPROCS (1–64). */
  readonly procs?: number;
  /** Goroutines serving work (1–2000). */
  readonly goroutines?: number;
  /** Relative load, 0–4 (1 = the preset's normal load). */
  readonly load?: number;
  /** Generation period in ms of trace time (Go: 1000). */
  readonly periodMs?: number;
}

export interface WorkloadInfo {
  readonly name: WorkloadName;
  readonly label: string;
  readonly description: string;
  readonly defaults: Required<WorkloadParams>;
}

/** What a trigger watches: a request's latency, or a stop-the-world GC pause. */
export type TriggerKind = 'slow-request' | 'gc-pause';

/**
 * Triggers (worker/triggers.ts): snapshot the flight recorder when a request takes longer
 * than slowRequestMs, or a GC pause longer than gcPauseMs (null = off). After firing, a
 * trigger rests cooldownMs of simulated time.
 */
export interface TriggerSettings {
  readonly slowRequestMs: number | null;
  readonly gcPauseMs: number | null;
  readonly cooldownMs: number;
}

/** How many triggered snapshots the worker holds until the page takes them. */
export const HELD_SNAPSHOTS = 8;

/** Everything the page may need to redraw its controls. */
export interface RuntimeStatus {
  readonly running: boolean;
  readonly workload: WorkloadName;
  readonly seed: number;
  readonly go: GoFormat;
  /** Trace-time speed: 1 = real time, 10 = ten simulated seconds per wall second. */
  readonly speed: number;
  readonly params: Required<WorkloadParams>;
  readonly recording: boolean;
  readonly maxBytes: number;
  readonly minAgeMs: number;
  readonly fullTracing: boolean;
  /** Simulated time now. */
  readonly nowNs: number;
  /** Generation being written now, 0 while nothing is tracing. */
  readonly currentGen: number;
  /** The triggers in force (absent from an older worker). */
  readonly triggers?: TriggerSettings;
}

/**
 * The ring lives in the worker's memory, so its limits are capped where Go's are not (Go takes
 * any uint64 MaxBytes and any Duration MinAge): 1 TiB, and an hour either way. A negative
 * MinAge is a valid Duration; 0 for either means Go's default.
 */
export const RING_MAX_BYTES_CAP = 2 ** 40;
export const RING_MIN_AGE_CAP_MS = 3_600_000;

// ---- requests ----

export type RuntimeRequest =
  /** Starts (or restarts) the simulated runtime. Fields omitted keep their current values. */
  | { readonly id: number; readonly kind: 'runtime.start'; readonly workload?: WorkloadName; readonly seed?: number; readonly go?: GoFormat; readonly speed?: number; readonly params?: WorkloadParams }
  /** Pauses the runtime's clock; a recorder or full trace stays as it is (a snapshot still works). */
  | { readonly id: number; readonly kind: 'runtime.stop' }
  /** Changes speed, workload or its parameters while running (workload/params restart the model). */
  | { readonly id: number; readonly kind: 'runtime.configure'; readonly workload?: WorkloadName; readonly speed?: number; readonly params?: WorkloadParams; readonly seed?: number; readonly go?: GoFormat }
  /** Recorder settings (FlightRecorderConfig); take effect at the next recorder.start. 0 = Go's default; minAgeMs may be negative. */
  | { readonly id: number; readonly kind: 'recorder.configure'; readonly maxBytes?: number; readonly minAgeMs?: number }
  /** FlightRecorder.Start, optionally with new settings. */
  | { readonly id: number; readonly kind: 'recorder.start'; readonly maxBytes?: number; readonly minAgeMs?: number }
  /** FlightRecorder.Stop (drops the ring). */
  | { readonly id: number; readonly kind: 'recorder.stop' }
  /** FlightRecorder.WriteTo into an ArrayBuffer: replied with `snapshot`. */
  | { readonly id: number; readonly kind: 'snapshot' }
  /** trace.Start into a buffer kept in the worker. */
  | { readonly id: number; readonly kind: 'trace.start' }
  /** trace.Stop: replied with `trace` carrying the whole file. */
  | { readonly id: number; readonly kind: 'trace.stop' }
  | { readonly id: number; readonly kind: 'status' }
  | { readonly id: number; readonly kind: 'workloads' }
  /** Sets the triggers (fields omitted keep their value; null turns one off). */
  | {
      readonly id: number;
      readonly kind: 'triggers.configure';
      readonly slowRequestMs?: number | null;
      readonly gcPauseMs?: number | null;
      readonly cooldownMs?: number;
    }
  /** The bytes of a triggered snapshot (a `triggered` event names it): replied with `snapshot`. */
  | { readonly id: number; readonly kind: 'trigger.take'; readonly snapshot: number };

export type RuntimeRequestKind = RuntimeRequest['kind'];

export const REQUEST_KINDS: readonly RuntimeRequestKind[] = [
  'runtime.start',
  'runtime.stop',
  'runtime.configure',
  'recorder.configure',
  'recorder.start',
  'recorder.stop',
  'snapshot',
  'trace.start',
  'trace.stop',
  'status',
  'workloads',
  'triggers.configure',
  'trigger.take',
];

// ---- replies (exactly one per request, same id) ----

export type ErrorCode =
  /** The message was not a request this protocol knows, or a field was out of range. */
  | 'bad-request'
  /** A FlightRecorder call failed (Go's message). */
  | 'recorder'
  /** trace.Start / trace.Stop failed (Go's message). */
  | 'trace'
  /** The runtime is not running (or another runtime-level fault). */
  | 'runtime'
  /** An unexpected fault inside the worker. */
  | 'internal';

export type RuntimeReply =
  | { readonly id: number; readonly kind: 'ok'; readonly status: RuntimeStatus }
  | {
      readonly id: number;
      readonly kind: 'snapshot';
      /** The snapshot file, transferred. */
      readonly bytes: ArrayBuffer;
      /** What WriteTo returned: equals bytes.byteLength. */
      readonly byteLength: number;
      /** Generations in the snapshot, oldest first. */
      readonly gens: readonly number[];
    }
  | { readonly id: number; readonly kind: 'trace'; readonly bytes: ArrayBuffer; readonly byteLength: number; readonly gens: readonly number[] }
  | { readonly id: number; readonly kind: 'workloads'; readonly workloads: readonly WorkloadInfo[] }
  | { readonly id: number; readonly kind: 'error'; readonly code: ErrorCode; readonly message: string };

// ---- events (unprompted) ----

export type EvictionCause = 'max-bytes' | 'min-age';

export type RuntimeEvent =
  /** A generation was sealed (its EndOfGeneration signal went by). */
  | {
      readonly kind: 'sealed';
      readonly gen: number;
      /** Bytes of its batches as written (EndOfGeneration byte included for 1.26). */
      readonly bytes: number;
      readonly batches: number;
      readonly startNs: number;
      readonly endNs: number;
      /** The recorder took it into its ring. */
      readonly recording: boolean;
    }
  /** The recorder's ring after a seal, oldest first. */
  | { readonly kind: 'ring'; readonly gens: readonly number[]; readonly bytes: number; readonly startNs: number; readonly endNs: number }
  /** Generations dropped from the ring at a seal, and which limit stopped the walk. */
  | { readonly kind: 'evicted'; readonly gens: readonly number[]; readonly count: number; readonly bytes: number; readonly cause: EvictionCause }
  /**
   * About once a wall second while running. traceNsPerSec is the simulated time really
   * covered per wall second (the speed reached, × 1e9); `speed` is the speed asked for over
   * the same window. openBytes: bytes written so far into the generation being written
   * (flushed batches and the Ms' unflushed buffers), at nowNs; absent while nothing traces.
   */
  | {
      readonly kind: 'throughput';
      readonly bytesPerSec: number;
      readonly eventsPerSec: number;
      readonly traceNsPerSec: number;
      readonly totalBytes: number;
      readonly nowNs: number;
      readonly speed?: number;
      readonly openBytes?: number;
    }
  /** Pushed whenever the status changes by itself (e.g. the recorder stopped with the runtime). */
  | { readonly kind: 'status'; readonly status: RuntimeStatus }
  /** A fault in the worker's own loop (not an answer to a request). */
  | { readonly kind: 'fault'; readonly message: string }
  /**
   * A trigger fired and the worker called FlightRecorder.WriteTo, as the Snapshot button
   * does. `snapshot` names the bytes, held until a `trigger.take` (the last HELD_SNAPSHOTS
   * are kept); null when no snapshot could be taken, with `error` saying why (Go's words for
   * a recorder fault, or that the recorder is off).
   */
  | {
      readonly kind: 'triggered';
      readonly snapshot: number | null;
      readonly trigger: TriggerKind;
      readonly valueNs: number;
      readonly thresholdNs: number;
      readonly atNs: number;
      readonly gens: readonly number[];
      readonly byteLength: number;
      readonly error?: string;
    };

export type RuntimeWorkerMessage = RuntimeReply | RuntimeEvent;

const REPLY_KINDS = new Set(['ok', 'snapshot', 'trace', 'workloads', 'error']);

/** Tells replies from events on the page side. */
export function isReply(m: RuntimeWorkerMessage): m is RuntimeReply {
  return REPLY_KINDS.has(m.kind);
}

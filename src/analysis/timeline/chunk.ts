// The timeline model's transport format: one chunk per completed generation, made by the
// timeline sink in the parse worker and appended by the page-side TimelineModel (model.ts).
// Every array is a typed array whose buffer can be transferred (chunkTransferables), so a
// chunk crosses the worker boundary without a copy and the worker keeps nothing of it.
//
// Columnar, never an object per event or per span. Integer columns take the narrowest width
// that holds their largest value in this chunk (UintColumn), times are offsets from the
// chunk's base (TimeColumn): a busy trace is ~5.4 bytes per event on the wire and the loaded
// model must stay within twice the file, so a goroutine row costs ~9 bytes.
//
// Tables that name things (strings, frames, stacks, sites, goroutines, Ps, Ms) are global to
// the trace and grow by appending: a chunk carries only the entries it added, and their
// indices continue from the previous chunk's. Rows refer to those global indices.
//
// Views should not read chunks directly: TimelineQueries (query.ts) is the supported API,
// and the encodings here may change (announced as "Timeline model API:" in the log).

/** An unsigned integer column: Uint8/16/32, the narrowest that holds this chunk's values. */
export type UintColumn = Uint8Array | Uint16Array | Uint32Array;

/**
 * Times of one chunk, in nanoseconds after `TimelineChunk.baseNs`. The sink cuts chunks so
 * that they span less than 2^32 ns, so this is Uint32; Float64 is allowed (exact below 2^53).
 */
export type TimeColumn = Uint32Array | Float64Array;

/**
 * Goroutine states, numbered as the parser's GoState (Go's trace.GoState) so values pass
 * through unchanged: 0 Undetermined, 1 NotExist, 2 Runnable, 3 Running, 4 Waiting, 5 Syscall.
 */
export enum GState {
  Undetermined = 0,
  NotExist = 1,
  Runnable = 2,
  Running = 3,
  Waiting = 4,
  Syscall = 5,
}

/**
 * A goroutine row's state byte: bits 0–2 the state entered (`to`), bits 3–5 the state left
 * (`from`, as Go's StateTransition gives it), then two flags.
 *
 * from === to (without PROC_LOST) is a continuation: Go re-announces every live goroutine's
 * state at the start of each generation (GoStatus). The model keeps such a row only when its
 * stack is the first seen for the goroutine (it names it, as cmd/trace's augmentName does);
 * queries join it with the interval it continues. A goroutine with no row in a chunk keeps
 * the state of its last row in an earlier chunk.
 */
export enum RowBits {
  ToMask = 0x07,
  FromShift = 3,
  FromMask = 0x38,
  /**
   * Synthetic row (no Go transition): the goroutine, in a syscall, lost its P (ProcSteal, or
   * the P stopped). proc/thread name the P and the M of that proc event. State stays Syscall.
   */
  ProcLost = 0x40,
  /**
   * This row ends the goroutine's execution slice on its P, as cmd/trace's proc view ends it
   * (gstate.go stop): it blocked, stopped, exited, or (with ProcLost) its syscall lost the P.
   */
  SliceEnd = 0x80,
}

/** Rows of goroutine state intervals, grouped by goroutine, each group in time order. */
export interface GoroutineRows {
  /** Goroutine indices with rows in this chunk, ascending. */
  readonly lanes: UintColumn;
  /** lanes[i] owns rows [offsets[i], offsets[i+1]); length lanes.length + 1. */
  readonly offsets: UintColumn;
  /** When the state was entered (a row's interval ends at the goroutine's next row). */
  readonly time: TimeColumn;
  /** RowBits: to, from, flags. */
  readonly state: Uint8Array;
  /** The event's P: proc index + 1, 0 for none (Go's NoProc). */
  readonly proc: UintColumn;
  /** The event's M: thread index + 1, 0 for none. */
  readonly thread: UintColumn;
  /** Site index (the event's stack and the transition's reason); 0 for no stack, no reason. */
  readonly site: UintColumn;
  /**
   * Continuation rows (ascending) and when the interval each continues began (ns since the
   * origin; 0 for a state held since before the trace), so a span crossing generations is
   * drawn whole without looking at earlier chunks.
   */
  readonly continuedRow: Uint32Array;
  readonly continuedStartNs: Float64Array;
}

/**
 * Execution slices per P: for each P with slices starting in this chunk, the goroutine rows
 * (indices into GoroutineRows) that start one, in time order. A slice runs until the
 * goroutine's next row with RowBits.SliceEnd, possibly in a later chunk, or to the end of the
 * trace. Slices still open when the previous chunk ended are listed in carriedProc/carriedG:
 * they run from this chunk's base to the goroutine's next SliceEnd row.
 */
export interface ProcSlices {
  readonly lanes: UintColumn;
  readonly offsets: UintColumn;
  readonly row: UintColumn;
  /** Proc index, goroutine index and start time (ns since the origin) of each carried slice. */
  readonly carriedProc: Uint32Array;
  readonly carriedG: Uint32Array;
  readonly carriedStartNs: Float64Array;
}

/** P state changes (ProcStart/Stop/Steal/Status), in time order. */
export interface ProcTransitions {
  readonly time: TimeColumn;
  /** Proc index (not + 1: a proc transition always names its P). */
  readonly proc: UintColumn;
  /** The event's M: thread index + 1, 0 for none. */
  readonly thread: UintColumn;
  /** Bits 0–2 the ProcState entered, bits 3–5 the ProcState left (parser's ProcState). */
  readonly state: Uint8Array;
}

/** Range events (Go's EventRangeBegin/Active/End), in time order. */
export enum RangeEdge {
  Begin = 0,
  Active = 1,
  End = 2,
}

/** What a range is about, from its name (Go's Range.Name). */
export enum RangeKind {
  /** 'GC concurrent mark phase' (global). */
  GCMark = 0,
  /** 'stop-the-world (reason)' (on the goroutine that stopped the world). */
  STW = 1,
  /** 'GC incremental sweep' (on a P). */
  Sweep = 2,
  /** 'GC mark assist' (on a goroutine). */
  MarkAssist = 3,
}

export interface RangeEvents {
  readonly time: TimeColumn;
  /** RangeEdge. */
  readonly edge: Uint8Array;
  /** RangeKind. */
  readonly kind: Uint8Array;
  /** String index of the full name (e.g. 'stop-the-world (GC sweep termination)'). */
  readonly name: UintColumn;
  /** Goroutine index + 1 (STW, MarkAssist) or proc index + 1 (Sweep); 0 for global. */
  readonly scope: UintColumn;
  /** Stack index of the event; 0 for none. */
  readonly stack: UintColumn;
}

/** Which counter a Metric event sets. */
export enum MetricKind {
  /** '/memory/classes/heap/objects:bytes' (live heap, Go's HeapAlloc). */
  HeapLive = 0,
  /** '/gc/heap/goal:bytes'. */
  HeapGoal = 1,
  /** '/sched/gomaxprocs:threads'. */
  Gomaxprocs = 2,
}

export interface MetricEvents {
  readonly time: TimeColumn;
  /** MetricKind. */
  readonly kind: Uint8Array;
  /** The value (Uint32 when every value of the chunk fits); exact below 2^53 (exactValues holds any larger one). */
  readonly value: Uint32Array | Float64Array;
}

/** Goroutine labels (GoLabel: e.g. 'GC (dedicated)' on a GC worker), in time order. */
export interface LabelEvents {
  readonly time: TimeColumn;
  /** Goroutine index (not + 1). */
  readonly goroutine: UintColumn;
  readonly label: UintColumn;
}

/** User task begin/end events, in time order. */
export interface TaskEvents {
  readonly time: TimeColumn;
  /** 0 begin, 1 end. */
  readonly edge: Uint8Array;
  /** Task table index (TableAppends.taskId holds the IDs, taskParent/taskType the rest). */
  readonly task: UintColumn;
  /** The goroutine that began or ended it: index + 1 (0 for none). */
  readonly goroutine: UintColumn;
  readonly stack: UintColumn;
}

/**
 * User regions as intervals, grouped by goroutine (lanes/offsets as GoroutineRows), each
 * goroutine's in order of their end. A region is listed in the chunk where it ends; the last
 * chunk of the trace also lists the regions still open at its end (flag 2). Regions nest on
 * their goroutine (trace.WithRegion): depth 0 is outermost.
 */
export interface RegionIntervals {
  readonly lanes: UintColumn;
  readonly offsets: UintColumn;
  /** End, offset from the chunk's base (the chunk's end for one still open at the end of the trace). */
  readonly end: TimeColumn;
  /**
   * How long before that end it began: start = baseNs + end − before (0 for a region begun
   * before the trace). Uint32 unless a region of the chunk lasted 2^32 ns or more.
   */
  readonly before: TimeColumn;
  /** Task table index (0 is the background task). */
  readonly task: UintColumn;
  /** String index of the region's type (name). */
  readonly name: UintColumn;
  readonly depth: Uint8Array;
  /** Bit 1: began before the trace; bit 2: still open at the end of the trace. */
  readonly flags: Uint8Array;
  readonly startStack: UintColumn;
  readonly endStack: UintColumn;
}

/** User logs (trace.Log), in time order. */
export interface LogEvents {
  readonly time: TimeColumn;
  readonly task: UintColumn;
  readonly category: UintColumn;
  readonly message: UintColumn;
  readonly goroutine: UintColumn;
  readonly proc: UintColumn;
  readonly thread: UintColumn;
  readonly stack: UintColumn;
}

/** CPU profile samples, in time order. */
export interface SampleEvents {
  readonly time: TimeColumn;
  readonly goroutine: UintColumn;
  readonly proc: UintColumn;
  readonly thread: UintColumn;
  readonly stack: UintColumn;
}

/**
 * Goroutine and thread counts over the generation (what cmd/trace draws as its Goroutines and
 * Threads counters), sampled: the generation is cut into COUNTER_BUCKETS equal buckets and
 * each bucket in which a count changed gives one point holding the largest value of each
 * count within it (so peaks survive), at the bucket's start.
 */
export interface CounterSamples {
  readonly time: TimeColumn;
  /** Goroutines running, runnable, waiting, in a syscall. */
  readonly running: UintColumn;
  readonly runnable: UintColumn;
  readonly waiting: UintColumn;
  readonly syscall: UintColumn;
  /** Ps held by an M, and goroutines in a syscall whose P was taken. */
  readonly procsRunning: UintColumn;
  readonly syscallNoProc: UintColumn;
}

/** Points per generation at most in CounterSamples. */
export const COUNTER_BUCKETS = 2048;

/** Entries appended to the trace-global tables by one chunk. */
export interface TableAppends {
  /** New strings (function and file names, reasons, range/region/log text, labels). */
  readonly strings: string[];
  /** New frames: function and file string indices, line, PC (exact below 2^53). */
  readonly frameFunc: Uint32Array;
  readonly frameFile: Uint32Array;
  readonly frameLine: Float64Array;
  readonly framePc: Float64Array;
  /** New stacks: stack i's frames (leaf first) are stackFrames[stackStart[i]..stackStart[i+1]). */
  readonly stackStart: Uint32Array;
  readonly stackFrames: Uint32Array;
  /** New sites: a stack index and a reason string index (0 = ''). */
  readonly siteStack: Uint32Array;
  readonly siteReason: Uint32Array;
  /** New goroutines: their Go IDs (exact below 2^53; exactIds holds any larger one). */
  readonly goroutineId: Float64Array;
  /** New Ps and Ms: their Go IDs. */
  readonly procId: Float64Array;
  readonly threadId: Float64Array;
  /** New tasks: ID, parent task index + 1 (0 none), type string index. */
  readonly taskId: Float64Array;
  readonly taskParent: Uint32Array;
  readonly taskType: Uint32Array;
  /** Tasks seen before (named by a region or log) whose parent and type this chunk learnt. */
  readonly taskUpdate: Uint32Array;
  readonly taskUpdateParent: Uint32Array;
  readonly taskUpdateType: Uint32Array;
  /** IDs past 2^53 as exact decimal text, by kind and index (rare; crafted traces). */
  readonly exactIds: { readonly table: 'goroutine' | 'proc' | 'thread' | 'task'; readonly index: number; readonly id: string }[];
}

/**
 * Facts about goroutines learnt in this chunk (a goroutine's start function can first be seen
 * generations after it appeared): each list is parallel arrays over goroutine indices.
 */
export interface GoroutineFacts {
  /**
   * First transition stack that is not Go's NoStack (cmd/trace names a goroutine "G<id>
   * <last frame's function>" from it, gstate.go augmentName); may have no frames.
   */
  readonly namedG: Uint32Array;
  readonly namedStack: Uint32Array;
  /** First transition stack with frames: its root frame is the start function (Go's Summary). */
  readonly startG: Uint32Array;
  readonly startStack: Uint32Array;
  /** Creation: goroutine created, creator goroutine index + 1 (0 none), creation row time. */
  readonly createdG: Uint32Array;
  readonly createdBy: Uint32Array;
}

/** How much of the trace a chunk list stands for, when the trace was damaged or cut short. */
export interface TimelineLoss {
  /** Go's error message for the fault. */
  readonly message: string;
  /** truncated / damaged / internal (as PassEnd.fault). */
  readonly fault: string;
  /** Complete generations kept (the chunks sent). */
  readonly generationsKept: number;
  /** Events read before the error that belong to no complete generation (dropped). */
  readonly eventsLost: number;
  /** The model is complete up to this time (the end of the last kept generation), ns. */
  readonly keptUntilNs: number;
}

export interface TimelineChunk {
  /** Format of this record; bumped on a breaking change. */
  readonly format: 1;
  /** Position of the chunk in the trace, from 0. */
  readonly index: number;
  /**
   * The generation it belongs to, from 0 (Go's Sync N − 1). A generation longer than 2^32 ns
   * (~4.3 s) is sent as several chunks, each of a Uint32 time span; chunks are sent only once
   * their whole generation is complete.
   */
  readonly generation: number;
  /** True for the second and later chunks of a generation (no Sync at their start). */
  readonly continuesGeneration: boolean;
  /** Absolute time of the trace's first event (Go's trace.Time), decimal ns; same in every chunk. */
  readonly originNs: string;
  /** Start of the chunk (its generation's Sync, or the split point) and its end (the next
   * chunk's start), in ns since the origin: chunks tile the trace. */
  readonly baseNs: number;
  readonly endNs: number;
  /** Wall-clock time of the generation's clock snapshot (Go 1.25+), RFC 3339 UTC; null when none. */
  readonly wallStart: string | null;
  /** Events in this chunk (a generation's Sync counts in its first chunk). */
  readonly events: number;
  readonly tables: TableAppends;
  readonly facts: GoroutineFacts;
  readonly goroutines: GoroutineRows;
  readonly procSlices: ProcSlices;
  readonly procs: ProcTransitions;
  readonly ranges: RangeEvents;
  readonly metrics: MetricEvents;
  readonly labels: LabelEvents;
  readonly tasks: TaskEvents;
  readonly regions: RegionIntervals;
  readonly logs: LogEvents;
  readonly samples: SampleEvents;
  readonly counters: CounterSamples;
  /** Metric values past 2^53, exact, by metric row (rare). */
  readonly exactValues: { readonly row: number; readonly value: string }[];
}

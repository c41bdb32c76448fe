// The page-side timeline API: what the canvas view asks the model (TimelineModel, model.ts,
// implements it; pure, no DOM, runs in Node tests too). The model grows as chunks arrive
// (one per generation), so a view reads `version` and redraws when it changes.
//
// Coordinates: every time is `timeNs`, nanoseconds since the trace's first event, a plain
// number (exact: the origin is subtracted in 64 bits before converting). Lanes are numbered
// by dense indices (goroutine index, proc index, thread index), not by Go's IDs; the info
// records give the IDs.
//
// Cost: a query costs what it returns (binary searches over per-chunk columns, no scan of the
// trace). Visitors get one reused record per call, as the parser's forEachEvent does: copy the
// fields you keep. Return false from a visitor to stop early.

import type { GState, RangeKind, TimelineLoss } from './chunk';

export type { GState, RangeKind, MetricKind, TimelineChunk, TimelineLoss } from './chunk';

/** The kinds of lane with per-lane spans. */
export enum LaneKind {
  /** A goroutine: its state intervals. */
  Goroutine = 0,
  /** A P: the goroutines it ran (execution slices). */
  Proc = 1,
  /** An M (OS thread): the goroutines it ran, including time in syscalls after losing its P. */
  Thread = 2,
}

export interface LaneRef {
  readonly kind: LaneKind;
  /** Goroutine, proc or thread index. */
  readonly index: number;
}

/** SpanView.flags bits. */
export enum SpanFlags {
  /** The span began before the trace (Go back-dates it to the trace's start). */
  StartedBeforeTrace = 1,
  /** The span was still open when the trace ended (its end is the trace's end). */
  OpenAtEnd = 2,
  /** A syscall that lost its P: on a goroutine lane, the part of a Syscall state after the steal. */
  ProcLost = 4,
}

/**
 * One span of a lane (reused by visitors). On a goroutine lane: a state interval. On a P or M
 * lane: an execution slice of `goroutine` (state Running; a syscall inside it is a separate
 * span with state Syscall when the lane shows syscalls).
 */
export interface SpanView {
  startNs: number;
  endNs: number;
  state: GState;
  /** Goroutine index; -1 for none. */
  goroutine: number;
  /** Proc and thread index of the event that began the span; -1 for none. */
  proc: number;
  thread: number;
  /** Why a goroutine waits or stopped (Go's reason string, e.g. 'chan receive'); '' if none. */
  reason: string;
  /** Stack of the event that began the span (stackFrames gives its frames); 0 for none. */
  stack: number;
  /** The state before this span (from Go's transition). */
  prevState: GState;
  /** SpanFlags. */
  flags: number;
}

export interface GenerationInfo {
  /** From 0. */
  readonly index: number;
  readonly startNs: number;
  readonly endNs: number;
  /** RFC 3339 UTC wall-clock time of its clock snapshot (Go 1.25+), or null. */
  readonly wallStart: string | null;
  readonly events: number;
}

export interface ProcInfo {
  readonly index: number;
  /** Go's P ID, decimal. */
  readonly id: string;
  /** 'Proc 3', as go tool trace names the lane. */
  readonly label: string;
}

export interface ThreadInfo {
  readonly index: number;
  /** Go's M ID (the OS thread ID), decimal. */
  readonly id: string;
  /** 'Thread 1234'. */
  readonly label: string;
}

export interface GoroutineInfo {
  readonly index: number;
  /** Go's goroutine ID, decimal (exact past 2^53). */
  readonly id: string;
  /**
   * The start function: the root frame of the first stack seen for it (Go's Summary name,
   * what /goroutines groups by); '' when no stack was ever seen (e.g. a goroutine that only
   * ever appears idle).
   */
  readonly startFunc: string;
  /** go tool trace's lane name: 'G12 main.worker', with ' (label)' for a labelled goroutine. */
  readonly name: string;
  /** The goroutine that created it (index); -1 when created before the trace or unknown. */
  readonly creator: number;
  /** Creation time; null when it existed before the trace. */
  readonly createdNs: number | null;
  /** When it ended (GoDestroy); null when still alive at the end of the trace. */
  readonly endedNs: number | null;
  /** Its state at the end of the trace (NotExist if it ended). */
  readonly finalState: GState;
  /** Time spent in each state within the trace, indexed by GState (ns). */
  readonly timeInState: readonly number[];
}

/** Goroutines that share a start function (go tool trace's /goroutines groups). */
export interface GoroutineGroup {
  /** '' groups goroutines with no known start function. */
  readonly startFunc: string;
  /** Goroutine indices, ascending by goroutine ID. */
  readonly goroutines: Uint32Array;
  readonly count: number;
  /** Sum of their running time (ns), for ordering groups by weight. */
  readonly runningNs: number;
}

/** A goroutine's state interval, as a record (details panel; few at a time). */
export interface StateInterval {
  readonly startNs: number;
  readonly endNs: number;
  readonly state: GState;
  readonly prevState: GState;
  readonly reason: string;
  readonly stack: number;
  readonly proc: number;
  readonly thread: number;
  readonly flags: number;
}

export enum FlowKind {
  /** Goroutine creation: parent → child (Go's "go" arrow). */
  Create = 0,
  /** Unblocking: the unblocker → the goroutine it made runnable (Go's "unblock (reason)"). */
  Unblock = 1,
  /** A blocked syscall returned: no goroutine on the from side (Go's "exit blocked syscall"). */
  SyscallExit = 2,
}

/** A flow arrow: from the event that made a goroutine runnable to when it next ran. */
export interface Flow {
  readonly kind: FlowKind;
  /** Goroutine that did it (creator, unblocker); -1 for none (runtime, netpoller, syscall). */
  readonly fromGoroutine: number;
  /** Proc and thread of the event; -1 for none. */
  readonly fromProc: number;
  readonly fromThread: number;
  readonly fromNs: number;
  /** Stack of the creating/unblocking event; 0 for none. */
  readonly fromStack: number;
  readonly toGoroutine: number;
  /** When the target next started running; null if it never did within the trace. */
  readonly toNs: number | null;
  /** The reason the target had been waiting, when unblocked (e.g. 'chan receive'). */
  readonly reason: string;
}

/** A range (GC mark phase, stop-the-world, sweep, mark assist). */
export interface RangeSpan {
  readonly kind: RangeKind;
  /** Go's range name, e.g. 'stop-the-world (GC mark termination)'. */
  readonly name: string;
  readonly startNs: number;
  readonly endNs: number;
  /** Goroutine index (STW, mark assist) or proc index (sweep); -1 for a global range. */
  readonly scope: number;
  /** Started before the trace (an Active event in the first generation). */
  readonly startedBeforeTrace: boolean;
  /** Still running when the trace ended. */
  readonly openAtEnd: boolean;
  readonly startStack: number;
  readonly endStack: number;
}

/** A counter as a step function: value[i] holds from timesNs[i] to timesNs[i+1]. */
export interface CounterSeries {
  readonly timesNs: Float64Array;
  readonly values: Float64Array;
}

/** Counters the view can draw. */
export enum CounterKind {
  /** Live heap bytes (Metric '/memory/classes/heap/objects:bytes'). */
  HeapLive = 0,
  /** Heap goal bytes (Metric '/gc/heap/goal:bytes'). */
  HeapGoal = 1,
  /** GOMAXPROCS (Metric '/sched/gomaxprocs:threads'). */
  Gomaxprocs = 2,
  /** Goroutines running, runnable, waiting and in syscalls (from the state transitions). */
  GoroutinesRunning = 3,
  GoroutinesRunnable = 4,
  GoroutinesWaiting = 5,
  GoroutinesSyscall = 6,
  /** Ps held by a thread, and threads in a syscall without a P. */
  ThreadsRunning = 7,
  ThreadsInSyscall = 8,
}

export interface TaskInfo {
  readonly index: number;
  /** Go's task ID, decimal. */
  readonly id: string;
  /** Task index of the parent; -1 for none. */
  readonly parent: number;
  readonly type: string;
  /** null when it began before the trace / did not end within it. */
  readonly startNs: number | null;
  readonly endNs: number | null;
  readonly startGoroutine: number;
  readonly endGoroutine: number;
}

/** A user region on a goroutine; depth 0 is outermost. */
export interface RegionSpan {
  readonly name: string;
  /** Task index; 0 is the background task. */
  readonly task: number;
  readonly goroutine: number;
  readonly startNs: number;
  readonly endNs: number;
  readonly depth: number;
  readonly startedBeforeTrace: boolean;
  readonly openAtEnd: boolean;
  readonly startStack: number;
  readonly endStack: number;
}

/** A user log message, or a CPU sample (message '' and category ''). */
export interface PointView {
  timeNs: number;
  goroutine: number;
  proc: number;
  thread: number;
  stack: number;
  /** Logs: task index, category and message. */
  task: number;
  category: string;
  message: string;
}

/** One frame, as `go tool trace -d=parsed` prints it: func @ pc, then file:line. */
export interface FrameInfo {
  readonly func: string;
  readonly file: string;
  readonly line: number;
  /** Program counter, hex with 0x (as Go's %#x). */
  readonly pc: string;
}

/** Lane level-of-detail categories: coverage() fills one fraction per category per bucket. */
export enum CoverageCategory {
  Running = 0,
  Runnable = 1,
  Waiting = 2,
  Syscall = 3,
}
export const COVERAGE_CATEGORIES = 4;

export interface TimelineQueries {
  /** Bumped by every appended chunk: redraw when it changes. */
  readonly version: number;
  /** All generations have arrived (or the trace was damaged and the rest is lost). */
  readonly complete: boolean;
  /** What a damaged or cut trace lost; null for a whole trace (or while loading). */
  readonly loss: TimelineLoss | null;
  /** The trace's first event on Go's clock (trace.Time), decimal ns: time 0 of the model. */
  readonly originNs: string;
  /** Time of the last event so far (ns since the origin). */
  readonly endNs: number;
  readonly generations: readonly GenerationInfo[];

  // --- lanes -----------------------------------------------------------------------------
  procs(): readonly ProcInfo[];
  threads(): readonly ThreadInfo[];
  readonly goroutineCount: number;
  goroutine(index: number): GoroutineInfo;
  /** Goroutine index by Go ID (number or bigint); -1 when absent. */
  goroutineIndex(id: number | bigint): number;
  /** Groups by start function, largest running time first. */
  goroutineGroups(): readonly GoroutineGroup[];

  // --- spans -----------------------------------------------------------------------------
  /** Visits the spans of a lane that overlap [fromNs, toNs], in time order. */
  forEachSpan(lane: LaneRef, fromNs: number, toNs: number, visit: (s: SpanView) => boolean | void): void;
  /** How many spans forEachSpan would visit (cheap: binary searches). */
  countSpans(lane: LaneRef, fromNs: number, toNs: number): number;
  /** The span covering timeNs, as a fresh record; null when none (P idle, before creation). */
  spanAt(lane: LaneRef, timeNs: number): StateInterval | null;
  /**
   * Level of detail: splits [fromNs, toNs) into `buckets` equal buckets and writes into out
   * (length ≥ buckets × COVERAGE_CATEGORIES, bucket-major) the fraction of each bucket spent
   * in each CoverageCategory. Costs O(buckets) from per-lane pre-aggregated pyramids, however
   * many spans the range holds.
   */
  coverage(lane: LaneRef, fromNs: number, toNs: number, buckets: number, out: Float32Array): void;

  // --- goroutine details -----------------------------------------------------------------
  /** Up to `before` intervals before the one at timeNs, that one, and up to `after` after it. */
  statesAround(goroutine: number, timeNs: number, before: number, after: number): StateInterval[];
  /** The creation flow of a goroutine; null when it existed before the trace. */
  creation(goroutine: number): Flow | null;
  /** Flows into and out of a goroutine within [fromNs, toNs]: creations, unblocks, syscall exits. */
  flows(goroutine: number, fromNs: number, toNs: number): Flow[];
  /** The flow that made the goroutine runnable before the span at timeNs; null if none. */
  unblockedBy(goroutine: number, timeNs: number): Flow | null;

  // --- GC, counters ----------------------------------------------------------------------
  /** Ranges of a kind overlapping [fromNs, toNs], in start order. */
  ranges(kind: RangeKind, fromNs: number, toNs: number): RangeSpan[];
  /** Mark assists of one goroutine, sweeps of one P. */
  rangesOf(kind: RangeKind, scope: number, fromNs: number, toNs: number): RangeSpan[];
  counter(kind: CounterKind): CounterSeries;

  // --- user annotations, samples ---------------------------------------------------------
  tasks(): readonly TaskInfo[];
  /** Tasks whose span contains timeNs. */
  tasksAt(timeNs: number): TaskInfo[];
  /** Regions of a goroutine overlapping [fromNs, toNs], nested (depth), in start order. */
  regions(goroutine: number, fromNs: number, toNs: number): RegionSpan[];
  /** Regions of a goroutine containing timeNs, outermost first. */
  regionsAt(goroutine: number, timeNs: number): RegionSpan[];
  forEachLog(fromNs: number, toNs: number, visit: (p: PointView) => boolean | void): void;
  forEachSample(fromNs: number, toNs: number, visit: (p: PointView) => boolean | void): void;

  // --- stacks, strings -------------------------------------------------------------------
  /** Frames of a stack, leaf first; [] for 0 (no stack). */
  stackFrames(stack: number): FrameInfo[];
  /** Bytes held by the model's arrays and tables (for the memory figure). */
  byteSize(): number;
}

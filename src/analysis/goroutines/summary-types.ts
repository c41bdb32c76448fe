// The results of the goroutine summarizer (summarizer.ts): plain data that crosses the worker
// boundary by structured clone. Times are ns since the trace's first event.

import type { GoID, Stack, StackFrame, TaskID } from '../../trace/parse/index';
import type { ExecStats } from './exec-stats';

export interface GoroutineSummary {
  id: GoID;
  /** Start function (root frame of the first stack seen); '' when no stack was seen. */
  name: string;
  pc: number | bigint;
  /** First appearance: creation, or the sync before its first event. */
  creationNs: number;
  /** First time it ran; null if it never ran in the trace. */
  startNs: number | null;
  /** When it exited (or began to wait forever); null if it was alive at the end. */
  endNs: number | null;
  stats: ExecStats;
  /** Indexes into TraceAnnotations.regions, by start time (unknown starts first). */
  regions: number[];
}

/** An event as go tool trace's task page lists it. */
export interface EventRef {
  timeNs: number;
  /** The goroutine the event is about (the one changing state, or the one running). */
  g: GoID;
  /** Go's description ("region \"x\" begin", "Running -> NotExist", …). */
  what: string;
}

export interface LogRef extends EventRef {
  category: string;
  message: string;
}

export interface RegionSummary {
  index: number;
  goroutine: GoID;
  task: TaskID;
  /** The region type; '' for the region a goroutine inherits from its creator. */
  name: string;
  /** null when the region began before the trace. */
  start: EventRef | null;
  /** null when it was still open at the end of the trace. */
  end: EventRef | null;
  /** The outermost frame of the start stack (Go's region fingerprint); zero when none. */
  frame: StackFrame;
  stats: ExecStats;
}

export interface TaskSummary {
  id: TaskID;
  name: string;
  parent: TaskID | null;
  children: TaskID[];
  start: EventRef | null;
  end: EventRef | null;
  logs: LogRef[];
  /** Indexes into TraceAnnotations.regions, in the order they began. */
  regions: number[];
  /** Every goroutine that began, ended or logged in it or in one of its regions, once each, in the order first seen. */
  goroutines: GoID[];
}

export interface TraceAnnotations {
  goroutines: GoroutineSummary[];
  tasks: TaskSummary[];
  regions: RegionSummary[];
  /** First and last event, ns since the first event (cmd/trace's startTime/endTime). */
  startNs: number;
  endNs: number;
  /** Logs past the cap that were counted but not kept. */
  logsDropped: number;
}

/** Go's trace.IsSystemGoroutine: no start function, or a runtime function other than main. */
export function isSystemGoroutine(entryFn: string): boolean {
  return entryFn === '' || (entryFn !== 'runtime.main' && entryFn.startsWith('runtime.'));
}

/** The last frame Go's Frames iterator yields for a stack (cmd/trace regionTopStackFrame). */
export function regionFingerprintFrame(stack: Stack): StackFrame {
  const frames = stack.frames();
  return frames.length > 0 ? frames[frames.length - 1] : { pc: 0, func: '', file: '', line: 0 };
}

// The event-spec table of the Go trace format (v2, Go 1.22 and later), following the table
// in Go's internal/trace/tracev2/events.go. One entry per wire event type; the index is
// the type byte. Argument names carry their type after an underscore, as in Go, and the
// raw text format and the validator rely on that.

export enum Ev {
  None = 0,
  EventBatch = 1,
  Stacks = 2,
  Stack = 3,
  Strings = 4,
  String = 5,
  CPUSamples = 6,
  CPUSample = 7,
  Frequency = 8,
  ProcsChange = 9,
  ProcStart = 10,
  ProcStop = 11,
  ProcSteal = 12,
  ProcStatus = 13,
  GoCreate = 14,
  GoCreateSyscall = 15,
  GoStart = 16,
  GoDestroy = 17,
  GoDestroySyscall = 18,
  GoStop = 19,
  GoBlock = 20,
  GoUnblock = 21,
  GoSyscallBegin = 22,
  GoSyscallEnd = 23,
  GoSyscallEndBlocked = 24,
  GoStatus = 25,
  STWBegin = 26,
  STWEnd = 27,
  GCActive = 28,
  GCBegin = 29,
  GCEnd = 30,
  GCSweepActive = 31,
  GCSweepBegin = 32,
  GCSweepEnd = 33,
  GCMarkAssistActive = 34,
  GCMarkAssistBegin = 35,
  GCMarkAssistEnd = 36,
  HeapAlloc = 37,
  HeapGoal = 38,
  GoLabel = 39,
  UserTaskBegin = 40,
  UserTaskEnd = 41,
  UserRegionBegin = 42,
  UserRegionEnd = 43,
  UserLog = 44,
  GoSwitch = 45,
  GoSwitchDestroy = 46,
  GoCreateBlocked = 47,
  GoStatusStack = 48,
  ExperimentalBatch = 49,
  Sync = 50,
  ClockSnapshot = 51,
  EndOfGeneration = 52,
  // Experimental events of the AllocFree experiment (Go 1.23+).
  Span = 128,
  SpanAlloc = 129,
  SpanFree = 130,
  HeapObject = 131,
  HeapObjectAlloc = 132,
  HeapObjectFree = 133,
  GoroutineStack = 134,
  GoroutineStackAlloc = 135,
  GoroutineStackFree = 136,
}

/** Experiments, numbered as the runtime numbers them. 0 is "no experiment". */
export const NO_EXPERIMENT = 0;
export const EXPERIMENT_ALLOC_FREE = 1;
export const EXPERIMENT_NAMES: Record<number, string> = { [EXPERIMENT_ALLOC_FREE]: 'AllocFree' };

export interface EventSpec {
  /** Go's name for the event; '' for an unused type number. */
  readonly name: string;
  /** Argument names, in wire order. For timed events the first is always 'dt'. */
  readonly args: readonly string[];
  /** Indices into args of string-ID arguments. */
  readonly stringIDs: readonly number[];
  /** Indices into args of stack-ID arguments; the first is the event's main stack. */
  readonly stackIDs: readonly number[];
  /** For the end of a range: the type of the event that began it, else 0. */
  readonly startEv: number;
  /** Appears in per-M event streams with a time delta as its first argument. */
  readonly isTimed: boolean;
  /** Followed by a uvarint length and that many raw bytes. */
  readonly hasData: boolean;
  /** Followed by nframes groups of (pc, func string ID, file string ID, line). */
  readonly isStack: boolean;
  readonly experiment: number;
}

type SpecInit = Partial<EventSpec> & { name: string };

function spec(s: SpecInit): EventSpec {
  return {
    name: s.name,
    args: s.args ?? [],
    stringIDs: s.stringIDs ?? [],
    stackIDs: s.stackIDs ?? [],
    startEv: s.startEv ?? 0,
    isTimed: s.isTimed ?? false,
    hasData: s.hasData ?? false,
    isStack: s.isStack ?? false,
    experiment: s.experiment ?? NO_EXPERIMENT,
  };
}

const EMPTY = spec({ name: '' });

function timed(name: string, args: string[], extra: Partial<EventSpec> = {}): EventSpec {
  return spec({ name, args: ['dt', ...args], isTimed: true, ...extra });
}

function allocFree(name: string, args: string[]): EventSpec {
  return timed(name, args, { experiment: EXPERIMENT_ALLOC_FREE });
}

const table: EventSpec[] = new Array(Ev.GoroutineStackFree + 1).fill(EMPTY);

// Structural events.
table[Ev.EventBatch] = spec({ name: 'EventBatch', args: ['gen', 'm', 'time', 'size'] });
table[Ev.Stacks] = spec({ name: 'Stacks' });
table[Ev.Stack] = spec({ name: 'Stack', args: ['id', 'nframes'], isStack: true });
table[Ev.Strings] = spec({ name: 'Strings' });
table[Ev.String] = spec({ name: 'String', args: ['id'], hasData: true });
table[Ev.CPUSamples] = spec({ name: 'CPUSamples' });
// A CPU sample carries an absolute timestamp, not a delta, so it is not "timed".
table[Ev.CPUSample] = spec({ name: 'CPUSample', args: ['time', 'm', 'p', 'g', 'stack'], stackIDs: [4] });
table[Ev.Frequency] = spec({ name: 'Frequency', args: ['freq'] });
table[Ev.ExperimentalBatch] = spec({ name: 'ExperimentalBatch', args: ['exp', 'gen', 'm', 'time'], hasData: true });
table[Ev.Sync] = spec({ name: 'Sync' });
table[Ev.EndOfGeneration] = spec({ name: 'EndOfGeneration' });

// Procs.
table[Ev.ProcsChange] = timed('ProcsChange', ['procs_value', 'stack'], { stackIDs: [2] });
table[Ev.ProcStart] = timed('ProcStart', ['p', 'p_seq']);
table[Ev.ProcStop] = timed('ProcStop', []);
table[Ev.ProcSteal] = timed('ProcSteal', ['p', 'p_seq', 'm']);
table[Ev.ProcStatus] = timed('ProcStatus', ['p', 'pstatus']);

// Goroutines.
table[Ev.GoCreate] = timed('GoCreate', ['new_g', 'new_stack', 'stack'], { stackIDs: [3, 2] });
table[Ev.GoCreateSyscall] = timed('GoCreateSyscall', ['new_g']);
table[Ev.GoStart] = timed('GoStart', ['g', 'g_seq']);
table[Ev.GoDestroy] = timed('GoDestroy', []);
table[Ev.GoDestroySyscall] = timed('GoDestroySyscall', []);
table[Ev.GoStop] = timed('GoStop', ['reason_string', 'stack'], { stackIDs: [2], stringIDs: [1] });
table[Ev.GoBlock] = timed('GoBlock', ['reason_string', 'stack'], { stackIDs: [2], stringIDs: [1] });
table[Ev.GoUnblock] = timed('GoUnblock', ['g', 'g_seq', 'stack'], { stackIDs: [3] });
table[Ev.GoSyscallBegin] = timed('GoSyscallBegin', ['p_seq', 'stack'], { stackIDs: [2] });
table[Ev.GoSyscallEnd] = timed('GoSyscallEnd', [], { startEv: Ev.GoSyscallBegin });
table[Ev.GoSyscallEndBlocked] = timed('GoSyscallEndBlocked', [], { startEv: Ev.GoSyscallBegin });
table[Ev.GoStatus] = timed('GoStatus', ['g', 'm', 'gstatus']);

// Stop-the-world.
table[Ev.STWBegin] = timed('STWBegin', ['kind_string', 'stack'], { stackIDs: [2], stringIDs: [1] });
table[Ev.STWEnd] = timed('STWEnd', [], { startEv: Ev.STWBegin });

// GC.
table[Ev.GCActive] = timed('GCActive', ['gc_seq'], { startEv: Ev.GCBegin });
table[Ev.GCBegin] = timed('GCBegin', ['gc_seq', 'stack'], { stackIDs: [2] });
table[Ev.GCEnd] = timed('GCEnd', ['gc_seq'], { startEv: Ev.GCBegin });
table[Ev.GCSweepActive] = timed('GCSweepActive', ['p'], { startEv: Ev.GCSweepBegin });
table[Ev.GCSweepBegin] = timed('GCSweepBegin', ['stack'], { stackIDs: [1] });
table[Ev.GCSweepEnd] = timed('GCSweepEnd', ['swept_value', 'reclaimed_value'], { startEv: Ev.GCSweepBegin });
table[Ev.GCMarkAssistActive] = timed('GCMarkAssistActive', ['g'], { startEv: Ev.GCMarkAssistBegin });
table[Ev.GCMarkAssistBegin] = timed('GCMarkAssistBegin', ['stack'], { stackIDs: [1] });
table[Ev.GCMarkAssistEnd] = timed('GCMarkAssistEnd', [], { startEv: Ev.GCMarkAssistBegin });
table[Ev.HeapAlloc] = timed('HeapAlloc', ['heapalloc_value']);
table[Ev.HeapGoal] = timed('HeapGoal', ['heapgoal_value']);

// Annotations.
table[Ev.GoLabel] = timed('GoLabel', ['label_string'], { stringIDs: [1] });
table[Ev.UserTaskBegin] = timed('UserTaskBegin', ['task', 'parent_task', 'name_string', 'stack'], { stackIDs: [4], stringIDs: [3] });
table[Ev.UserTaskEnd] = timed('UserTaskEnd', ['task', 'stack'], { stackIDs: [2] });
table[Ev.UserRegionBegin] = timed('UserRegionBegin', ['task', 'name_string', 'stack'], { stackIDs: [3], stringIDs: [2] });
table[Ev.UserRegionEnd] = timed('UserRegionEnd', ['task', 'name_string', 'stack'], {
  stackIDs: [3],
  stringIDs: [2],
  startEv: Ev.UserRegionBegin,
});
table[Ev.UserLog] = timed('UserLog', ['task', 'key_string', 'value_string', 'stack'], { stackIDs: [4], stringIDs: [2, 3] });

// Coroutines and stacked statuses (Go 1.23).
table[Ev.GoSwitch] = timed('GoSwitch', ['g', 'g_seq']);
table[Ev.GoSwitchDestroy] = timed('GoSwitchDestroy', ['g', 'g_seq']);
table[Ev.GoCreateBlocked] = timed('GoCreateBlocked', ['new_g', 'new_stack', 'stack'], { stackIDs: [3, 2] });
table[Ev.GoStatusStack] = timed('GoStatusStack', ['g', 'm', 'gstatus', 'stack'], { stackIDs: [4] });

// Clock snapshot inside a sync batch (Go 1.25).
table[Ev.ClockSnapshot] = timed('ClockSnapshot', ['mono', 'sec', 'nsec']);

// Experimental: AllocFree.
table[Ev.Span] = allocFree('Span', ['id', 'npages_value', 'kindclass']);
table[Ev.SpanAlloc] = allocFree('SpanAlloc', ['id', 'npages_value', 'kindclass']);
table[Ev.SpanFree] = allocFree('SpanFree', ['id']);
table[Ev.HeapObject] = allocFree('HeapObject', ['id', 'type']);
table[Ev.HeapObjectAlloc] = allocFree('HeapObjectAlloc', ['id', 'type']);
table[Ev.HeapObjectFree] = allocFree('HeapObjectFree', ['id']);
table[Ev.GoroutineStack] = allocFree('GoroutineStack', ['id', 'order']);
table[Ev.GoroutineStackAlloc] = allocFree('GoroutineStackAlloc', ['id', 'order']);
table[Ev.GoroutineStackFree] = allocFree('GoroutineStackFree', ['id']);

/** The full table (Go 1.26), indexed by event type. Unused types have name ''. */
export const SPECS: readonly EventSpec[] = Object.freeze(table);

/** Largest payload of one batch (Go's MaxBatchSize, 64 KiB). */
export const MAX_BATCH_SIZE = 64 << 10;
/** Most frames one stack may have (Go's MaxFramesPerStack). */
export const MAX_FRAMES_PER_STACK = 128;
/** Longest string or other trailing data (Go's MaxEventTrailerDataSize). */
export const MAX_EVENT_TRAILER_DATA_SIZE = 1 << 10;
/** Most arguments of a timed event, counting dt (Go's MaxTimedEventArgs). */
export const MAX_TIMED_EVENT_ARGS = 5;

/** Wire goroutine statuses (tracev2.GoStatus). */
export enum GoStatus {
  Bad = 0,
  Runnable = 1,
  Running = 2,
  Syscall = 3,
  Waiting = 4,
}

/** Wire proc statuses (tracev2.ProcStatus). */
export enum ProcStatus {
  Bad = 0,
  Running = 1,
  Idle = 2,
  Syscall = 3,
  SyscallAbandoned = 4,
}

/** Go's tracev2.GoStatus.String, as the parser's error messages print a status. */
export function goStatusName(s: number): string {
  return GO_STATUS_NAMES[s] ?? 'Bad';
}

/** Go's tracev2.ProcStatus.String: SyscallAbandoned has no case there and prints as Bad. */
export function procStatusName(s: number): string {
  return PROC_STATUS_NAMES[s] ?? 'Bad';
}

const GO_STATUS_NAMES = ['Bad', 'Runnable', 'Running', 'Syscall', 'Waiting'];
const PROC_STATUS_NAMES = ['Bad', 'Running', 'Idle', 'Syscall'];

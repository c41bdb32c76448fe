// The event table of the Go 1.11–1.21 trace format ("v1"), following the type list and
// EventDescriptions in Go's internal/trace/internal/tracev1/parser.go: one entry per wire type,
// with the first Go trace version that may write it, whether its last argument is a stack ID,
// and the names of its arguments (after the timestamp). Names are Go's, as its error messages
// and Event.String print them. The v2 table (Go 1.22+) is specs.ts.

export enum V1 {
  None = 0,
  Batch = 1,
  Frequency = 2,
  Stack = 3,
  Gomaxprocs = 4,
  ProcStart = 5,
  ProcStop = 6,
  GCStart = 7,
  GCDone = 8,
  STWStart = 9,
  STWDone = 10,
  GCSweepStart = 11,
  GCSweepDone = 12,
  GoCreate = 13,
  GoStart = 14,
  GoEnd = 15,
  GoStop = 16,
  GoSched = 17,
  GoPreempt = 18,
  GoSleep = 19,
  GoBlock = 20,
  GoUnblock = 21,
  GoBlockSend = 22,
  GoBlockRecv = 23,
  GoBlockSelect = 24,
  GoBlockSync = 25,
  GoBlockCond = 26,
  GoBlockNet = 27,
  GoSysCall = 28,
  GoSysExit = 29,
  GoSysBlock = 30,
  GoWaiting = 31,
  GoInSyscall = 32,
  HeapAlloc = 33,
  HeapGoal = 34,
  TimerGoroutine = 35,
  FutileWakeup = 36,
  String = 37,
  GoStartLocal = 38,
  GoUnblockLocal = 39,
  GoSysExitLocal = 40,
  GoStartLabel = 41,
  GoBlockGC = 42,
  GCMarkAssistStart = 43,
  GCMarkAssistDone = 44,
  UserTaskCreate = 45,
  UserTaskEnd = 46,
  UserRegion = 47,
  UserLog = 48,
  CPUSample = 49,
  Count = 50,
}

export interface V1Spec {
  readonly name: string;
  /** The first trace version (the minor of "go 1.N trace") that may contain this type. */
  readonly minVersion: number;
  /** The last argument is a stack ID. */
  readonly stack: boolean;
  readonly args: readonly string[];
}

const spec = (name: string, minVersion: number, stack: boolean, args: string[] = []): V1Spec => ({
  name,
  minVersion,
  stack,
  args,
});

export const V1_SPECS: readonly V1Spec[] = [
  spec('None', 5, false),
  spec('Batch', 5, false, ['p', 'ticks']),
  spec('Frequency', 5, false, ['freq']),
  spec('Stack', 5, false, ['id', 'siz']),
  spec('Gomaxprocs', 5, true, ['procs']),
  spec('ProcStart', 5, false, ['thread']),
  spec('ProcStop', 5, false),
  spec('GCStart', 5, true, ['seq']),
  spec('GCDone', 5, false),
  spec('GCSTWStart', 5, false, ['kindid']),
  spec('GCSTWDone', 5, false),
  spec('GCSweepStart', 5, true),
  spec('GCSweepDone', 5, false, ['swept', 'reclaimed']),
  spec('GoCreate', 5, true, ['g', 'stack']),
  spec('GoStart', 5, false, ['g', 'seq']),
  spec('GoEnd', 5, false),
  spec('GoStop', 5, true),
  spec('GoSched', 5, true),
  spec('GoPreempt', 5, true),
  spec('GoSleep', 5, true),
  spec('GoBlock', 5, true),
  spec('GoUnblock', 5, true, ['g', 'seq']),
  spec('GoBlockSend', 5, true),
  spec('GoBlockRecv', 5, true),
  spec('GoBlockSelect', 5, true),
  spec('GoBlockSync', 5, true),
  spec('GoBlockCond', 5, true),
  spec('GoBlockNet', 5, true),
  spec('GoSysCall', 5, true),
  spec('GoSysExit', 5, false, ['g', 'seq', 'ts']),
  spec('GoSysBlock', 5, false),
  spec('GoWaiting', 5, false, ['g']),
  spec('GoInSyscall', 5, false, ['g']),
  spec('HeapAlloc', 5, false, ['mem']),
  spec('HeapGoal', 5, false, ['mem']),
  spec('TimerGoroutine', 5, false, ['g']),
  spec('FutileWakeup', 5, false),
  spec('String', 7, false),
  spec('GoStartLocal', 7, false, ['g']),
  spec('GoUnblockLocal', 7, true, ['g']),
  spec('GoSysExitLocal', 7, false, ['g', 'ts']),
  spec('GoStartLabel', 8, false, ['g', 'seq', 'labelid']),
  spec('GoBlockGC', 8, true),
  spec('GCMarkAssistStart', 9, true),
  spec('GCMarkAssistDone', 9, false),
  spec('UserTaskCreate', 11, true, ['taskid', 'pid', 'typeid']),
  spec('UserTaskEnd', 11, true, ['taskid']),
  spec('UserRegion', 11, true, ['taskid', 'mode', 'typeid']),
  spec('UserLog', 11, true, ['id', 'keyid']),
  spec('CPUSample', 19, true, ['ts', 'p', 'g']),
];

/**
 * How many values an event of this type carries on the wire, counting the timestamp and the
 * stack ID (Go's rawEvent.argNum). Stack records carry as many as they say; Batch, Frequency
 * and TimerGoroutine have no timestamp.
 */
export function argNum(type: number, rawArgs: number): number {
  if (type === V1.Stack) return rawArgs;
  const s = V1_SPECS[type];
  const n = s.args.length + (s.stack ? 1 : 0);
  if (type === V1.Batch || type === V1.Frequency || type === V1.TimerGoroutine) return n;
  return n + 1;
}

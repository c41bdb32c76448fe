// Resource IDs and states, following Go's internal/trace/resources.go and value.go.

import { GoPanic } from './errors';
import { dec, type I64, type U64 } from './int64';
import type { EvTable } from './tables';

export type GoID = I64;
export type ProcID = I64;
export type ThreadID = I64;
export type TaskID = U64;

export const NO_GOROUTINE = -1;
export const NO_PROC = -1;
export const NO_THREAD = -1;
/** Go's NoTask (2^64-1). */
export const NO_TASK: TaskID = 2n ** 64n - 1n;
export const BACKGROUND_TASK: TaskID = 0;

// GoState and ProcState are the parser's public states (Go's trace.GoState, trace.ProcState),
// not the wire statuses of wire/specs.ts (tracev2.GoStatus, ProcStatus): the numbering differs
// and Go keeps both, so both exist here; the two tables below are the one mapping between them.

export enum GoState {
  Undetermined = 0,
  NotExist = 1,
  Runnable = 2,
  Running = 3,
  Waiting = 4,
  Syscall = 5,
}

export enum ProcState {
  Undetermined = 0,
  NotExist = 1,
  Running = 2,
  Idle = 3,
}

/** Wire GoStatus → GoState (index 0, Bad, maps to Undetermined as in Go). */
export const GO_STATUS_TO_STATE = [GoState.Undetermined, GoState.Runnable, GoState.Running, GoState.Syscall, GoState.Waiting];

/** Wire ProcStatus → ProcState: Syscall reads as Running, SyscallAbandoned as Idle. */
export const PROC_STATUS_TO_STATE = [ProcState.Undetermined, ProcState.Running, ProcState.Idle, ProcState.Running, ProcState.Idle];

const GO_STATE_NAMES = ['Undetermined', 'NotExist', 'Runnable', 'Running', 'Waiting', 'Syscall'];
const PROC_STATE_NAMES = ['Undetermined', 'NotExist', 'Running', 'Idle'];

export function goStateString(s: number): string {
  return GO_STATE_NAMES[s] ?? 'Bad';
}

export function procStateString(s: number): string {
  return PROC_STATE_NAMES[s] ?? 'Bad';
}

export function goStateExecuting(s: GoState): boolean {
  return s === GoState.Running || s === GoState.Syscall;
}

export function procStateExecuting(s: ProcState): boolean {
  return s === ProcState.Running;
}

export enum ResourceKind {
  None = 0,
  Goroutine = 1,
  Proc = 2,
  Thread = 3,
}

const RESOURCE_KIND_NAMES = ['None', 'Goroutine', 'Proc', 'Thread'];

export class ResourceID {
  constructor(
    readonly kind: ResourceKind,
    readonly id: I64 = 0,
  ) {}

  static goroutine(id: GoID): ResourceID {
    return new ResourceID(ResourceKind.Goroutine, id);
  }

  static proc(id: ProcID): ResourceID {
    return new ResourceID(ResourceKind.Proc, id);
  }

  static thread(id: ThreadID): ResourceID {
    return new ResourceID(ResourceKind.Thread, id);
  }

  /** A string usable as a Map key (kind and ID). */
  key(): string {
    return `${this.kind}:${dec(this.id)}`;
  }

  /** Go's ResourceID.String: "None", or "Goroutine(5)". */
  toString(): string {
    if (this.kind === ResourceKind.None) return 'None';
    return `${RESOURCE_KIND_NAMES[this.kind] ?? 'Bad'}(${dec(this.id)})`;
  }
}

export interface StackFrame {
  pc: U64;
  func: string;
  file: string;
  line: U64;
}

/**
 * A handle to a stack in a generation's table (Go's Stack). Equal handles mean equal frames.
 * `Stack.none` is Go's NoStack; a stack with ID 0 and a table is not NoStack (Go prints it as
 * an empty stack, e.g. the new goroutine's stack of a GoCreate).
 */
export class Stack {
  static readonly none = new Stack(null, 0);

  constructor(
    readonly table: EvTable | null,
    readonly id: U64,
  ) {}

  isNone(): boolean {
    return this.table === null && this.id === 0;
  }

  equals(o: Stack): boolean {
    return this.table === o.table && this.id === o.id;
  }

  /**
   * Whether the ID is in its table. The reader checks every event's stack IDs except a CPU
   * sample's (as Go does), so a damaged trace can give a sample a stack that does not exist.
   */
  exists(): boolean {
    return this.id === 0 || this.table === null || this.table.stacks.has(this.id);
  }

  /** Frames, leaf first; none for NoStack or a stack that does not exist. */
  frames(): StackFrame[] {
    if (this.id === 0 || this.table === null) return [];
    const t = this.table;
    const pcs = t.stacks.get(this.id);
    if (pcs === undefined) return [];
    return pcs.map((pc) => {
      const f = t.pcs.get(pc);
      if (f === undefined) return { pc: 0, func: '', file: '', line: 0 };
      // Go's Frames looks the names up with mustGet. A 1.22+ reader has checked them when it
      // read the generation; a Go 1.11–1.21 trace is not checked, and Go panics here.
      return { pc: f.pc, func: mustGetString(t, f.funcID), file: mustGetString(t, f.fileID), line: f.line };
    });
  }
}

function mustGetString(t: EvTable, id: U64): string {
  const s = t.strings.get(id);
  if (s === undefined) throw new GoPanic(`expected id ${dec(id)} in string table`);
  return s;
}

/** A state change of a goroutine or proc (Go's StateTransition). */
export interface StateTransition {
  resource: ResourceID;
  reason: string;
  stack: Stack;
  /** GoState or ProcState, by resource kind. */
  from: number;
  to: number;
}

export enum ValueKind {
  Bad = 0,
  Uint64 = 1,
  String = 2,
}

/** Go's trace.Value. */
export class Value {
  constructor(
    readonly kind: ValueKind,
    readonly uint64: U64 = 0,
    readonly str: string = '',
  ) {}

  static u64(x: U64): Value {
    return new Value(ValueKind.Uint64, x);
  }

  static string(s: string): Value {
    return new Value(ValueKind.String, 0, s);
  }

  toString(): string {
    if (this.kind === ValueKind.String) return this.str;
    if (this.kind === ValueKind.Uint64) return `Value{Uint64(${dec(this.uint64)})}`;
    return 'Value{Bad}';
  }
}

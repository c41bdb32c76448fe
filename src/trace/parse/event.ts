// The public event model, following Go's internal/trace/event.go: an Event is a wire-level
// base event (type, time, four argument slots) plus the scheduling context it happened in and
// the generation table that gives its IDs meaning. Kind-specific details are derived on demand,
// so reading a trace allocates one small object per event.

import { Ev, EXPERIMENT_NAMES, SPECS } from '../wire/specs';
import { GoPanic } from './errors';
import { type I64, lowByte, type Time, ticksToNs, type U64, u64ToI64 } from './int64';
import {
  GO_STATUS_TO_STATE,
  GoState,
  NO_TASK,
  PROC_STATUS_TO_STATE,
  ProcState,
  ResourceID,
  ResourceKind,
  Stack,
  type StateTransition,
  Value,
  type GoID,
  type ProcID,
  type TaskID,
  type ThreadID,
} from './resources';
import type { EvTable, ExperimentalBatch } from './tables';
import { EventKind, EV_SYNC, KIND } from './event-kind';

export { EventKind, EVENT_KIND_NAMES, EV_SYNC } from './event-kind';

export interface Metric {
  name: string;
  value: Value;
}
export interface Label {
  label: string;
  resource: ResourceID;
}
export interface Range {
  name: string;
  scope: ResourceID;
}
export interface RangeAttribute {
  name: string;
  value: Value;
}
export interface Task {
  id: TaskID;
  parent: TaskID;
  type: string;
}
export interface Region {
  task: TaskID;
  type: string;
}
export interface Log {
  task: TaskID;
  category: string;
  message: string;
}
/** Go's time.Unix(sec, nsec) arguments, as int64s. */
export interface WallTime {
  sec: I64;
  nsec: I64;
}
export interface ClockSnapshot {
  trace: Time;
  wall: WallTime;
  mono: U64;
}
export interface Sync {
  n: number;
  clockSnapshot: ClockSnapshot | null;
  experimentalBatches: Map<string, ExperimentalBatch[]>;
}
export interface ExperimentalEvent {
  name: string;
  experiment: string;
  args: readonly string[];
  argValue(i: number): Value;
}

function mustString(t: EvTable, id: U64): string {
  const s = t.strings.get(id);
  if (s === undefined) throw new GoPanic(`expected id ${id} in string table`);
  return s;
}

// A goroutine's or a P's transition, for TraceEvent.stateTransition: module functions, not
// closures made on every call (a busy trace's analyses ask for millions of transitions).
function go(id: GoID, from: GoState, to: GoState, stack = Stack.none, reason = ''): StateTransition {
  return { resource: ResourceID.goroutine(id), from, to, stack, reason };
}

function proc(id: ProcID, from: ProcState, to: ProcState): StateTransition {
  return { resource: ResourceID.proc(id), from, to, stack: Stack.none, reason: '' };
}

export class TraceEvent {
  // Declared, not initialised: with ES2022 class fields, a field initialiser (or a parameter
  // property) first defines the field as undefined, and V8 then keeps every field as a tagged
  // value. A time (past 2^31) stored into a tagged field is a new heap number: one allocation
  // per event, and a scavenge every ~100,000 events. Assigned only in the constructor, time
  // stays a double field (see the end of this file), which the reader overwrites in place.
  declare table: EvTable | null;
  declare g: GoID;
  declare p: ProcID;
  declare m: ThreadID;
  declare type: number;
  declare time: Time;
  declare a0: U64;
  declare a1: U64;
  declare a2: U64;
  declare a3: U64;

  constructor(table: EvTable | null, g: GoID, p: ProcID, m: ThreadID, type: number, time: Time, a0: U64 = 0, a1: U64 = 0, a2: U64 = 0, a3: U64 = 0) {
    this.table = table;
    this.g = g;
    this.p = p;
    this.m = m;
    this.type = type;
    this.time = time;
    this.a0 = a0;
    this.a1 = a1;
    this.a2 = a2;
    this.a3 = a3;
  }

  /** A copy that owns its fields (events handed to forEachEvent callbacks are reused). */
  clone(): TraceEvent {
    return new TraceEvent(this.table, this.g, this.p, this.m, this.type, this.time, this.a0, this.a1, this.a2, this.a3);
  }

  kind(): EventKind {
    return KIND[this.type];
  }

  /** The goroutine running when the event happened (before any transition it describes). */
  goroutine(): GoID {
    return this.g;
  }

  proc(): ProcID {
    return this.p;
  }

  thread(): ThreadID {
    return this.m;
  }

  arg(i: number): U64 {
    return i === 0 ? this.a0 : i === 1 ? this.a1 : i === 2 ? this.a2 : this.a3;
  }

  setArg(i: number, v: U64): void {
    if (i === 0) this.a0 = v;
    else if (i === 1) this.a1 = v;
    else if (i === 2) this.a2 = v;
    else this.a3 = v;
  }

  /** The stack of the current execution context (Go's Event.Stack). */
  stack(): Stack {
    if (this.type === Ev.CPUSample) return new Stack(this.table, this.a0);
    const id = this.stackId();
    return id === 0 ? Stack.none : new Stack(this.table, id);
  }

  /**
   * The ID in its generation's table of stack(), without making the Stack: 0 where stack() is
   * NoStack. (A CPU sample's stack 0 is not NoStack: ask stack() for one.)
   */
  stackId(): U64 {
    if (this.type === EV_SYNC) return 0;
    if (this.type === Ev.CPUSample) return this.a0;
    const ids = SPECS[this.type].stackIDs;
    return ids.length === 0 ? 0 : this.arg(ids[0] - 1);
  }

  metric(): Metric {
    this.expectKind(EventKind.Metric, 'Metric');
    switch (this.type) {
      case Ev.ProcsChange:
        return { name: '/sched/gomaxprocs:threads', value: Value.u64(this.a0) };
      case Ev.HeapAlloc:
        return { name: '/memory/classes/heap/objects:bytes', value: Value.u64(this.a0) };
      default:
        return { name: '/gc/heap/goal:bytes', value: Value.u64(this.a0) };
    }
  }

  label(): Label {
    this.expectKind(EventKind.Label, 'Label');
    return { label: mustString(this.table!, this.a0), resource: ResourceID.goroutine(this.g) };
  }

  range(): Range {
    const k = this.kind();
    if (k !== EventKind.RangeBegin && k !== EventKind.RangeActive && k !== EventKind.RangeEnd) {
      throw new GoPanic('Range called on non-Range event');
    }
    switch (this.type) {
      case Ev.STWBegin:
      case Ev.STWEnd:
        return {
          name: `stop-the-world (${mustString(this.table!, this.a0)})`,
          scope: ResourceID.goroutine(this.g),
        };
      case Ev.GCBegin:
      case Ev.GCActive:
      case Ev.GCEnd:
        return { name: 'GC concurrent mark phase', scope: new ResourceID(ResourceKind.None) };
      case Ev.GCSweepBegin:
      case Ev.GCSweepActive:
      case Ev.GCSweepEnd:
        return {
          name: 'GC incremental sweep',
          scope: ResourceID.proc(this.type === Ev.GCSweepActive ? u64ToI64(this.a0) : this.p),
        };
      default:
        return {
          name: 'GC mark assist',
          scope: ResourceID.goroutine(this.type === Ev.GCMarkAssistActive ? u64ToI64(this.a0) : this.g),
        };
    }
  }

  rangeAttributes(): RangeAttribute[] {
    this.expectKind(EventKind.RangeEnd, 'Range');
    if (this.type !== Ev.GCSweepEnd) return [];
    return [
      { name: 'bytes swept', value: Value.u64(this.a0) },
      { name: 'bytes reclaimed', value: Value.u64(this.a1) },
    ];
  }

  task(): Task {
    const k = this.kind();
    if (k !== EventKind.TaskBegin && k !== EventKind.TaskEnd) throw new GoPanic('Task called on non-Task event');
    if (this.type === Ev.UserTaskBegin) {
      return { id: this.a0, parent: this.a1, type: mustString(this.table!, this.a2) };
    }
    // UserTaskEnd: the ordering put the parent in a2 and the name (an extra string) in a3.
    return { id: this.a0, parent: this.a2, type: this.table!.getExtraString(this.a3 as number) };
  }

  region(): Region {
    const k = this.kind();
    if (k !== EventKind.RegionBegin && k !== EventKind.RegionEnd) throw new GoPanic('Region called on non-Region event');
    return { task: this.a0, type: mustString(this.table!, this.a1) };
  }

  log(): Log {
    this.expectKind(EventKind.Log, 'Log');
    return { task: this.a0, category: mustString(this.table!, this.a1), message: mustString(this.table!, this.a2) };
  }

  stateTransition(): StateTransition {
    this.expectKind(EventKind.StateTransition, 'StateTransition');
    switch (this.type) {
      case Ev.ProcStart:
        return proc(u64ToI64(this.a0), ProcState.Idle, ProcState.Running);
      case Ev.ProcStop:
        return proc(this.p, ProcState.Running, ProcState.Idle);
      case Ev.ProcSteal: {
        // The ordering stored the P's old status in a3; a steal of an abandoned P is Idle → Idle.
        const before = this.a3 === 4 ? ProcState.Idle : ProcState.Running;
        return proc(u64ToI64(this.a0), before, ProcState.Idle);
      }
      case Ev.ProcStatus: {
        const st = this.a1;
        if (typeof st !== 'number' || st >= PROC_STATUS_TO_STATE.length) {
          throw new GoPanic(`runtime error: index out of range [${st}] with length ${PROC_STATUS_TO_STATE.length}`);
        }
        return proc(u64ToI64(this.a0), lowByte(this.a2), PROC_STATUS_TO_STATE[st]);
      }
      case Ev.GoCreate:
      case Ev.GoCreateBlocked: {
        const to = this.type === Ev.GoCreateBlocked ? GoState.Waiting : GoState.Runnable;
        return go(u64ToI64(this.a0), GoState.NotExist, to, new Stack(this.table, this.a1));
      }
      case Ev.GoCreateSyscall:
        return go(u64ToI64(this.a0), GoState.NotExist, GoState.Syscall);
      case Ev.GoStart:
        return go(u64ToI64(this.a0), GoState.Runnable, GoState.Running);
      case Ev.GoDestroy:
        return go(this.g, GoState.Running, GoState.NotExist);
      case Ev.GoDestroySyscall:
        return go(this.g, GoState.Syscall, GoState.NotExist);
      case Ev.GoStop:
        return go(this.g, GoState.Running, GoState.Runnable, this.stack(), mustString(this.table!, this.a0));
      case Ev.GoBlock:
        return go(this.g, GoState.Running, GoState.Waiting, this.stack(), mustString(this.table!, this.a0));
      case Ev.GoUnblock:
      case Ev.GoSwitch:
      case Ev.GoSwitchDestroy:
        return go(u64ToI64(this.a0), GoState.Waiting, GoState.Runnable);
      case Ev.GoSyscallBegin:
        return go(this.g, GoState.Running, GoState.Syscall, this.stack());
      case Ev.GoSyscallEnd:
        return go(this.g, GoState.Syscall, GoState.Running);
      case Ev.GoSyscallEndBlocked:
        return go(this.g, GoState.Syscall, GoState.Runnable);
      default: {
        // GoStatus, GoStatusStack: the ordering packed old<<32 | new status into a2.
        const packed = this.a2 as number;
        const from = Math.floor(packed / 2 ** 32) % 256;
        const to = GO_STATUS_TO_STATE[packed % 2 ** 32];
        return go(u64ToI64(this.a0), from, to, this.stack());
      }
    }
  }

  sync(): Sync {
    this.expectKind(EventKind.Sync, 'Sync');
    const s: Sync = { n: this.a0 as number, clockSnapshot: null, experimentalBatches: new Map() };
    const t = this.table;
    if (t !== null) {
      if (t.expBatches) {
        for (const [exp, batches] of t.expBatches) s.experimentalBatches.set(EXPERIMENT_NAMES[exp] ?? '', batches);
      }
      if (t.hasClockSnapshot) {
        s.clockSnapshot = {
          trace: ticksToNs(t.freq, t.snapTime),
          wall: { sec: u64ToI64(t.snapSec), nsec: u64ToI64(t.snapNsec) },
          mono: t.snapMono,
        };
      }
    }
    return s;
  }

  experimental(): ExperimentalEvent {
    this.expectKind(EventKind.Experimental, 'Experimental');
    const spec = SPECS[this.type];
    const args = spec.args.slice(1);
    const values = [this.a0, this.a1, this.a2, this.a3];
    const table = this.table!;
    return {
      name: spec.name,
      experiment: EXPERIMENT_NAMES[spec.experiment] ?? '',
      args,
      argValue(i: number): Value {
        if (i < 0 || i >= args.length) {
          throw new GoPanic(`experimental event argument index ${i} out of bounds [0, ${args.length})`);
        }
        if (args[i].endsWith('string')) return Value.string(mustString(table, values[i]));
        return Value.u64(values[i]);
      },
    };
  }

  private expectKind(k: EventKind, what: string): void {
    if (this.kind() !== k) throw new GoPanic(`${what} called on non-${what} event`);
  }
}

/** The Sync event that opens generation n (1 is the first), or closes the trace, at time. */
export function syncEvent(table: EvTable | null, time: Time, n: number): TraceEvent {
  return new TraceEvent(table, -1, -1, -1, EV_SYNC, time, n);
}

// V8 gives each field of a class a representation from the values it has seen: small integers,
// doubles, or anything. A field that held only small integers and then gets a large one (a
// goroutine ID, a byte count) or a bigint changes the class's layout, and every piece of
// optimised code that read the field is thrown away, in the middle of the first trace a
// process reads. So the representations are settled once, here: times are doubles (always
// large numbers; a bigint time past 2^53 is rare), IDs and arguments may hold anything.
{
  const e = new TraceEvent(null, 0, 0, 0, 0, 0.5);
  e.g = e.p = e.m = e.a0 = e.a1 = e.a2 = e.a3 = 0n;
}

export { NO_TASK };

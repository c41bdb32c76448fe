// A goroutine state transition read straight from an event's fields, without the objects
// TraceEvent.stateTransition() makes (one per event would dominate a busy trace's parse). The
// cases follow event.ts (itself Go's internal/trace/event.go StateTransition); a test checks
// every event of every committed trace against stateTransition().

import { Ev } from '../../trace/wire/specs';
import type { TraceEvent } from '../../trace/parse/index';
import { u64ToI64 as importedU64ToI64 } from '../../trace/parse/int64';

const u64ToI64 = importedU64ToI64;

// Wire types as module constants: an imported enum read in a hot switch costs a property load
// per case.
const GO_CREATE = Ev.GoCreate;
const GO_CREATE_BLOCKED = Ev.GoCreateBlocked;
const GO_CREATE_SYSCALL = Ev.GoCreateSyscall;
const GO_START = Ev.GoStart;
const GO_DESTROY = Ev.GoDestroy;
const GO_DESTROY_SYSCALL = Ev.GoDestroySyscall;
const GO_STOP = Ev.GoStop;
const GO_BLOCK = Ev.GoBlock;
const GO_UNBLOCK = Ev.GoUnblock;
const GO_SWITCH = Ev.GoSwitch;
const GO_SWITCH_DESTROY = Ev.GoSwitchDestroy;
const GO_SYSCALL_BEGIN = Ev.GoSyscallBegin;
const GO_SYSCALL_END = Ev.GoSyscallEnd;
const GO_SYSCALL_END_BLOCKED = Ev.GoSyscallEndBlocked;
const GO_STATUS = Ev.GoStatus;
const GO_STATUS_STACK = Ev.GoStatusStack;

// GoState values (resources.ts), as numbers for the hot path.
const NOT_EXIST = 1;
const RUNNABLE = 2;
const RUNNING = 3;
const WAITING = 4;
const SYSCALL = 5;
/** Wire GoStatus → GoState (resources.ts GO_STATUS_TO_STATE). */
const STATUS_TO_STATE = [0, RUNNABLE, RUNNING, SYSCALL, WAITING];

export interface GoTransition {
  /** The goroutine whose state changes (Go ID). */
  goroutine: number | bigint;
  from: number;
  to: number;
  /** The event's stack ID in its generation's table (Event.Stack; 0 = NoStack). */
  eventStack: number | bigint;
  /**
   * The transition's stack (StateTransition.Stack): 'event' when it is the event's stack,
   * 'none' for NoStack, 'new' for a creation's new-goroutine stack (newStack; ID 0 is an
   * existing empty stack, not NoStack).
   */
  stackIs: 'event' | 'none' | 'new';
  newStack: number | bigint;
  /** String ID of the reason in the generation's table; 0 for none. */
  reason: number | bigint;
}

/** Fills t for a goroutine transition event; false if ev is not one. */
export function readGoTransition(ev: TraceEvent, t: GoTransition): boolean {
  t.eventStack = 0;
  t.stackIs = 'none';
  t.newStack = 0;
  t.reason = 0;
  switch (ev.type) {
    case GO_START:
      set(t, u64ToI64(ev.a0), RUNNABLE, RUNNING);
      return true;
    case GO_BLOCK:
    case GO_STOP:
      set(t, ev.g, RUNNING, ev.type === GO_STOP ? RUNNABLE : WAITING);
      t.eventStack = ev.a1;
      t.stackIs = 'event';
      t.reason = ev.a0;
      return true;
    case GO_UNBLOCK:
      set(t, u64ToI64(ev.a0), WAITING, RUNNABLE);
      t.eventStack = ev.a2;
      return true;
    case GO_SYSCALL_BEGIN:
      set(t, ev.g, RUNNING, SYSCALL);
      t.eventStack = ev.a1;
      t.stackIs = 'event';
      return true;
    case GO_SYSCALL_END:
      set(t, ev.g, SYSCALL, RUNNING);
      return true;
    case GO_CREATE:
    case GO_CREATE_BLOCKED:
      t.goroutine = u64ToI64(ev.a0);
      t.from = NOT_EXIST;
      t.to = ev.type === GO_CREATE_BLOCKED ? WAITING : RUNNABLE;
      t.eventStack = ev.a2;
      t.stackIs = 'new';
      t.newStack = ev.a1;
      return true;
    case GO_DESTROY:
      set(t, ev.g, RUNNING, NOT_EXIST);
      return true;
    case GO_CREATE_SYSCALL:
      set(t, u64ToI64(ev.a0), NOT_EXIST, SYSCALL);
      return true;
    case GO_DESTROY_SYSCALL:
      set(t, ev.g, SYSCALL, NOT_EXIST);
      return true;
    case GO_SWITCH:
    case GO_SWITCH_DESTROY:
      set(t, u64ToI64(ev.a0), WAITING, RUNNABLE);
      return true;
    case GO_SYSCALL_END_BLOCKED:
      set(t, ev.g, SYSCALL, RUNNABLE);
      return true;
    case GO_STATUS:
    case GO_STATUS_STACK: {
      // The ordering packed old << 32 | new wire status into a2 (event.ts).
      const packed = ev.a2 as number;
      set(t, u64ToI64(ev.a0), Math.floor(packed / 4294967296) % 256, STATUS_TO_STATE[packed % 4294967296]);
      if (ev.type === GO_STATUS_STACK) {
        t.eventStack = ev.a3;
        t.stackIs = 'event';
      }
      return true;
    }
    default:
      return false;
  }
}

function set(t: GoTransition, g: number | bigint, from: number, to: number): void {
  t.goroutine = g;
  t.from = from;
  t.to = to;
}

export function newGoTransition(): GoTransition {
  return { goroutine: 0, from: 0, to: 0, eventStack: 0, stackIs: 'none', newStack: 0, reason: 0 };
}

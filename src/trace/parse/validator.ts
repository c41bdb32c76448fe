// An independent check of a parsed event stream, following Go's
// internal/trace/testtrace/validation.go: it tracks its own view of goroutine, proc and thread
// states, ranges and tasks from the public Event API only, and reports anything inconsistent.
// The reader's own checks catch broken traces; this catches a reader that emits nonsense.

import { quoteGo } from '../go/string';
import { formatUnixGoString } from '../go/time';
import { dec, type I64, type Time, type U64 } from './int64';
import { EventKind, type ClockSnapshot, type Sync, type TraceEvent } from './event';
import {
  BACKGROUND_TASK,
  GoState,
  goStateExecuting,
  goStateString,
  NO_GOROUTINE,
  NO_PROC,
  NO_TASK,
  NO_THREAD,
  ProcState,
  procStateExecuting,
  procStateString,
  ResourceKind,
  type Stack,
  ValueKind,
} from './resources';

interface SchedContext {
  m: I64;
  p: I64;
  g: I64;
}

interface Tracked {
  state: number;
  binding: SchedContext | null;
}

const UNIX_ZERO_SEC = -62135596800;

export class Validator {
  private lastTs: Time = 0;
  private readonly gs = new Map<I64, Tracked>();
  private readonly ps = new Map<I64, Tracked>();
  private readonly ms = new Map<I64, SchedContext>();
  private readonly ranges = new Map<string, string[]>();
  private readonly tasks = new Map<U64, string>();
  private lastSync: Sync = { n: 0, clockSnapshot: null, experimentalBatches: new Map() };

  /** goVersion is the trace's header version (11, 19, 21, 22, 23, 25, 26). */
  constructor(readonly goVersion: number) {}

  /** Checks one event; returns the problems found (empty when it is consistent). */
  event(ev: TraceEvent): string[] {
    const errs: string[] = [];
    const t = ev.time;
    if (this.lastTs !== 0) {
      if (t <= this.lastTs) errs.push(`timestamp out-of-order (want > ${dec(this.lastTs)}) for event at ${dec(t)}`);
      else this.lastTs = t;
    } else {
      this.lastTs = t;
    }
    checkStack(errs, ev.stack());

    switch (ev.kind()) {
      case EventKind.Sync:
        this.sync(errs, ev.sync());
        break;
      case EventKind.Metric: {
        const m = ev.metric();
        if (!m.name.includes(':')) errs.push(`invalid metric name ${quoteGo(m.name)}`);
        if (m.value.kind === ValueKind.Bad) errs.push('invalid value');
        break;
      }
      case EventKind.Label: {
        const l = ev.label();
        if (l.label === '') errs.push(`invalid label ${quoteGo(l.label)}`);
        if (l.resource.kind === ResourceKind.None) errs.push('label resource none');
        const known =
          l.resource.kind === ResourceKind.Goroutine
            ? this.gs
            : l.resource.kind === ResourceKind.Proc
              ? this.ps
              : this.ms;
        if (l.resource.kind !== ResourceKind.None && !known.has(l.resource.id)) {
          const what = ['', 'goroutine', 'proc', 'thread'][l.resource.kind];
          errs.push(`label for invalid ${what} ${dec(l.resource.id)}`);
        }
        break;
      }
      case EventKind.StateTransition:
        this.transition(errs, ev);
        break;
      case EventKind.RangeBegin:
      case EventKind.RangeActive:
      case EventKind.RangeEnd: {
        const r = ev.range();
        const key = r.scope.key();
        const active = this.ranges.get(key)?.includes(r.name) ?? false;
        if (ev.kind() === EventKind.RangeBegin) {
          if (active) errs.push(`already active range ${quoteGo(r.name)} on ${r.scope} begun again`);
          this.addRange(key, r.name);
        } else if (ev.kind() === EventKind.RangeActive) {
          if (!active) this.addRange(key, r.name);
        } else {
          if (!active) errs.push(`inactive range ${quoteGo(r.name)} on ${r.scope} ended`);
          const list = this.ranges.get(key);
          const i = list ? list.indexOf(r.name) : -1;
          if (i >= 0) list!.splice(i, 1);
        }
        break;
      }
      case EventKind.TaskBegin: {
        const task = ev.task();
        if (task.id === NO_TASK || task.id === BACKGROUND_TASK) errs.push(`found invalid task ID for task of type ${task.type}`);
        if (task.parent === BACKGROUND_TASK) errs.push(`found background task as the parent for task of type ${task.type}`);
        this.tasks.set(task.id, task.type);
        break;
      }
      case EventKind.TaskEnd: {
        const task = ev.task();
        const typ = this.tasks.get(task.id);
        if (typ !== undefined) {
          if (task.type !== typ) {
            errs.push(
              `task end type ${quoteGo(task.type)} doesn't match task start type ${quoteGo(typ)} for task ${dec(task.id)}`,
            );
          }
          this.tasks.delete(task.id);
        }
        break;
      }
      case EventKind.Log:
        ev.log();
        break;
    }
    return errs;
  }

  private sync(errs: string[], s: Sync): void {
    if (s.n !== this.lastSync.n + 1) errs.push(`sync count is not sequential: expected ${this.lastSync.n + 1}, got ${s.n}`);
    if (this.goVersion >= 25 && !(s.n > 1 && s.clockSnapshot === null)) {
      const c = s.clockSnapshot;
      if (c === null) {
        errs.push(`sync ${s.n} has no clock snapshot`);
      } else {
        if (wallIsZero(c)) errs.push(`sync ${s.n} has zero wall time`);
        if (c.mono === 0) errs.push(`sync ${s.n} has zero mono time`);
        if (c.trace === 0) errs.push(`sync ${s.n} has zero trace time`);
        const last = this.lastSync.clockSnapshot;
        if (s.n >= 2 && last !== null) {
          if (!(wallCompare(c, last) > 0)) {
            errs.push(`sync ${s.n} has non-increasing wall time: ${wallString(c)} vs ${wallString(last)}`);
          }
          if (!(c.mono > last.mono)) errs.push(`sync ${s.n} has non-increasing mono time: ${dec(c.mono)} vs ${dec(last.mono)}`);
          if (!(c.trace > last.trace)) {
            errs.push(`sync ${s.n} has non-increasing trace time: ${dec(c.trace)} vs ${dec(last.trace)}`);
          }
        }
      }
    }
    this.lastSync = s;
  }

  private transition(errs: string[], ev: TraceEvent): void {
    const tr = ev.stateTransition();
    checkStack(errs, tr.stack);
    const isG = tr.resource.kind === ResourceKind.Goroutine;
    if (!isG && tr.resource.kind !== ResourceKind.Proc) return;
    const id = tr.resource.id;
    const what = isG ? 'goroutine' : 'proc';
    const name = isG ? goStateString : procStateString;
    const undetermined = isG ? GoState.Undetermined : ProcState.Undetermined;
    const notExist = isG ? GoState.NotExist : ProcState.NotExist;
    const executing = (st: number) => (isG ? goStateExecuting(st as GoState) : procStateExecuting(st as ProcState));
    const { from, to } = tr;
    if (to === undetermined) errs.push(`transition to undetermined state for ${what} ${dec(id)}`);
    if (this.lastSync.n > 1 && from === undetermined) errs.push(`undetermined ${what} ${dec(id)} after first global sync`);
    if (to === notExist && (this.ranges.get(tr.resource.key())?.length ?? 0) !== 0) {
      errs.push(`${what} ${dec(id)} died with active ranges`);
    }
    const table = isG ? this.gs : this.ps;
    let state = table.get(id);
    if (state !== undefined) {
      if (from !== state.state) errs.push(`bad old state for ${what} ${dec(id)}: got ${name(from)}, want ${name(state.state)}`);
      state.state = to;
    } else {
      if (from !== undetermined && from !== notExist) errs.push(`bad old state for unregistered ${what} ${dec(id)}: ${name(from)}`);
      state = { state: to, binding: null };
      table.set(id, state);
    }
    if (executing(to)) {
      // Go 1.11–1.21 traces do not say which thread a goroutine already in a syscall is on.
      const lenient = isG && this.goVersion < 22 && from === GoState.Undetermined && to === GoState.Syscall;
      const ctx = this.thread(errs, ev.thread(), lenient);
      if (ctx !== null) {
        const cur = isG ? ctx.g : ctx.p;
        const none = isG ? NO_GOROUTINE : NO_PROC;
        if (cur !== none && cur !== id) {
          errs.push(`tried to run ${what} ${dec(id)} when one was already executing (${dec(cur)}) on thread ${dec(ev.thread())}`);
        }
        if (isG) ctx.g = id;
        else ctx.p = id;
        state.binding = ctx;
      }
    } else if (executing(from) && !executing(to)) {
      if (isG && !tr.stack.equals(ev.stack())) errs.push("StateTransition.Stack doesn't match Event.Stack");
      const ctx = state.binding;
      if (ctx !== null) {
        const cur = isG ? ctx.g : ctx.p;
        if (cur !== id) {
          const on = isG ? ev.thread() : ctx.m;
          errs.push(`tried to stop ${what} ${dec(id)} when it wasn't currently executing (currently executing ${dec(cur)}) on thread ${dec(on)}`);
        }
        if (isG) ctx.g = NO_GOROUTINE;
        else ctx.p = NO_PROC;
        state.binding = null;
      } else {
        errs.push(`stopping ${what} ${dec(id)} not bound to any active context`);
      }
    }
  }

  private thread(errs: string[], m: I64, lenient = false): SchedContext | null {
    if (m === NO_THREAD && !lenient) {
      errs.push('must have thread, but thread ID is none');
      return null;
    }
    let s = this.ms.get(m);
    if (s === undefined) {
      s = { m, p: NO_PROC, g: NO_GOROUTINE };
      this.ms.set(m, s);
    }
    return s;
  }

  private addRange(key: string, name: string): void {
    const list = this.ranges.get(key);
    if (list) list.push(name);
    else this.ranges.set(key, [name]);
  }
}

function checkStack(errs: string[], stk: Stack): void {
  stk.frames().forEach((f, i) => {
    if (i === 0) return;
    if (f.func === '' || f.file === '' || f.pc === 0 || f.line === 0) {
      errs.push(
        `invalid stack frame trace.StackFrame{PC:0x${f.pc.toString(16)}, Func:${quoteGo(f.func)}, File:${quoteGo(f.file)}, Line:0x${f.line.toString(16)}}: missing information`,
      );
    }
  });
}

/** Normalised (sec, nsec) of Go's time.Unix, as bigints, for comparisons. */
function wall(c: ClockSnapshot): [bigint, bigint] {
  let sec = BigInt(c.wall.sec);
  let nsec = BigInt(c.wall.nsec);
  const n = nsec / 1_000_000_000n;
  sec += n;
  nsec -= n * 1_000_000_000n;
  if (nsec < 0n) {
    nsec += 1_000_000_000n;
    sec -= 1n;
  }
  return [sec, nsec];
}

const wallString = (c: ClockSnapshot) => formatUnixGoString(c.wall.sec, c.wall.nsec);

function wallIsZero(c: ClockSnapshot): boolean {
  const [s, n] = wall(c);
  return s === BigInt(UNIX_ZERO_SEC) && n === 0n;
}

function wallCompare(a: ClockSnapshot, b: ClockSnapshot): number {
  const [as, an] = wall(a);
  const [bs, bn] = wall(b);
  return as !== bs ? (as < bs ? -1 : 1) : an < bn ? -1 : an > bn ? 1 : 0;
}


// What Go's MutatorUtilizationV2 (internal/trace/gc.go) reads of a trace, kept in the event
// pass so the utilization can be computed later for any set of options without the events:
// syncs, GOMAXPROCS changes, GC stop-the-world, sweep and mark-assist ranges, GC worker labels,
// and the state changes of goroutines that assist or mark. Go's function also looks at every
// other event's time (each one re-records the current utilization); that matters only for the
// first event at a new time after a change, which is kept as a "tick". The log therefore grows
// with GC activity, not with the trace.

import { EventKind, GoState, ResourceKind, type GoID, type TraceEvent } from '../../trace/parse/index';
import type { EventSink } from '../event-pass';
import { TraceClock } from '../trace-time';
import { transitionOf } from '../transition-memo';
import { GoroutineStates } from '../goroutine-states';
import { IdMap } from '../id-map';

export const enum Op {
  Sync = 0,
  Procs = 1,
  RangeBegin = 2,
  RangeActive = 3,
  RangeEnd = 4,
  Trans = 5,
  Label = 6,
  Tick = 7,
}

export const enum RangeKind {
  Stw = 0,
  Sweep = 1,
  Assist = 2,
}

/**
 * The log, in columns: a busy trace logs millions of entries (most of them ticks), and five
 * JS arrays of boxed numbers kept 40 bytes an entry; these keep 9 bytes a tick and 33 for the
 * rest, every number exact (a damaged trace's huge P or count reads as it did). Entry i has
 * op[i] and time[i]; every entry but a tick also has the next row of a, b and c (the replay
 * keeps its own cursor into them).
 */
export interface MmuLog {
  /** Entries. */
  readonly length: number;
  readonly op: Uint8Array;
  readonly time: Float64Array;
  /** Sync: n. Procs: n. Range*: kind, + 8 when (RangeActive) the event's goroutine was executing. Trans: 1 if it starts executing, -1 if it stops. Label: 1 for a dedicated worker. */
  readonly a: Float64Array;
  /** Range*, Trans, Label: the event's P (-1 none). */
  readonly b: Float64Array;
  /** Range*: the scope goroutine or -1. Trans/Label: the goroutine. A goroutine ID past 2^53 is NaN here and kept in bigC by its row. */
  readonly c: Float64Array;
  readonly bigC: ReadonlyMap<number, bigint>;
  /** Time of the last event of the trace; null when there was none. */
  readonly lastTime: number | null;
}

/** Row j of c as the goroutine ID (or -1) it was logged with. */
export function logGoroutine(log: MmuLog, j: number): number | bigint {
  const x = log.c[j];
  return x === x ? x : log.bigC.get(j)!;
}

/** The growing columns behind an MmuLog. */
class Columns {
  length = 0;
  rows = 0;
  op = new Uint8Array(1024);
  time = new Float64Array(1024);
  a = new Float64Array(256);
  b = new Float64Array(256);
  c = new Float64Array(256);
  readonly bigC = new Map<number, bigint>();
  lastTime: number | null = null;

  push(op: Op, t: number): void {
    if (this.length === this.op.length) {
      this.op = grow(this.op, new Uint8Array(this.op.length * 2));
      this.time = grow(this.time, new Float64Array(this.time.length * 2));
    }
    this.op[this.length] = op;
    this.time[this.length++] = t;
  }

  args(a: number, b: number, c: number | bigint): void {
    if (this.rows === this.a.length) {
      this.a = grow(this.a, new Float64Array(this.a.length * 2));
      this.b = grow(this.b, new Float64Array(this.b.length * 2));
      this.c = grow(this.c, new Float64Array(this.c.length * 2));
    }
    const j = this.rows++;
    this.a[j] = a;
    this.b[j] = b;
    if (typeof c === 'number') this.c[j] = c;
    else {
      this.c[j] = Number.NaN;
      this.bigC.set(j, c);
    }
  }

  /** The columns cut to their length (the spare capacity is let go). */
  done(): MmuLog {
    const n = this.rows;
    return { length: this.length, op: this.op.slice(0, this.length), time: this.time.slice(0, this.length), a: this.a.slice(0, n), b: this.b.slice(0, n), c: this.c.slice(0, n), bigC: this.bigC, lastTime: this.lastTime };
  }
}

function grow<T extends Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function isGCSTW(name: string): boolean {
  return name.startsWith('stop-the-world') && name.includes('GC');
}

function rangeKind(name: string): RangeKind | -1 {
  if (isGCSTW(name)) return RangeKind.Stw;
  if (name === 'GC incremental sweep') return RangeKind.Sweep;
  if (name === 'GC mark assist') return RangeKind.Assist;
  return -1;
}

const executing = (s: number) => s === GoState.Running || s === GoState.Syscall;

export class MmuLogSink implements EventSink {
  readonly clock = new TraceClock();
  private readonly log = new Columns();
  /** Go ignores everything before the first GOMAXPROCS metric. */
  private procsKnown = false;
  private readonly states = new GoroutineStates();
  /** Goroutines that could be "in GC" for some option set (assist ranges, GC worker labels). */
  private readonly gcGoroutines = new IdMap<true>();
  private tickAfter: number | null = null;

  private push(op: Op, t: number, a = 0, b = -1, c: number | bigint = -1): void {
    this.log.push(op, t);
    this.log.args(a, b, c);
    this.tickAfter = t;
  }

  /** The log of the pass (call once, after it). */
  finish(): MmuLog {
    return this.log.done();
  }

  event(ev: TraceEvent): void {
    const t = this.clock.rel(ev.time);
    this.log.lastTime = t;
    if (this.tickAfter !== null && t !== this.tickAfter) {
      // The first event at a new time after a change: Go records the utilization again here.
      this.log.push(Op.Tick, t);
      this.tickAfter = null;
    }
    const kind = ev.kind();
    if (kind === EventKind.Sync) this.push(Op.Sync, t, ev.sync().n);
    else if (kind === EventKind.Metric) {
      const m = ev.metric();
      if (m.name === '/sched/gomaxprocs:threads') {
        const n = Number(m.value.uint64);
        this.push(Op.Procs, t, n);
        if (n > 0) this.procsKnown = true;
      }
    }
    if (!this.procsKnown) return;
    switch (kind) {
      case EventKind.RangeBegin:
      case EventKind.RangeActive:
      case EventKind.RangeEnd: {
        const r = ev.range();
        const rk = rangeKind(r.name);
        if (rk === -1) return;
        const scope = r.scope.kind === ResourceKind.Goroutine ? r.scope.id : -1;
        const op = kind === EventKind.RangeBegin ? Op.RangeBegin : kind === EventKind.RangeActive ? Op.RangeActive : Op.RangeEnd;
        if (rk === RangeKind.Assist && scope !== -1) this.gcGoroutines.set(scope, true);
        // For an active range Go asks whether the event's goroutine is executing (bit 8).
        const exec = op === Op.RangeActive && executing(this.states.get(ev.g)) ? 8 : 0;
        this.push(op, t, rk | exec, Number(ev.p), scope);
        return;
      }
      case EventKind.StateTransition: {
        const st = transitionOf(ev);
        if (st.resource.kind !== ResourceKind.Goroutine) return;
        const g = st.resource.id;
        this.states.set(g, st.to);
        if (!this.gcGoroutines.has(g)) return;
        const was = executing(st.from);
        const now = executing(st.to);
        if (was !== now) this.push(Op.Trans, t, now ? 1 : -1, Number(ev.p), g);
        return;
      }
      case EventKind.Label: {
        const l = ev.label().label;
        if (!l.startsWith('GC ') || l === 'GC (idle)') return;
        this.gcGoroutines.set(ev.g, true);
        this.push(Op.Label, t, l === 'GC (dedicated)' ? 1 : 0, Number(ev.p), ev.g);
        return;
      }
    }
  }
}

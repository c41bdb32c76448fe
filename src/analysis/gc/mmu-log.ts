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

/** One entry: op, time (ns since the first event), then up to three op-specific numbers. */
export interface MmuLog {
  op: number[];
  time: number[];
  /** Sync: n. Procs: n. Range*: kind, + 8 when (RangeActive) the event's goroutine was executing. Trans: 1 if it starts executing, -1 if it stops. Label: 1 for a dedicated worker. */
  a: number[];
  /** Range*, Trans, Label: the event's P (-1 none). */
  b: number[];
  /** Range*: the scope goroutine or -1. Trans/Label: the goroutine. */
  c: (number | bigint)[];
  /** Time of the last event of the trace; null when there was none. */
  lastTime: number | null;
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
  readonly log: MmuLog = { op: [], time: [], a: [], b: [], c: [], lastTime: null };
  /** Go ignores everything before the first GOMAXPROCS metric. */
  private procsKnown = false;
  private readonly states = new Map<GoID, number>();
  /** Goroutines that could be "in GC" for some option set (assist ranges, GC worker labels). */
  private readonly gcGoroutines = new Set<GoID>();
  private tickAfter: number | null = null;

  private push(op: Op, t: number, a = 0, b = -1, c: number | bigint = -1): void {
    const l = this.log;
    l.op.push(op);
    l.time.push(t);
    l.a.push(a);
    l.b.push(b);
    l.c.push(c);
    if (op !== Op.Tick) this.tickAfter = t;
  }

  event(ev: TraceEvent): void {
    const t = this.clock.rel(ev.time);
    this.log.lastTime = t;
    if (this.tickAfter !== null && t !== this.tickAfter) {
      // The first event at a new time after a change: Go records the utilization again here.
      this.push(Op.Tick, t);
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
        if (rk === RangeKind.Assist && scope !== -1) this.gcGoroutines.add(scope);
        // For an active range Go asks whether the event's goroutine is executing (bit 8).
        const exec = op === Op.RangeActive && executing(this.states.get(ev.g) ?? 0) ? 8 : 0;
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
        this.gcGoroutines.add(ev.g);
        this.push(Op.Label, t, l === 'GC (dedicated)' ? 1 : 0, Number(ev.p), ev.g);
        return;
      }
    }
  }
}

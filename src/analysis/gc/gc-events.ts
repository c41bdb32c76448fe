// GC cycles (the concurrent mark phase), stop-the-world pauses with their reasons, and the
// heap over time (live heap and heap goal), from the event pass. Bounded: at most MAX_ROWS
// cycles and pauses are kept (the rest are counted), and each heap series is thinned to at
// most MAX_POINTS points by keeping the larger of each neighbouring pair.

import { EventKind, type GoID, type TraceEvent } from '../../trace/parse/index';
import type { EventSink } from '../event-pass';
import { TraceClock } from '../trace-time';

export const MAX_ROWS = 100_000;
export const MAX_POINTS = 4_000;

export interface GcCycle {
  n: number;
  /** null when the cycle was already running when the trace began. */
  startNs: number | null;
  /** null when it was still running at the end. */
  endNs: number | null;
}

export interface StwPause {
  reason: string;
  startNs: number;
  endNs: number | null;
  /** The goroutine that stopped the world. */
  g: GoID;
}

export interface HeapPoint {
  timeNs: number;
  bytes: number;
}

export interface GcSummary {
  cycles: GcCycle[];
  pauses: StwPause[];
  dropped: number;
  heap: HeapPoint[];
  goal: HeapPoint[];
  endNs: number;
}

const STW = 'stop-the-world (';

export class GcSink implements EventSink {
  readonly clock = new TraceClock();
  private readonly s: GcSummary = { cycles: [], pauses: [], dropped: 0, heap: [], goal: [], endNs: 0 };
  private open: GcCycle | null = null;
  private openPause = new Map<GoID, StwPause>();
  private stride = { heap: 1, goal: 1 };
  private skip = { heap: 0, goal: 0 };

  event(ev: TraceEvent): void {
    this.clock.see(ev.time);
    const k = ev.kind();
    if (k !== EventKind.RangeBegin && k !== EventKind.RangeActive && k !== EventKind.RangeEnd && k !== EventKind.Metric) return;
    const t = this.clock.rel(ev.time);
    this.s.endNs = t;
    if (k === EventKind.Metric) {
      const m = ev.metric();
      if (m.name === '/memory/classes/heap/objects:bytes') this.point('heap', t, Number(m.value.uint64));
      else if (m.name === '/gc/heap/goal:bytes') this.point('goal', t, Number(m.value.uint64));
      return;
    }
    const r = ev.range();
    if (r.name === 'GC concurrent mark phase') {
      if (k === EventKind.RangeEnd) {
        if (this.open) this.open.endNs = t;
        this.open = null;
      } else if (this.open === null) {
        this.open = { n: this.s.cycles.length + this.s.dropped + 1, startNs: k === EventKind.RangeBegin ? t : null, endNs: null };
        this.keep(this.s.cycles, this.open);
      }
    } else if (r.name.startsWith(STW)) {
      if (k === EventKind.RangeBegin) {
        const p: StwPause = { reason: r.name.slice(STW.length, -1), startNs: t, endNs: null, g: ev.g };
        this.openPause.set(ev.g, p);
        this.keep(this.s.pauses, p);
      } else if (k === EventKind.RangeEnd) {
        const p = this.openPause.get(ev.g);
        if (p) p.endNs = t;
        this.openPause.delete(ev.g);
      }
    }
  }

  private keep<T>(list: T[], x: T): void {
    if (list.length < MAX_ROWS) list.push(x);
    else this.s.dropped++;
  }

  private point(which: 'heap' | 'goal', timeNs: number, bytes: number): void {
    if (this.skip[which] > 0) {
      this.skip[which]--;
      const last = this.s[which][this.s[which].length - 1];
      if (bytes > last.bytes) this.s[which][this.s[which].length - 1] = { timeNs, bytes };
      return;
    }
    const pts = this.s[which];
    pts.push({ timeNs, bytes });
    this.skip[which] = this.stride[which] - 1;
    if (pts.length >= MAX_POINTS) {
      // Halve: keep the larger of each pair, and take every other new point from now on.
      const thin: HeapPoint[] = [];
      for (let i = 0; i < pts.length; i += 2) thin.push(i + 1 < pts.length && pts[i + 1].bytes > pts[i].bytes ? pts[i + 1] : pts[i]);
      this.s[which] = thin;
      this.stride[which] *= 2;
    }
  }

  finish(): GcSummary {
    return this.s;
  }
}

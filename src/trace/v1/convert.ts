// Converting the old format's events to the events of the current model, as Go's reader does
// for Go 1.11–1.21 traces (internal/trace/tracev1.go, traceV1Converter). The whole trace is one
// generation with one table. This file holds the converter's state and its next(): events an
// earlier conversion queued come first, and times are made to increase strictly. The tables
// are built in convert-strings.ts (Go's init), each event converted in convert-event.ts (Go's
// convertEvent).

import { GoPanic } from '../parse/errors';
import type { TraceEvent } from '../parse/event';
import { i64Add, type I64, type U64 } from '../parse/int64';
import { EvTable } from '../parse/tables';
import { newEvent, type V1Event } from './batches';
import { convertEvent } from './convert-event';
import { initTable } from './convert-strings';
import { GoMapOrder } from './go-map';
import type { V1Trace } from './parse';
import { V1 } from '../wire/v1-specs';

interface TaskState {
  name: string;
  parentID: U64;
}

/** Go's traceV1Converter: next() gives the converted events in order, null at the end. */
export class V1Converter {
  readonly table = new EvTable();
  /** Time of the last event given out; the first and last Sync are placed from it. */
  lastTs: I64 = -1;
  /**
   * The time of the old-format event the last event was converted from (a syscall's 1 ns end,
   * say, has its begin's). Old events of equal time can come out of Go in either order (see
   * merge.ts, go-map.ts), so comparisons with Go's runs group events by it.
   */
  sourceTime: I64 = 0;
  private k = 0;

  // The state below is read and written by convertEvent (convert-event.ts) only.
  preInit = true;
  createdPreInit: GoMapOrder<U64> | null = new GoMapOrder();
  readonly extra: TraceEvent[] = [];
  extraHead = 0;
  readonly tasks = new Map<U64, TaskState>();
  readonly seenProcs = new Set<number>();
  readonly procMs = new Map<number, I64>();
  lastStwReason: U64 = 0;
  readonly inlineToStringID: U64[];
  private readonly builtinToStringID: U64[];
  private nextSameG: Int32Array | null = null;
  readonly ev: V1Event = newEvent(0, 0, 0);
  readonly args: U64[] = [0, 0, 0, 0];

  constructor(readonly trace: V1Trace) {
    // Go ignores the error init returns: on "too many strings" the ID lists stay empty, and
    // the first event that needs one panics (an index out of range), as Go's would.
    const ids = initTable(trace, this.table);
    this.inlineToStringID = ids.inline;
    this.builtinToStringID = ids.builtin;
  }

  /** Events still to convert (Go's Events.Len after the pops). */
  get remaining(): number {
    return this.trace.order.length - this.k;
  }

  /** The time of the first event not yet converted (Go's Events.Peek), or null. */
  peekTime(): I64 | null {
    return this.k < this.trace.order.length ? this.trace.events.ts(this.trace.order[this.k]) : null;
  }

  /**
   * The next converted event, or null at the end. `out` receives it when given (events queued
   * by an earlier conversion come as their own objects).
   */
  next(out: TraceEvent | null): TraceEvent | null {
    for (;;) {
      let ev: TraceEvent | null;
      if (this.extraHead < this.extra.length) {
        ev = this.extra[this.extraHead++];
        if (this.extraHead === this.extra.length) {
          this.extra.length = 0;
          this.extraHead = 0;
        }
      } else {
        if (this.k >= this.trace.order.length) return null;
        ev = convertEvent(this, this.k++, out);
        if (ev === null) continue; // Go's errSkip
      }
      // Times must increase strictly; the GoStatus events made here share one time.
      if (ev.time <= this.lastTs) ev.time = i64Add(this.lastTs, 1);
      this.lastTs = ev.time;
      return ev;
    }
  }

  /** The string ID of the converter's string with S_* code c (convert-strings.ts). */
  builtin(c: number): U64 {
    const id = this.builtinToStringID[c];
    if (id === undefined) throw new GoPanic(`runtime error: index out of range [${c}] with length 0`);
    return id;
  }

  /** Go's it.procMs[p]: the thread last seen starting P p, 0 (not NoThread) when none. */
  procM(p: number): I64 {
    return this.procMs.get(p) ?? 0;
  }

  /** Whether the next event (in trace order) of the goroutine of event k is a GoSysBlock. */
  nextEventBlocks(k: number): boolean {
    if (this.nextSameG === null) this.nextSameG = nextOfSameG(this.trace);
    const j = this.nextSameG[k];
    return j >= 0 && this.trace.events.type(this.trace.order[j]) === V1.GoSysBlock;
  }
}

/**
 * For each position in trace order, the position of the next event of the same goroutine
 * (-1 for none). Go scans ahead on every GoSysCall, which a crafted trace can make quadratic.
 */
function nextOfSameG(t: V1Trace): Int32Array {
  const n = t.order.length;
  const next = new Int32Array(n);
  const seen = new Map<U64, number>();
  for (let k = n - 1; k >= 0; k--) {
    const g = t.events.g(t.order[k]);
    next[k] = seen.get(g) ?? -1;
    seen.set(g, k);
  }
  return next;
}

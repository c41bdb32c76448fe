// Reading a whole Go 1.11–1.21 trace into ordered, checked events, as Go's tracev1.Parse does
// (internal/trace/internal/tracev1/parser.go, parse and the end of parseEventBatches): find
// the batches, merge them, check that time never goes back, give each syscall exit its real
// time and re-sort stably, convert ticks to nanoseconds from the first event, move timer and
// syscall-exit events to their fake Ps, then the consistency pass.
//
// The old format has no generations: Go materialises the whole trace before its first event,
// and so do we. Memory is bounded by the event count, which the first pass knows before
// anything per event is allocated; past MAX_V1_EVENTS we refuse the trace (Go has no limit).

import { TraceError } from '../parse/errors';
import { floatToI64, i64Add, type I64, toFloat, u64ToI64, type U64 } from '../parse/int64';
import type { Frame } from '../parse/tables';
import { BatchParser, TIME_ORDER } from './batches';
import { BYTES_PER_EVENT, EventStore } from './event-store';
import { mergeBatches } from './merge';
import { postProcess } from './post-process';
import { V1 } from '../wire/v1-specs';
import { SYSCALL_P, TIMER_P } from './specs';

/** The most events we read from one old-format trace (about 950 MB of event columns). */
export const MAX_V1_EVENTS = 1 << 24;

/** Go's tracev1.Trace. */
export interface V1Trace {
  readonly version: number;
  readonly events: EventStore;
  /** Store indices in trace order. */
  readonly order: Uint32Array;
  readonly strings: Map<U64, string>;
  readonly inlineStrings: string[];
  readonly stacks: Map<number, U64[]>;
  readonly pcs: Map<U64, Frame>;
}

/**
 * Parses the body (the bytes after the header). Throws TraceError with Go's message; past
 * `limit` events, with ours.
 */
export function parseV1(body: Uint8Array, version: number, limit = MAX_V1_EVENTS): V1Trace {
  const parser = new BatchParser(body, version);
  parser.collect();
  if (parser.records > limit) {
    const mb = Math.round((parser.records * BYTES_PER_EVENT) / 1e6);
    throw new TraceError(
      `trace too large: this Go 1.11–1.21 trace has up to ${parser.records} events (about ${mb} MB in memory); Flightdeck reads at most ${limit}`,
      'damaged',
    );
  }
  const store = new EventStore(parser.records);
  mergeBatches(parser, (ev) => store.push(ev));
  const n = store.length;

  // A consistent order whose times go back means the clocks cannot be trusted.
  for (let i = n - 1; i > 0; i--) if (store.tsLess(i, i - 1)) throw new TraceError(TIME_ORDER);

  // A syscall exit's real time (its third argument) was taken before the event was written.
  const lastSysBlock = new Map<U64, I64>();
  const moved: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = store.type(i);
    if (t === V1.GoSysBlock || t === V1.GoInSyscall) {
      lastSysBlock.set(store.g(i), store.ts(i));
    } else if (t === V1.GoSysExit) {
      const ts = u64ToI64(store.arg(i, 2));
      if (ts === 0) continue;
      const block = lastSysBlock.get(store.g(i)) ?? 0;
      if (block === 0) throw new TraceError('stray syscall exit');
      if (ts < block) throw new TraceError(TIME_ORDER);
      store.setTs(i, ts);
      moved.push(i);
    }
  }
  const order = stableOrder(store, moved);

  if (parser.ticksPerSec === 0) throw new TraceError('no EvFrequency event');

  if (n > 0) {
    // Ticks to nanoseconds since the first event, in float64 as Go does (no int64 overflow).
    const minTs = store.ts(order[0]);
    const freq = 1e9 / toFloat(parser.ticksPerSec);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      store.setTs(i, nanos(store.ts(i), minTs, freq));
      const t = store.type(i);
      if (t === V1.GoUnblock && parser.timerGoids.has(store.g(i))) store.setP(i, TIMER_P);
      if (t === V1.GoSysExit) store.setP(i, SYSCALL_P);
    }
  }

  postProcess(store, order, parser.stacks);
  return {
    version,
    events: store,
    order,
    strings: parser.strings,
    inlineStrings: parser.inlineStrings,
    stacks: parser.stacks,
    pcs: parser.pcs,
  };
}

/** Timestamp(float64(ts-minTs) * freq), with int64 wraparound and amd64's float conversion. */
function nanos(ts: I64, minTs: I64, freq: number): I64 {
  if (typeof ts === 'number' && typeof minTs === 'number') {
    const d = ts - minTs;
    if (d <= Number.MAX_SAFE_INTEGER && d >= -Number.MAX_SAFE_INTEGER) return floatToI64(d * freq);
  }
  const d = i64Add(ts, typeof minTs === 'number' ? -minTs : -minTs);
  return floatToI64(toFloat(d) * freq);
}

/**
 * The order sort.Stable leaves the events in after the syscall exits got new times: the
 * others are still sorted, so this is a merge of them with the moved ones (sorted by time,
 * ties by position), ties between the two lists also by position.
 */
function stableOrder(store: EventStore, moved: number[]): Uint32Array {
  const n = store.length;
  const order = new Uint32Array(n);
  if (moved.length === 0) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  const before = (a: number, b: number) => store.tsLess(a, b) || (!store.tsLess(b, a) && a < b);
  moved.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const isMoved = new Uint8Array(n);
  for (const i of moved) isMoved[i] = 1;
  let k = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (isMoved[i]) continue;
    while (m < moved.length && before(moved[m], i)) order[k++] = moved[m++];
    order[k++] = i;
  }
  while (m < moved.length) order[k++] = moved[m++];
  return order;
}

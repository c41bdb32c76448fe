// Traces made byte by byte for the browser tests: valid Go 1.26 traces shaped to push one
// part of the page to its limit (a count of eight digits or more). Each is checked in Node
// by the same reader the page uses before it is opened there.

import { Ev } from '../src/trace/wire/specs';
import { encodeUvarint } from '../src/trace/wire/varint';
import { headerBytes } from '../src/trace/wire/version';

const NONE = 2n ** 64n - 1n;
/** Events per batch: 3 bytes each, well under Go's 64 KiB batch limit. */
const PER_BATCH = 20_000;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function batch(m: bigint | number, time: number, payload: Uint8Array): Uint8Array {
  return concat([Uint8Array.of(Ev.EventBatch), encodeUvarint(1), encodeUvarint(m), encodeUvarint(time), encodeUvarint(payload.length), payload]);
}

/**
 * One generation in which a running P reports the heap size `count` times (HeapAlloc, a
 * Metric event of three bytes): "Events by kind" shows Metric with a count of `count`.
 */
export function manyMetrics(count: number): Uint8Array {
  const parts: Uint8Array[] = [headerBytes(26)];
  parts.push(
    batch(NONE, 100, concat([
      Uint8Array.of(Ev.Sync),
      Uint8Array.of(Ev.Frequency), encodeUvarint(1_000_000_000),
      Uint8Array.of(Ev.ClockSnapshot), encodeUvarint(1), encodeUvarint(1000), encodeUvarint(1_700_000_000), encodeUvarint(0),
    ])),
  );
  const metric = Uint8Array.of(Ev.HeapAlloc, 1, 5);
  let time = 200;
  for (let left = count, first = true; left > 0; first = false) {
    const n = Math.min(PER_BATCH, left);
    const head = first ? Uint8Array.of(Ev.ProcStatus, 1, 0, 1) : new Uint8Array(0);
    const payload = new Uint8Array(head.length + n * metric.length);
    payload.set(head);
    for (let i = 0; i < n; i++) payload.set(metric, head.length + i * metric.length);
    parts.push(batch(1, time, payload));
    time += n + 10;
    left -= n;
  }
  parts.push(batch(NONE, time, Uint8Array.of(Ev.Stacks)));
  parts.push(batch(NONE, time + 1, Uint8Array.of(Ev.Strings)));
  parts.push(Uint8Array.of(Ev.EndOfGeneration));
  return concat(parts);
}

// Test support for the runtime's and the recorder's tests (imported by *.test.ts only):
// tracing a simulated runtime into one byte array, and walking the top-level records of
// the result with the wire reader (trace/wire/batch.ts, Go's internal/trace/batch.go), so
// tests check the runtime's framing without a hand-made varint loop of their own.

import { readBatch } from '../trace/wire/batch';
import { Ev } from '../trace/wire/specs';
import { HEADER_SIZE } from '../trace/wire/version';
import type { SimulatedRuntime } from './simulated-runtime';

export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * Traces rt for `seconds` of simulated time from its current time and returns what the
 * reader was given. dropEndOfGeneration leaves out the one-byte end-of-generation signals
 * the tracer gives its reader at each boundary: only the Go 1.26 format keeps them in a
 * trace file.
 */
export function recordTrace(rt: SimulatedRuntime, seconds: number, dropEndOfGeneration: boolean): Uint8Array {
  const chunks: Uint8Array[] = [];
  const err = rt.startTrace({
    chunk: (b) => {
      if (!(dropEndOfGeneration && b.length === 1 && b[0] === Ev.EndOfGeneration)) chunks.push(b);
    },
  });
  if (err !== null) throw new Error(err);
  rt.advanceBy(seconds * 1e9);
  rt.stopTrace();
  return concatChunks(chunks);
}

/** One top-level record: bytes [offset, end), with its generation (0 for an end-of-generation signal). */
export interface TraceRecord {
  offset: number;
  end: number;
  gen: number;
  endOfGeneration: boolean;
}

/** The records after the header, in order; throws (Go's message) on damaged framing. */
export function traceRecords(bytes: Uint8Array): TraceRecord[] {
  const out: TraceRecord[] = [];
  let pos = HEADER_SIZE;
  for (let r = readBatch(bytes, pos); r !== null; r = readBatch(bytes, pos)) {
    const b = r.batch;
    out.push({ offset: b.offset, end: r.next, gen: Number(b.gen), endOfGeneration: b.isEndOfGeneration });
    pos = r.next;
  }
  return out;
}

// Reading a trace fed in random pieces, for the streamed-reader tests: the events (as rows of
// every field), the error, and the reader's offsets, to compare with reading the whole
// buffer. Test support: imported by tests only.

import { ChunkedInput } from '../wire/chunked-input';
import { TraceReader } from './reader';
import { type Row, rower } from './read-compare';
import { headerReady } from './generation-feed';

export interface ReadOutcome {
  rows: Row[];
  error: string | null;
  offset: number;
  validOffset: number;
}

/** Chunk sizes mixing single bytes, a few bytes, and up to ~96 KiB (past a whole batch). */
export function chunkSizes(rand: () => number): () => number {
  return () => {
    const k = rand();
    if (k < 0.2) return 1 + Math.floor(rand() * 3);
    if (k < 0.6) return 1 + Math.floor(rand() * 200);
    return 1 + Math.floor(rand() * 96 * 1024);
  };
}

/** The whole buffer through forEachEvent, with the reader's offsets at the end. */
export function readWhole(bytes: Uint8Array, maxGenerationBytes?: number): ReadOutcome {
  const rows: Row[] = [];
  const row = rower();
  let r: TraceReader;
  try {
    r = new TraceReader(bytes, maxGenerationBytes);
  } catch (e) {
    return { rows, error: String(e), offset: 0, validOffset: 0 };
  }
  let error: string | null = null;
  try {
    r.forEachEvent((ev) => rows.push(row(ev)));
  } catch (e) {
    error = String(e);
  }
  return { rows, error, offset: r.offset, validOffset: r.validOffset };
}

/**
 * The same bytes pushed into a ChunkedInput in pieces of size(), read with forEachEvent
 * stopping every max() events (or readEvent one at a time, with useReadEvent).
 */
export function readChunked(bytes: Uint8Array, size: () => number, max: () => number, useReadEvent = false): ReadOutcome {
  const input = new ChunkedInput();
  let pos = 0;
  const feed = () => {
    if (pos >= bytes.length) {
      input.end();
      return;
    }
    const n = Math.min(size(), bytes.length - pos);
    input.push(bytes.slice(pos, pos + n));
    pos += n;
  };
  while (!headerReady(input)) feed();
  const rows: Row[] = [];
  const row = rower();
  let r: TraceReader;
  try {
    r = new TraceReader(input);
  } catch (e) {
    return { rows, error: String(e), offset: 0, validOffset: 0 };
  }
  let error: string | null = null;
  try {
    for (let guard = 0; ; guard++) {
      if (guard > 100_000_000) throw new Error('the streamed reader made no progress');
      let done: boolean;
      if (useReadEvent) {
        const ev = r.readEvent();
        if (ev !== null) rows.push(row(ev));
        done = ev === null && !r.wantsInput;
      } else {
        done = r.forEachEvent((ev) => rows.push(row(ev)), max());
      }
      if (done) break;
      if (r.wantsInput) {
        if (input.ended) throw new Error('the reader wants input after the end');
        feed();
      }
    }
  } catch (e) {
    error = String(e);
  }
  return { rows, error, offset: r.offset, validOffset: r.validOffset };
}

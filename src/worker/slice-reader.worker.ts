// Reads for the worker that started it, and hands each piece over, transferred: byte ranges of
// a Blob, and the inflated pieces of a gzip Blob; and walks a Blob for its wire summary.
// Reading a Blob costs the reading thread many small tasks (the bytes arrive through a data
// pipe in pieces), and inflating costs it the inflate; done here, on a thread of its own,
// neither stalls the parse, which only gets one message per piece.

import { concatChunks } from '../trace/wire/chunked-input';
import { inflateHere, type Inflating } from './inflate';
import type { SliceReply, SliceRequest } from './slice-protocol';
import { inspectHere, type Inspecting } from './inspect-blob';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SliceRequest>) => void) | null;
  postMessage(msg: SliceReply, transfer?: Transferable[]): void;
};

/** Inflated bytes gathered into each reply: fewer, larger messages. */
const PIECE = 1 << 20;

/** An open stream: its requests are answered one after another, in order. */
interface Stream {
  inflating: Inflating;
  queue: Promise<void>;
  /** The fault after the last piece sent: told at the next request. */
  fault: string | null;
}

const streams = new Map<number, Stream>();
/** Walks under way, by stream number (a cancel names it). */
const walks = new Map<number, Inspecting>();

scope.onmessage = (e) => {
  const req = e.data;
  switch (req.kind) {
    case 'slice':
      void slice(req.seq, req.blob, req.start, req.end);
      return;
    case 'inspect':
      void inspect(req.seq, req.stream, req.blob, req.gzip);
      return;
    case 'cancel':
      streams.get(req.stream)?.inflating.cancel();
      streams.delete(req.stream);
      walks.get(req.stream)?.cancel();
      return;
    case 'inflate': {
      let s = streams.get(req.stream);
      if (s === undefined) streams.set(req.stream, (s = { inflating: inflateHere(req.blob), queue: Promise.resolve(), fault: null }));
      const open = s;
      open.queue = open.queue.then(() => inflated(req.seq, req.stream, open));
    }
  }
};

async function slice(seq: number, blob: Blob, start: number, end: number): Promise<void> {
  try {
    const bytes = await blob.slice(start, end).arrayBuffer();
    scope.postMessage({ seq, bytes }, [bytes]);
  } catch (err) {
    scope.postMessage({ seq, error: message(err) });
  }
}

async function inspect(seq: number, stream: number, blob: Blob, gzip: boolean): Promise<void> {
  try {
    // Inside the try: a request that is not a Blob's is answered with why, never left hanging.
    const walk = inspectHere(blob, gzip);
    walks.set(stream, walk);
    scope.postMessage({ seq, inspected: await walk.done });
  } catch (err) {
    scope.postMessage({ seq, error: message(err) });
  } finally {
    walks.delete(stream);
  }
}

async function inflated(seq: number, stream: number, s: Stream): Promise<void> {
  if (s.fault !== null) {
    streams.delete(stream);
    scope.postMessage({ seq, error: s.fault });
    return;
  }
  const parts: Uint8Array[] = [];
  let n = 0;
  try {
    while (n < PIECE) {
      const c = await s.inflating.next();
      if (c === null) break;
      parts.push(c);
      n += c.length;
    }
  } catch (err) {
    // What came out before the fault is sent first: the reader keeps every generation in it.
    if (parts.length === 0) {
      streams.delete(stream);
      scope.postMessage({ seq, error: message(err) });
      return;
    }
    s.fault = message(err);
  }
  if (parts.length === 0) {
    streams.delete(stream);
    scope.postMessage({ seq, bytes: null });
    return;
  }
  // The whole buffer is transferred: a piece that is a view into a larger one is copied.
  let piece = concatChunks(parts);
  if (piece.byteOffset !== 0 || piece.byteLength !== piece.buffer.byteLength) piece = piece.slice();
  const bytes = piece.buffer as ArrayBuffer;
  scope.postMessage({ seq, bytes }, [bytes]);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// Where a worker's Blob reads (and a gzip Blob's inflating) happen (blob-source.ts): in a
// slice-reader worker of its own where a worker can start one (slice-reader.worker.ts), else
// on the calling thread. One slice reader serves every pass of the worker that started it, and
// stays for the next trace.
// A slice reader that fails to start, or breaks, is dropped: its reads in flight and every
// later one are made on the calling thread instead, so a read is never lost to it (a gzip
// stream it was inflating ends with an error: the pass keeps what it read).

import { inflateHere, type Inflating } from './inflate';
import type { Inspected, SliceReply, SliceRequest } from './slice-protocol';
import type { Inspecting } from './inspect-blob';

/** The bytes of blob from start to end. */
export type ReadSlice = (blob: Blob, start: number, end: number) => Promise<Uint8Array>;

/** A read on the calling thread. */
export const readHere: ReadSlice = (blob, start, end) =>
  blob
    .slice(start, end)
    .arrayBuffer()
    .then((b) => new Uint8Array(b));

/** What a request is answered with. */
type Answer = Uint8Array | null | Inspected;

interface Pending {
  resolve(answer: Answer): void;
  reject(err: Error): void;
  /** What to do instead if the slice reader breaks first. */
  instead(): Promise<Answer>;
}

class SliceReader {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private streams = 0;
  broken = false;

  constructor() {
    this.worker = new Worker(new URL('./slice-reader.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<SliceReply>) => this.reply(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.break();
    };
  }

  read(blob: Blob, start: number, end: number): Promise<Uint8Array> {
    const seq = this.seq++;
    return this.ask(seq, { kind: 'slice', seq, blob, start, end }, () => readHere(blob, start, end)) as Promise<Uint8Array>;
  }

  /** The Blob's wire summary, walked in the slice reader; `instead` walks it if that breaks. */
  inspect(blob: Blob, gzip: boolean, instead: () => Inspecting): Inspecting {
    const seq = this.seq++;
    const stream = this.streams++;
    let fallback: Inspecting | null = null;
    const done = this.ask(seq, { kind: 'inspect', seq, stream, blob, gzip }, () => (fallback = instead()).done) as Promise<Inspected>;
    return {
      done,
      cancel: () => {
        fallback?.cancel();
        if (!this.broken) this.worker.postMessage({ kind: 'cancel', stream } satisfies SliceRequest);
      },
    };
  }

  /** A gzip Blob inflated in the slice reader. */
  inflate(blob: Blob): Inflating {
    const stream = this.streams++;
    return {
      next: () => {
        const seq = this.seq++;
        // A stream cannot be taken up here from where it was: a broken reader ends it.
        return this.ask(seq, { kind: 'inflate', seq, stream, blob }, () => Promise.reject(new Error('the file reader stopped'))) as Promise<Uint8Array | null>;
      },
      cancel: () => {
        if (!this.broken) this.worker.postMessage({ kind: 'cancel', stream } satisfies SliceRequest);
      },
    };
  }

  private ask(seq: number, req: SliceRequest, instead: () => Promise<Answer>): Promise<Answer> {
    if (this.broken) return instead();
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, instead });
      this.worker.postMessage(req);
    });
  }

  private reply(r: SliceReply): void {
    const p = this.pending.get(r.seq);
    if (p === undefined) return;
    this.pending.delete(r.seq);
    if ('bytes' in r) p.resolve(r.bytes === null ? null : new Uint8Array(r.bytes));
    else if ('inspected' in r) p.resolve(r.inspected);
    else p.reject(new Error(r.error));
  }

  /** The worker failed: its requests in flight are answered here instead. */
  private break(): void {
    this.broken = true;
    this.worker.terminate();
    for (const p of this.pending.values()) p.instead().then(p.resolve, p.reject);
    this.pending.clear();
  }
}

/** This thread's slice reader; 'here' once one could not be had (reads then stay here). */
let shared: SliceReader | 'here' | null = null;

/**
 * Reads through this thread's slice reader, started on first use; on the calling thread where
 * workers cannot be started (Node) or the slice reader broke.
 */
export const readSlice: ReadSlice = (blob, start, end) => {
  const r = startSliceReader();
  if (r === 'here' || r.broken) return readHere(blob, start, end);
  return r.read(blob, start, end);
};

/** A gzip Blob inflated by this thread's slice reader, or here where there is none. */
export function inflateSlices(blob: Blob): Inflating {
  const r = startSliceReader();
  if (r === 'here' || r.broken) return inflateHere(blob);
  return r.inflate(blob);
}

/**
 * A Blob's wire summary, walked by this thread's slice reader (its reads and inflating then
 * take none of this thread's time); by `here` where there is none or it broke.
 */
export function inspectSlices(blob: Blob, gzip: boolean, here: () => Inspecting): Inspecting {
  const r = startSliceReader();
  if (r === 'here' || r.broken) return here();
  return r.inspect(blob, gzip, here);
}

/** Starts this thread's slice reader ahead of the first read (its code loads meanwhile). */
export function startSliceReader(): SliceReader | 'here' {
  if (shared === null) {
    try {
      shared = typeof Worker === 'undefined' ? 'here' : new SliceReader();
    } catch {
      shared = 'here';
    }
  }
  return shared;
}

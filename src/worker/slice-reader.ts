// Where a worker's Blob reads happen (blob-source.ts): in a slice-reader worker of its own
// where a worker can start one (slice-reader.worker.ts), else on the calling thread. One slice
// reader serves every pass of the worker that started it, and stays for the next trace.
// A slice reader that fails to start, or breaks, is dropped: its reads in flight and every
// later one are made on the calling thread instead, so a read is never lost to it.

import type { SliceReply, SliceRequest } from './slice-protocol';

/** The bytes of blob from start to end. */
export type ReadSlice = (blob: Blob, start: number, end: number) => Promise<Uint8Array>;

/** A read on the calling thread. */
export const readHere: ReadSlice = (blob, start, end) =>
  blob
    .slice(start, end)
    .arrayBuffer()
    .then((b) => new Uint8Array(b));

interface Pending {
  req: SliceRequest;
  resolve(bytes: Uint8Array): void;
  reject(err: Error): void;
}

class SliceReader {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
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
    const req: SliceRequest = { seq: this.seq++, blob, start, end };
    return new Promise((resolve, reject) => {
      this.pending.set(req.seq, { req, resolve, reject });
      this.worker.postMessage(req);
    });
  }

  private reply(r: SliceReply): void {
    const p = this.pending.get(r.seq);
    if (p === undefined) return;
    this.pending.delete(r.seq);
    if ('bytes' in r) p.resolve(new Uint8Array(r.bytes));
    else p.reject(new Error(r.error));
  }

  /** The worker failed: its reads in flight are made here instead. */
  private break(): void {
    this.broken = true;
    this.worker.terminate();
    for (const p of this.pending.values()) readHere(p.req.blob, p.req.start, p.req.end).then(p.resolve, p.reject);
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

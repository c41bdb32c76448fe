// The main-thread side of the parse worker: one lazily started worker, a promise per
// request, and a count of requests in flight (the app's idle signal reads it).

import type { ParseReply, ParseRequest, WireSummary } from './parse-protocol';

export interface Inspected {
  readonly summary: WireSummary;
  readonly byteLength: number;
}

type Pending = { resolve(v: Inspected): void; reject(e: Error): void };

export class ParseClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly onPendingChange: (n: number) => void = () => {}) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Inspects the bytes in the worker; the buffer is transferred and unusable afterwards. */
  inspect(bytes: ArrayBuffer): Promise<Inspected> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const req: ParseRequest = { id, kind: 'inspect', bytes };
    const p = new Promise<Inspected>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.onPendingChange(this.pending.size);
    worker.postMessage(req, [bytes]);
    return p;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ParseReply>) => this.settle(e.data);
    // A crashed worker fails every request in flight and is replaced on next use.
    w.onerror = (e) => {
      e.preventDefault();
      this.failAll(new Error(`the parse worker stopped: ${e.message || 'unknown error'}`));
      w.terminate();
      this.worker = null;
    };
    this.worker = w;
    return w;
  }

  private settle(reply: ParseReply): void {
    const p = this.pending.get(reply.id);
    if (!p) throw new Error(`parse worker replied to unknown request ${reply.id}`);
    this.pending.delete(reply.id);
    this.onPendingChange(this.pending.size);
    if (reply.kind === 'inspected') p.resolve({ summary: reply.summary, byteLength: reply.byteLength });
    else p.reject(new Error(reply.message));
  }

  private failAll(err: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    this.onPendingChange(0);
    for (const p of all) p.reject(err);
  }
}

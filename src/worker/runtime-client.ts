// The main-thread side of the runtime worker: one lazily started worker, a promise per
// request (resolved with the reply, typed error replies included), and event listeners.

import { isReply, type RuntimeEvent, type RuntimeReply, type RuntimeRequest, type RuntimeWorkerMessage } from './protocol';

/** A request without its id: the client numbers requests itself. */
export type RequestBody = RuntimeRequest extends infer R ? (R extends RuntimeRequest ? Omit<R, 'id'> : never) : never;

/** What the client needs from a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

type Pending = (r: RuntimeReply) => void;

export class RuntimeClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(ev: RuntimeEvent) => void>();

  constructor(private readonly makeWorker: () => WorkerLike = defaultWorker) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Sends a request; resolves with its reply (an `error` reply is a resolution, not a rejection). */
  request(body: RequestBody): Promise<RuntimeReply> {
    const w = this.ensure();
    const id = this.nextId++;
    const p = new Promise<RuntimeReply>((resolve) => this.pending.set(id, resolve));
    w.postMessage({ ...body, id });
    return p;
  }

  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(fn: (ev: RuntimeEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  start(opts: Omit<Extract<RequestBody, { kind: 'runtime.start' }>, 'kind'> = {}): Promise<RuntimeReply> {
    return this.request({ kind: 'runtime.start', ...opts });
  }

  stop(): Promise<RuntimeReply> {
    return this.request({ kind: 'runtime.stop' });
  }

  startRecorder(maxBytes?: number, minAgeMs?: number): Promise<RuntimeReply> {
    return this.request({ kind: 'recorder.start', maxBytes, minAgeMs });
  }

  stopRecorder(): Promise<RuntimeReply> {
    return this.request({ kind: 'recorder.stop' });
  }

  snapshot(): Promise<RuntimeReply> {
    return this.request({ kind: 'snapshot' });
  }

  startFullTrace(): Promise<RuntimeReply> {
    return this.request({ kind: 'trace.start' });
  }

  stopFullTrace(): Promise<RuntimeReply> {
    return this.request({ kind: 'trace.stop' });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll('the runtime worker was closed');
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.makeWorker();
    w.onmessage = (e: MessageEvent) => this.receive(e.data as RuntimeWorkerMessage);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      this.failAll(`the runtime worker stopped: ${e.message || 'unknown error'}`);
      w.terminate();
      this.worker = null;
    };
    this.worker = w;
    return w;
  }

  private receive(m: RuntimeWorkerMessage): void {
    if (isReply(m)) {
      const p = this.pending.get(m.id);
      if (p === undefined) return;
      this.pending.delete(m.id);
      p(m);
      return;
    }
    for (const fn of this.listeners) fn(m);
  }

  private failAll(message: string): void {
    const all = [...this.pending.entries()];
    this.pending.clear();
    for (const [id, p] of all) p({ id, kind: 'error', code: 'internal', message });
  }
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./runtime.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

// The main-thread side of the parse worker: one lazily started worker, a record per request
// in flight, and a count of them (the app's idle signal reads it). An open yields two results
// at different times: the wire summary (fast) and Go's parser summary (after the whole file).

import type {
  AnalysisAnswer,
  AnalysisOverview,
  AnalysisQuery,
  FileKind,
  ParseFailure,
  ParseProgress,
  ParseReply,
  ParseRequest,
  TraceSummary,
  WireSummary,
} from './parse-protocol';
import { isTerminal } from './parse-protocol';
import type { TimelineChunk, TimelineLoss } from '../analysis/timeline/chunk';

export interface Inspected {
  readonly summary: WireSummary;
  readonly byteLength: number;
  /** What the file is instead, when its header is not a readable Go trace's. */
  readonly fileKind: FileKind | null;
}

/** A failure reply as an Error the caller can tell apart from a trace fault. */
export class ParseWorkerError extends Error {
  constructor(readonly failure: ParseFailure) {
    super(failure.message);
    this.name = 'ParseWorkerError';
  }
}

/** One open in flight: the two results as promises, and a way to stop the second. */
export interface OpenHandle {
  readonly id: number;
  readonly wire: Promise<Inspected>;
  /** Go's parser summary; null when cancelled. */
  readonly parsed: Promise<TraceSummary | null>;
  cancel(): void;
}

interface Pending {
  readonly parse: boolean;
  /** The analyses' overview, or null when there will be none (cancelled or failed). */
  onAnalysis?(o: AnalysisOverview | null): void;
  onAnswer?(a: AnalysisAnswer): void;
  /** How much of the trace the analyses have read, 0 to 1. */
  onAnalysisProgress?(fraction: number): void;
  onWire(v: Inspected): void;
  onProgress(p: ParseProgress): void;
  onParsed(s: TraceSummary | null): void;
  onFail(e: Error): void;
}

/** Receives the timeline model's chunks of an open (by its request id) as they arrive. */
export interface TimelineListener {
  chunk(id: number, chunk: TimelineChunk): void;
  end(id: number, loss: TimelineLoss | null): void;
  /** The worker broke before the model's end: what came so far is all there is. */
  broke(id: number, message: string): void;
}

export class ParseClient {
  private worker: Worker | null = null;
  /** Where 'timeline' replies go (the page's timeline state). */
  timeline: TimelineListener | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly onPendingChange: (n: number) => void = () => {}) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  /** The wire summary only; an ArrayBuffer is transferred and unusable afterwards, a Blob is not. */
  inspect(bytes: Blob | ArrayBuffer): Promise<Inspected> {
    let resolveWire!: (v: Inspected) => void;
    let rejectWire!: (e: Error) => void;
    const wire = new Promise<Inspected>((res, rej) => ((resolveWire = res), (rejectWire = rej)));
    this.send(bytes, false, false, { parse: false, onWire: resolveWire, onProgress: () => {}, onParsed: () => {}, onFail: rejectWire });
    return wire;
  }

  /**
   * The wire summary, then Go's parser over the whole file, with progress. A Blob (a File)
   * is read by the worker in slices; an ArrayBuffer is transferred. If the wire step fails,
   * both promises reject.
   */
  open(
    bytes: Blob | ArrayBuffer,
    onProgress: (p: ParseProgress) => void = () => {},
    onAnalysis: (o: AnalysisOverview | null) => void = () => {},
    timelineFirst = false,
    onAnalysisProgress: (fraction: number) => void = () => {},
  ): OpenHandle {
    let resolveWire!: (v: Inspected) => void;
    let rejectWire!: (e: Error) => void;
    let resolveParsed!: (v: TraceSummary | null) => void;
    let rejectParsed!: (e: Error) => void;
    let gotWire = false;
    const wire = new Promise<Inspected>((res, rej) => ((resolveWire = res), (rejectWire = rej)));
    const parsed = new Promise<TraceSummary | null>((res, rej) => ((resolveParsed = res), (rejectParsed = rej)));
    // A caller that only awaits one of them must not see an unhandled rejection of the other.
    wire.catch(() => {});
    parsed.catch(() => {});
    const id = this.send(bytes, true, timelineFirst, {
      parse: true,
      onWire: (v) => ((gotWire = true), resolveWire(v)),
      onProgress,
      onAnalysis,
      onAnalysisProgress,
      onParsed: resolveParsed,
      onFail: (e) => {
        if (!gotWire) rejectWire(e);
        rejectParsed(e);
        onAnalysis(null);
      },
    });
    return {
      id,
      wire,
      parsed,
      cancel: () => {
        const p = this.pending.get(id);
        if (!p || !this.worker) return;
        if (this.pending.size === 1) {
          // Only this request uses the worker: end the worker itself. A cancel message waits
          // for the next chunk boundary, and the wire summary or the first generation of a
          // large file is one long synchronous step; terminating stops it at once and frees
          // the file's buffer. The next request starts a fresh worker.
          this.worker.terminate();
          this.worker = null;
          this.pending.delete(id);
          this.onPendingChange(this.pending.size);
          if (!gotWire) rejectWire(new ParseWorkerError({ code: 'cancelled', message: 'cancelled' }));
          resolveParsed(null);
          onAnalysis(null);
          return;
        }
        const req: ParseRequest = { id: this.nextId++, kind: 'cancel', target: id };
        this.worker.postMessage(req);
      },
    };
  }

  /**
   * Asks the worker about the analysis of the trace an open (target: its id) parsed. Rejects
   * with a ParseWorkerError when the worker no longer holds that trace.
   */
  query(target: number, query: AnalysisQuery): Promise<AnalysisAnswer> {
    return new Promise((resolve, reject) => {
      if (!this.worker) {
        reject(new ParseWorkerError({ code: 'internal', message: 'the trace is no longer open in the worker' }));
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, { parse: false, onAnswer: resolve, onWire: () => {}, onProgress: () => {}, onParsed: () => {}, onFail: reject });
      this.onPendingChange(this.pending.size);
      const req: ParseRequest = { id, kind: 'query', target, query };
      this.worker.postMessage(req);
    });
  }

  /**
   * Starts the worker ahead of the first open, so picking a file does not also wait for the
   * worker's code to load and compile.
   */
  warm(): void {
    this.ensureWorker();
  }

  private send(bytes: Blob | ArrayBuffer, parse: boolean, timelineFirst: boolean, p: Pending): number {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const req: ParseRequest = { id, kind: 'inspect', bytes, parse, ...(timelineFirst ? { timelineFirst } : {}) };
    this.pending.set(id, p);
    this.onPendingChange(this.pending.size);
    worker.postMessage(req, bytes instanceof ArrayBuffer ? [bytes] : []);
    return id;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ParseReply>) => this.settle(e.data);
    // A crashed worker fails every request in flight and is replaced on next use.
    w.onerror = (e) => {
      e.preventDefault();
      this.failAll(new ParseWorkerError({ code: 'internal', message: `the parse worker stopped: ${e.message || 'unknown error'}` }));
      w.terminate();
      this.worker = null;
    };
    this.worker = w;
    return w;
  }

  private settle(reply: ParseReply): void {
    const p = this.pending.get(reply.id);
    if (!p) throw new Error(`parse worker replied to unknown request ${reply.id}`);
    if (isTerminal(reply, p.parse)) {
      this.pending.delete(reply.id);
      this.onPendingChange(this.pending.size);
    }
    switch (reply.kind) {
      case 'inspected':
        p.onWire({ summary: reply.summary, byteLength: reply.byteLength, fileKind: reply.fileKind ?? null });
        break;
      case 'progress':
        p.onProgress(reply.progress);
        break;
      case 'analysis-progress':
        p.onAnalysisProgress?.(reply.byteLength > 0 ? Math.min(1, reply.bytesRead / reply.byteLength) : 0);
        break;
      case 'timeline':
        this.timeline?.chunk(reply.id, reply.chunk);
        break;
      case 'timeline-end':
        this.timeline?.end(reply.id, reply.loss);
        break;
      case 'analysis':
        p.onAnalysis?.(reply.overview);
        break;
      case 'parsed':
        p.onParsed(reply.summary);
        break;
      case 'answer':
        p.onAnswer?.(reply.answer);
        break;
      case 'cancelled':
        p.onParsed(null);
        p.onAnalysis?.(null);
        break;
      case 'failed':
        this.timeline?.broke(reply.id, reply.error.message);
        p.onFail(new ParseWorkerError(reply.error));
        break;
    }
  }

  private failAll(err: Error): void {
    const all = [...this.pending.values()];
    for (const id of this.pending.keys()) this.timeline?.broke(id, err.message);
    this.pending.clear();
    this.onPendingChange(0);
    for (const p of all) p.onFail(err);
  }
}

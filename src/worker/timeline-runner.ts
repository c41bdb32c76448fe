// The parse worker's side of the timeline worker: starts one per open (a spare loaded ahead),
// forwards its chunks to the page, and settles when the model is complete (or the worker broke,
// or the open was cancelled). A broken timeline worker is a loss on the timeline, not a failed
// open: the verdict and the analyses still stand.

import type { TimelineChunk, TimelineLoss } from '../analysis/timeline/chunk';
import type { TimelineReply, TimelineRequest } from './timeline-protocol';

export interface TimelineOutput {
  chunk(chunk: TimelineChunk): void;
  end(loss: TimelineLoss | null): void;
}

/**
 * A timeline worker started ahead of the next open, its code loaded and compiled while nothing
 * else runs, so a trace's first timeline frame does not wait for that. `broken` is set if it
 * failed to load (its error fired before any run listened): it is then not used.
 */
let spare: { worker: Worker; broken: boolean } | null = null;

function newTimelineWorker(): Worker {
  return new Worker(new URL('./timeline.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts a spare timeline worker if there is none (the next run takes it). */
export function warmTimelineWorker(): void {
  if (spare !== null) return;
  const s = { worker: newTimelineWorker(), broken: false };
  s.worker.onerror = (e) => {
    e.preventDefault();
    s.broken = true;
  };
  spare = s;
}

/** The spare worker if it loaded, else a new one. */
function takeTimelineWorker(): Worker {
  const s = spare;
  spare = null;
  if (s === null) return newTimelineWorker();
  if (!s.broken) return s.worker;
  s.worker.terminate();
  return newTimelineWorker();
}

export class TimelineRun {
  private readonly worker: Worker;
  /** Generations forwarded (chunks are sent only once their generation is complete). */
  private sent = 0;
  private finished = false;
  private keptUntilNs = 0;
  private settle: () => void = () => {};
  /** Resolves once 'end' was forwarded, or the run was cancelled. */
  readonly done: Promise<void>;

  /** Starts modelling the trace in `blob` (structured-cloned: no bytes are copied). */
  constructor(blob: Blob, gzip: boolean, private readonly out: TimelineOutput) {
    this.done = new Promise((resolve) => (this.settle = resolve));
    this.worker = takeTimelineWorker();
    this.worker.onmessage = (e: MessageEvent<TimelineReply>) => this.reply(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.broke(e.message || 'unknown error');
    };
    const req: TimelineRequest = { blob, gzip };
    this.worker.postMessage(req);
  }

  /** Stops the model where it is; nothing more is forwarded. */
  cancel(): void {
    this.finished = true;
    this.worker.terminate();
    this.settle();
    warmTimelineWorker();
  }

  private reply(r: TimelineReply): void {
    switch (r.kind) {
      case 'chunk':
        if (!r.chunk.continuesGeneration) this.sent++;
        this.keptUntilNs = r.chunk.endNs;
        this.out.chunk(r.chunk);
        return;
      case 'end':
        this.finish(r.loss);
        return;
      case 'failed':
        this.broke(r.message);
    }
  }

  private broke(message: string): void {
    this.finish({ message: `the timeline could not be built: ${message}`, fault: 'internal', generationsKept: this.sent, eventsLost: 0, keptUntilNs: this.keptUntilNs });
  }

  private finish(loss: TimelineLoss | null): void {
    if (this.finished) return;
    this.finished = true;
    this.worker.terminate();
    this.out.end(loss);
    this.settle();
    // Ready for the next trace opened.
    warmTimelineWorker();
  }
}

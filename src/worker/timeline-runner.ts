// The parse worker's side of the timeline worker: starts one per open, forwards its chunks to
// the page, and settles when the model is complete (or the worker broke, or the open was
// cancelled). A broken timeline worker is a loss on the timeline, not a failed open: the
// verdict and the analyses still stand.

import type { TimelineChunk, TimelineLoss } from '../analysis/timeline/chunk';
import type { TimelineReply, TimelineRequest } from './timeline-protocol';

export interface TimelineOutput {
  chunk(chunk: TimelineChunk): void;
  end(loss: TimelineLoss | null): void;
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

  /** Starts modelling `bytes` (transferred: the caller gives up the buffer). */
  constructor(bytes: ArrayBuffer, private readonly out: TimelineOutput) {
    this.done = new Promise((resolve) => (this.settle = resolve));
    this.worker = new Worker(new URL('./timeline.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<TimelineReply>) => this.reply(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.broke(e.message || 'unknown error');
    };
    const req: TimelineRequest = { bytes };
    this.worker.postMessage(req, [bytes]);
  }

  /** Stops the model where it is; nothing more is forwarded. */
  cancel(): void {
    this.finished = true;
    this.worker.terminate();
    this.settle();
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
  }
}

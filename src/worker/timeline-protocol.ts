// The timeline worker's contract (timeline.worker.ts, started by the parse worker): one request
// with the trace's bytes, then the model of each completed generation as it is built, and one
// end. The parse worker forwards these to the page under the open request's id, so the page
// sees the same 'timeline' / 'timeline-end' replies as from a single worker.

import type { TimelineChunk, TimelineLoss } from '../analysis/timeline/chunk';

/** The trace to model: a whole buffer (transferred), or a Blob the worker reads itself. */
export interface TimelineRequest {
  readonly bytes: ArrayBuffer;
}

export type TimelineReply =
  | { readonly kind: 'chunk'; readonly chunk: TimelineChunk }
  /** The pass ended: null loss for a whole trace, else what a damaged trace lost. */
  | { readonly kind: 'end'; readonly loss: TimelineLoss | null }
  /** The worker itself broke (a bug, or memory ran out). */
  | { readonly kind: 'failed'; readonly message: string };

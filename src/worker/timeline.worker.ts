// Builds the timeline model in a worker of its own, next to the parse worker's summary pass:
// the page gets Go's verdict after a parse plus the cheap summary, while the model (several
// times the parse's cost) is built on another core and streams in a generation at a time.
// Cancel is the parent terminating this worker, so the pass runs without giving way.

import { runPassSync } from '../analysis/event-pass';
import { TimelineSink } from '../analysis/timeline/sink';
import { chunkTransferables } from '../analysis/timeline/transfer';
import type { TimelineReply, TimelineRequest } from './timeline-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<TimelineRequest>) => void) | null;
  postMessage(msg: TimelineReply, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  try {
    const sink = new TimelineSink((chunk) => scope.postMessage({ kind: 'chunk', chunk }, chunkTransferables(chunk)));
    const end = runPassSync(new Uint8Array(e.data.bytes), [sink]);
    scope.postMessage({ kind: 'end', loss: sink.finish(end) });
  } catch (err) {
    scope.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};

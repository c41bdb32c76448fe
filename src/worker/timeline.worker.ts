// Builds the timeline model in a worker of its own, next to the parse worker's summary pass:
// the page gets Go's verdict after a parse plus the cheap summary, while the model (several
// times the parse's cost) is built on another core and streams in a generation at a time.
// Cancel is the parent terminating this worker, so the pass runs without giving way. It reads
// the trace's Blob itself, in slices (blob-source.ts; a slice reader of its own does the
// reading), holding one generation at a time.

import { runPassChunksToEnd } from '../analysis/event-pass-stream';
import { blobSource, firstGenerationHere } from './blob-source';
import { startSliceReader } from './slice-reader';
import { TimelineSink } from '../analysis/timeline/sink';
import { chunkTransferables } from '../analysis/timeline/transfer';
import type { TimelineReply, TimelineRequest } from './timeline-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<TimelineRequest>) => void) | null;
  postMessage(msg: TimelineReply, transfer?: Transferable[]): void;
};

// Started as a spare, ahead of its trace: its slice reader loads meanwhile too.
startSliceReader();

scope.onmessage = async (e) => {
  try {
    const sink = new TimelineSink((chunk) => scope.postMessage({ kind: 'chunk', chunk }, chunkTransferables(chunk)));
    const plan = firstGenerationHere(() => sink.started);
    const end = await runPassChunksToEnd(blobSource(e.data.blob, e.data.gzip, undefined, undefined, false, plan).pull, [sink]);
    scope.postMessage({ kind: 'end', loss: sink.finish(end) });
  } catch (err) {
    scope.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};

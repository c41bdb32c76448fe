// The wire summary of a whole Blob. The parse worker has its slice reader walk it
// (inspectBlob), so that the walk's reading, inflating and looking at batch headers take none
// of the parse's thread; inspectHere walks it on the calling thread: what the slice reader
// runs, and what a worker without one runs itself. A gzip Blob is inflated as it is walked.

import { ChunkFeeder } from '../trace/wire/chunk-feeder';
import { inspectStream } from '../trace/wire/inspect-stream';
import { blobSource, SLICE_BYTES } from './blob-source';
import type { Inspected } from './slice-protocol';
import { inspectSlices } from './slice-reader';

/** A walk under way: its summary, and a way to stop it (another file was opened). */
export interface Inspecting {
  readonly done: Promise<Inspected>;
  cancel(): void;
}

export function inspectBlob(blob: Blob, gzip: boolean): Inspecting {
  return inspectSlices(blob, gzip, () => inspectHere(blob, gzip));
}

/** Walks the Blob here, in slices of `slice` bytes. A cancelled walk ends as if the bytes had ended there. */
export function inspectHere(blob: Blob, gzip: boolean, slice = SLICE_BYTES): Inspecting {
  const src = blobSource(blob, gzip, slice, undefined, true);
  const feed = new ChunkFeeder(src.pull);
  const done = inspectStream(feed).then(
    (wire): Inspected => ({ wire, failure: feed.failure === null ? null : feed.failure.message }),
    (err: unknown) => {
      src.cancel();
      throw err;
    },
  );
  return { done, cancel: () => src.cancel() };
}

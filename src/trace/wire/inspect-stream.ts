// The wire inspector (inspect.ts) over input arriving in pieces: the same summary as
// inspectTrace over the whole file, holding at most a batch record and the chunk it sits in
// (records are read with batch-peek.ts and dropped once looked at). A Go 1.11–1.21 trace is
// walked whole, as Go's old parser reads it, so it is held whole.

import { type ChunkFeeder } from './chunk-feeder';
import { headerBytes, headerReady, NEED_INPUT, peekBatch } from './batch-peek';
import { inspectSteps, newWireSummary, type RecordSource, type WireSummary } from './inspect';

/** Reads the feeder's input to its end into a wire summary. Never throws for bad input. */
export async function inspectStream(feed: ChunkFeeder): Promise<WireSummary> {
  const input = feed.input;
  while (!headerReady(input)) await feed.more();
  const s = newWireSummary(0);
  const source: RecordSource = {
    header: () => headerBytes(input),
    read: (pos, version) => peekBatch(input, pos, version),
    whole: () => (input.ended ? input.take(input.available) : NEED_INPUT),
    consumed: (pos) => input.skipTo(pos),
  };
  try {
    const steps = inspectSteps(source, s);
    while (!steps.next().done) await feed.more();
  } catch (e) {
    // Unreachable by design; kept so that no input can make this throw.
    s.error = { fault: 'damaged', message: e instanceof Error ? e.message : String(e), offset: 0 };
  }
  // The total is known once the walk is over: drain what it did not need (after an error).
  while (!input.ended) {
    input.skipTo(input.received);
    await feed.more();
  }
  s.totalBytes = input.received;
  if (feed.failure !== null && s.version !== null) {
    s.error = { fault: 'damaged', message: feed.failure.message, offset: input.received };
  }
  return s;
}

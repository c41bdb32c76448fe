// runPass over input that arrives in pieces (a File read in slices, a gunzip stream, a Node
// file stream): the reader is fed chunks as it asks for them (TraceReader over a ChunkedInput
// holds one generation at a time), and the pass yields progress as runPass does, so a caller
// gives way between steps. The sinks see exactly what runPass over the whole buffer gives them.
//
// A source that fails midway (a gzip stream cut short or damaged, a read error) ends the
// input there: every generation that arrived whole is still read into the sinks, then the pass
// ends with the source's error (fault 'truncated'), not with what the reader makes of the cut.

import { ChunkFeeder, type ChunkSource, type SourceError } from '../trace/wire/chunk-feeder';
import { HeaderError, TraceError, TraceReader, type TraceEvent } from '../trace/parse/index';
import { headerReady } from '../trace/parse/generation-feed';
export { type ChunkSource, SourceError } from '../trace/wire/chunk-feeder';
import { deliverTo, type EventSink, type PassEnd, type PassProgress, type Tally } from './event-pass';

export interface StreamPassOptions {
  /** Events between progress yields (default 20,000). */
  every?: number;
  /** The most bytes one generation may span (TraceReader's maxGenerationBytes). */
  maxGenerationBytes?: number;
}

/**
 * runPass over chunks: the same progress and the same end, the input never held whole (a Go
 * 1.11–1.21 trace excepted: see reader.ts). Never throws for bad input or a failing source.
 */
export async function* runPassChunks(
  source: ChunkSource,
  sinks: readonly EventSink[],
  options: StreamPassOptions = {},
): AsyncGenerator<PassProgress, PassEnd, void> {
  const every = options.every ?? 20_000;
  const feed = new ChunkFeeder(source);
  const input = feed.input;
  while (!headerReady(input)) await feed.more();
  let reader: TraceReader;
  try {
    reader = new TraceReader(input, options.maxGenerationBytes);
  } catch (e) {
    // A source that failed before the header arrived: its error, not "not a trace".
    if (feed.failure !== null) return { version: null, error: feed.failure, fault: 'unreadable', bytesRead: 0, events: 0 };
    const fault = e instanceof HeaderError ? e.fault : 'internal';
    return { version: null, error: e, fault, bytesRead: 0, events: 0 };
  }
  for (const s of sinks) s.start?.(reader);
  const tally: Tally = { events: 0 };
  const deliver = deliverTo(sinks, tally);
  for (;;) {
    let ended: boolean;
    try {
      ended = reader.forEachEvent(deliver, every);
    } catch (e) {
      if (feed.failure !== null && e instanceof TraceError) return sourceEnd(feed.failure, reader, tally.events);
      const fault = e instanceof TraceError ? e.fault : 'internal';
      return { version: reader.version, error: e, fault, bytesRead: reader.offset, events: tally.events };
    }
    if (ended) break;
    if (reader.wantsInput) await feed.more();
    yield { events: tally.events, bytesRead: reader.offset };
  }
  if (feed.failure !== null) return sourceEnd(feed.failure, reader, tally.events);
  return { version: reader.version, error: null, fault: '', bytesRead: reader.offset, events: tally.events };
}

/** Runs a streamed pass to its end (no giving way: the CLI). */
export async function runPassChunksToEnd(source: ChunkSource, sinks: readonly EventSink[], options: StreamPassOptions = {}): Promise<PassEnd> {
  const pass = runPassChunks(source, sinks, { every: Number.MAX_SAFE_INTEGER, ...options });
  for (;;) {
    const r = await pass.next();
    if (r.done) return r.value;
  }
}

function sourceEnd(failure: SourceError, reader: TraceReader, events: number): PassEnd {
  return { version: reader.version, error: failure, fault: 'truncated', bytesRead: reader.offset, events };
}

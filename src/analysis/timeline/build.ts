// Builds a whole timeline model from a trace's bytes in one call (Node, tests, the CLI). The
// parse worker does the same in steps, posting each chunk as it completes.

import { runPassSync, type EventSink, type PassEnd } from '../event-pass';
import { type ChunkSource, runPassChunksToEnd } from '../event-pass-stream';
import { TimelineModel } from './model';
import { TimelineSink } from './sink';

export interface BuiltTimeline {
  readonly model: TimelineModel;
  readonly end: PassEnd;
}

/** buildTimeline over input in pieces (a file stream), never held whole. */
export async function buildTimelineChunks(source: ChunkSource, others: readonly EventSink[] = []): Promise<BuiltTimeline> {
  const model = new TimelineModel();
  const sink = new TimelineSink((chunk) => model.append(chunk));
  const end = await runPassChunksToEnd(source, [sink, ...others]);
  model.finish(sink.finish(end));
  return { model, end };
}

/** Reads the trace once (with any other sinks) and returns its complete model. */
export function buildTimeline(bytes: Uint8Array, others: readonly EventSink[] = [], maxChunkSpanNs?: number): BuiltTimeline {
  const model = new TimelineModel();
  const sink = new TimelineSink((chunk) => model.append(chunk), maxChunkSpanNs);
  const end = runPassSync(bytes, [sink, ...others]);
  model.finish(sink.finish(end));
  return { model, end };
}

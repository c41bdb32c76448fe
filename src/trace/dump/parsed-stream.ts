// The parsed dump (parsed.ts) over input arriving in pieces: the reader holds one generation
// at a time, so a trace of any length dumps in bounded memory, byte for byte what
// dumpParsedTo prints over the whole file. A source that fails midway (a gzip stream cut
// short) ends the dump after every event of the generations that arrived whole, with the
// source's message on stderr and exit code 1.

import { ChunkFeeder, type ChunkSource } from '../wire/chunk-feeder';
import { headerReady } from '../wire/batch-peek';
import { type GoRelease, NEWEST_GO } from '../go/strconv';
import { GoPanic } from '../parse/errors';
import { eventString } from '../parse/event-string';
import { TraceReader } from '../parse/reader';
import { errorText } from './wire';

const CHUNK = 1 << 16;

export async function dumpParsedChunks(
  source: ChunkSource,
  write: (chunk: string) => void,
  go: GoRelease = NEWEST_GO,
): Promise<{ stderr: string; exitCode: number }> {
  const feed = new ChunkFeeder(source);
  while (!headerReady(feed.input)) await feed.more();
  let chunk = '';
  const each = (ev: Parameters<Parameters<TraceReader['forEachEvent']>[0]>[0]) => {
    chunk += eventString(ev, go) + '\n';
    if (chunk.length > CHUNK) {
      write(chunk);
      chunk = '';
    }
  };
  try {
    const r = new TraceReader(feed.input);
    for (;;) {
      if (r.forEachEvent(each)) break;
      if (r.wantsInput) await feed.more();
    }
  } catch (e) {
    if (chunk) write(chunk);
    if (e instanceof GoPanic) return { stderr: `panic: ${e.message}\n`, exitCode: 2 };
    return { stderr: errorText(feed.failure ?? e), exitCode: 1 };
  }
  if (chunk) write(chunk);
  if (feed.failure !== null) return { stderr: errorText(feed.failure), exitCode: 1 };
  return { stderr: '', exitCode: 0 };
}

// The wire and footprint dumps (wire.ts, footprint.ts) over input arriving in pieces: byte for
// byte what they print over the whole file, holding only the unread part of what has arrived
// (raw-stream.ts). A source that fails midway (a gzip stream cut short) ends the dump after
// the events that arrived, with the source's message on stderr and exit code 1.

import { type ChunkSource, ChunkFeeder } from '../wire/chunk-feeder';
import { NEED_INPUT } from '../wire/batch-peek';
import { type RawEvent, rawEventString } from '../wire/raw';
import { RawStreamReader } from '../wire/raw-stream';
import { type GoRelease, NEWEST_GO } from '../go/strconv';
import { FootprintCount } from './footprint';
import { errorText } from './wire';

/** Every raw event through `each`; the reader (for its specs) and the bytes read, or the failure. */
async function eachRawEvent(
  source: ChunkSource,
  each: (ev: RawEvent) => void,
): Promise<{ reader: RawStreamReader | null; bytes: number; failure: unknown }> {
  const feed = new ChunkFeeder(source);
  let reader: RawStreamReader;
  try {
    reader = await RawStreamReader.open(feed);
  } catch (e) {
    return { reader: null, bytes: 0, failure: feed.failure ?? e };
  }
  try {
    for (;;) {
      const ev = reader.next();
      if (ev === NEED_INPUT) await reader.more();
      else if (ev === null) break;
      else each(ev);
    }
  } catch (e) {
    return { reader, bytes: 0, failure: feed.failure ?? e };
  }
  return { reader, bytes: feed.input.received, failure: feed.failure };
}

/** `go tool trace -d=wire` over chunks, written in pieces of about 64 KiB. */
export async function dumpWireChunks(
  source: ChunkSource,
  write: (chunk: string) => void,
  go: GoRelease = NEWEST_GO,
): Promise<{ stderr: string; exitCode: number }> {
  let chunk = '';
  const { failure } = await eachRawEvent(source, (ev) => {
    chunk += rawEventString(ev, go) + '\n';
    if (chunk.length > 1 << 16) {
      write(chunk);
      chunk = '';
    }
  });
  write(chunk);
  return failure === null ? { stderr: '', exitCode: 0 } : { stderr: errorText(failure), exitCode: 1 };
}

/** `go tool trace -d=footprint` over chunks. */
export async function dumpFootprintChunks(source: ChunkSource, write: (chunk: string) => void): Promise<{ stderr: string; exitCode: number }> {
  const count = new FootprintCount();
  const { reader, bytes, failure } = await eachRawEvent(source, (ev) => count.add(ev));
  if (failure !== null || reader === null) return { stderr: errorText(failure), exitCode: 1 };
  write(count.text(reader.specs, bytes));
  return { stderr: '', exitCode: 0 };
}

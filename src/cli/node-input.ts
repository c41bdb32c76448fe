// A trace file (or standard input) as a stream of chunks for the streamed reader, so the
// commands that read events never hold the whole file: a file read with fs.createReadStream
// in 8 MiB pieces, a gzipped one (recognised by its magic bytes, not its name) through
// zlib.createGunzip. Opening fails at once, with Go's wording where cmd/trace has one.

import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ChunkSource } from '../trace/wire/chunk-feeder';
import { isGzip } from '../worker/gunzip';
import { CliError } from './command';
import { openFailure } from './node-io';

/** Bytes per read of a plain file, and per piece out of the decompressor. */
const PIECE_BYTES = 8 << 20;

/** The file at path ('-': standard input) as chunks, decompressed when it is gzip. */
export async function openInputChunks(path: string, pieceBytes = PIECE_BYTES): Promise<ChunkSource> {
  if (path === '-') return gunzipIfNeeded('standard input', await peeked(process.stdin as AsyncIterable<Buffer>));
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw openFailure(path, e);
  }
  // Go opens a directory fine and then fails to scan a header from it.
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    return (async function* () {})();
  }
  const magic = new Uint8Array(3);
  const n = readSync(fd, magic, 0, 3, 0);
  const stream = createReadStream('', { fd, start: 0, highWaterMark: pieceBytes });
  if (!isGzip(magic.subarray(0, n))) return stream as AsyncIterable<Uint8Array>;
  return gunzipped(path, stream, pieceBytes);
}

/** A stream's first chunk read ahead (to look at its magic bytes), then the rest. */
async function peeked(src: AsyncIterable<Buffer>): Promise<{ first: Buffer | null; rest: AsyncIterator<Buffer> }> {
  const it = src[Symbol.asyncIterator]();
  const r = await it.next();
  return { first: r.done ? null : r.value, rest: it };
}

function gunzipIfNeeded(name: string, p: { first: Buffer | null; rest: AsyncIterator<Buffer> }): ChunkSource {
  const all = Readable.from(
    (async function* () {
      if (p.first !== null) yield p.first;
      for (let r = await p.rest.next(); !r.done; r = await p.rest.next()) yield r.value;
    })(),
  );
  if (p.first === null || !isGzip(p.first)) return all as AsyncIterable<Uint8Array>;
  return gunzipped(name, all);
}

/** The decompressed pieces; a damaged or cut stream fails with a message naming the file. */
function gunzipped(name: string, raw: Readable, pieceBytes = 1 << 20): ChunkSource {
  const out = raw.pipe(createGunzip({ chunkSize: Math.min(pieceBytes, 1 << 20) }));
  raw.on('error', (e) => out.destroy(e));
  return (async function* () {
    try {
      for await (const c of out as AsyncIterable<Buffer>) yield c;
    } catch (e) {
      throw new CliError(`${name}: the gzip data is damaged or cut short (${(e as Error).message})`);
    }
  })();
}



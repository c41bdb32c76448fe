// The CLI's IO over the real process: files, stdin/stdout, and clear messages for missing,
// unreadable or oversized inputs. File errors use Go's wording where cmd/trace has one
// ("failed to read trace file: open NAME: no such file or directory").

import { openSync, readSync, closeSync, fstatSync, writeFileSync, writeSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { encodeGoString } from '../trace/go/string';
import { CliError, type CliIO, type OutputStream } from './command';
import { isGzip } from '../worker/gunzip';
import { openInputChunks } from './node-input';

/**
 * Inputs read whole (the wire and footprint dumps, convert, validate) are refused past this
 * before anything is allocated; the commands that read events stream instead (node-input.ts).
 */
export const MAX_INPUT_BYTES = 1 << 30;

/**
 * A gzipped trace (recognised by its magic bytes, not its name) decompressed, at most limit
 * bytes of it; any other input as it is.
 */
export function maybeGunzip(name: string, bytes: Uint8Array, limit = MAX_INPUT_BYTES): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    const out = gunzipSync(bytes, { maxOutputLength: limit });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new CliError(`${name}: decompressed, the trace is more than ${sizeText(limit)}, the most this command reads`);
    }
    throw new CliError(`${name}: the gzip data is damaged or cut short (${err.message})`);
  }
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

function sizeText(n: number): string {
  return n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(1)} GiB` : `${(n / (1 << 20)).toFixed(1)} MiB`;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of process.stdin as AsyncIterable<Buffer>) {
    total += c.length;
    if (total > MAX_INPUT_BYTES) throw new CliError(`standard input is larger than ${sizeText(MAX_INPUT_BYTES)}, the most this command reads`);
    chunks.push(c);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A file that could not be opened, in cmd/trace's words. */
export function openFailure(path: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new CliError(`failed to read trace file: open ${path}: ${ERRNO_TEXT[code] ?? (e as Error).message}`);
}

export function readFileCapped(path: string, limit = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw openFailure(path, e);
  }
  try {
    const st = fstatSync(fd);
    // Go opens a directory fine and then fails to scan a header from it.
    if (st.isDirectory()) return new Uint8Array(0);
    if (st.size > limit) {
      throw new CliError(`${path}: the file is ${sizeText(st.size)}, more than the ${sizeText(limit)} this command reads`);
    }
    const buf = new Uint8Array(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, null);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** Pieces are gathered up to this many bytes before each write call. */
const WRITE_BUFFER = 1 << 20;

/** A file (or standard output) written in buffered pieces. */
function openOutputFile(path: string): OutputStream {
  let fd: number;
  if (path === '-') fd = 1;
  else {
    try {
      fd = openSync(path, 'w');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      throw new CliError(`failed to write ${path}: ${ERRNO_TEXT[code] ?? (e as Error).message}`);
    }
  }
  let parts: (string | Uint8Array)[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    // Runs of text are encoded together; bytes go as they are.
    const bufs: Uint8Array[] = [];
    let text: string[] = [];
    const endText = () => {
      if (text.length > 0) bufs.push(Buffer.from(text.join(''), 'utf8'));
      text = [];
    };
    for (const p of parts) {
      if (typeof p === 'string') text.push(p);
      else {
        endText();
        bufs.push(p);
      }
    }
    endText();
    parts = [];
    size = 0;
    for (const buf of bufs) {
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    }
  };
  return {
    write(piece) {
      parts.push(piece);
      size += piece.length;
      if (size >= WRITE_BUFFER) flush();
    },
    async close() {
      flush();
      if (fd !== 1) closeSync(fd);
    },
  };
}

export const nodeIO: CliIO = {
  openOutput: openOutputFile,
  out: (t) => void process.stdout.write(t),
  // Messages quote trace strings, which may hold bytes that are not UTF-8 (kept as escapes by
  // decodeGoString): written back as those raw bytes, as Go's go tool trace writes them.
  err: (t) => void process.stderr.write(/[\udc80-\udcff]/.test(t) ? encodeGoString(t) : t),
  openInput: (path) => openInputChunks(path),
  readInput: async (path) =>
    path === '-' ? maybeGunzip('standard input', await readStdin()) : maybeGunzip(path, readFileCapped(path)),
  writeOutput: async (path, data) => {
    if (path === '-') {
      process.stdout.write(data);
      return;
    }
    try {
      writeFileSync(path, data);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      throw new CliError(`failed to write ${path}: ${ERRNO_TEXT[code] ?? (e as Error).message}`);
    }
  },
};

// The CLI's IO over the real process: files, stdin/stdout, and clear messages for missing,
// unreadable or oversized inputs. File errors use Go's wording where cmd/trace has one
// ("failed to read trace file: open NAME: no such file or directory").

import { openSync, readSync, closeSync, fstatSync, writeFileSync, writeSync } from 'node:fs';
import { CliError, type CliIO, type OutputStream } from './command';

/** Inputs are read whole; past this a trace is refused before anything is allocated. */
export const MAX_INPUT_BYTES = 1 << 30;

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

export function readFileCapped(path: string, limit = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new CliError(`failed to read trace file: open ${path}: ${ERRNO_TEXT[code] ?? (e as Error).message}`);
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
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const buf = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    size = 0;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
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
  err: (t) => void process.stderr.write(t),
  readInput: async (path) => (path === '-' ? readStdin() : readFileCapped(path)),
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

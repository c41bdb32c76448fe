// The trace text format, following Go's internal/trace/raw textreader.go and textwriter.go.
// Input is read as bytes (Go strings are bytes), lines are split the way bufio.Scanner's
// ScanLines splits them, and every error carries Go's wording.

import { WireError } from './errors';
import { bytesToBinary, decodeRune, goQuote, goUnquote, binaryToBytes, isGoSpace, parseUint64, trimSpace } from '../go/strconv';
import { FRAME_FIELDS, rawEventString, type RawEvent } from './raw';
import type { EventSpec } from './specs';
import { isValidVersion, specsForAny, type GoTraceVersion } from './version';

/** bufio.MaxScanTokenSize: a line (with its newline) must fit in 64 KiB. */
export const MAX_LINE = 64 * 1024;

export class TextFormatError extends WireError {
  constructor(message: string, offset: number) {
    super('damaged', message, offset);
    this.name = 'TextFormatError';
  }
}

/** A Go error string from a byte string: invalid UTF-8 shown as U+FFFD. */
function show(s: string): string {
  return new TextDecoder().decode(binaryToBytes(s));
}

function toArg(v: bigint): number | bigint {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Go's %v of a []uint64. */
function formatArgs(args: (number | bigint)[]): string {
  return '[' + args.join(' ') + ']';
}

/** readToken: the first whitespace-delimited token, stopping at '#'; a leading '#' means none. */
export function readToken(s: string): [string, string] {
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    if (r === 0x23) return ['', ''];
    if (!isGoSpace(r)) {
      start = i;
      break;
    }
    i += n;
  }
  if (start < 0) return ['', ''];
  for (let i = start; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    if (isGoSpace(r) || r === 0x23) return [s.slice(start, i), s.slice(i)];
    i += n;
  }
  return [s.slice(start), ''];
}

function onlySpace(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    if (!isGoSpace(r)) return false;
    i += n;
  }
  return true;
}

/** readArgs: exactly the named arguments, in order, then nothing but space. Throws a message. */
function readArgs(s: string, names: readonly string[]): (number | bigint)[] {
  const args: (number | bigint)[] = [];
  for (const name of names) {
    const [tok, rest] = readToken(s);
    if (tok.length === 0) throw 'no argument';
    const eq = tok.indexOf('=');
    if (eq < 0) throw `malformed argument: ${goQuote(tok)}`;
    const arg = tok.slice(0, eq);
    const val = tok.slice(eq + 1);
    const parsed = parseUint64(val);
    if ('error' in parsed) throw `failed to parse argument value ${goQuote(val)} for arg ${goQuote(arg)}`;
    if (arg !== name) throw `expected argument ${goQuote(name)}, but got ${goQuote(arg)}`;
    args.push(toArg(parsed.value));
    s = rest;
  }
  if (!onlySpace(s)) throw `encountered unexpected non-space at the end of an event: ${goQuote(s)}`;
  return args;
}

function readData(line: string): Uint8Array {
  const eq = line.indexOf('=');
  if (eq < 0 || trimSpace(line.slice(0, eq)) !== 'data') throw `malformed data: ${goQuote(line)}`;
  const value = goUnquote(trimSpace(line.slice(eq + 1)));
  if (value === null) throw `failed to parse data: ${goQuote(line)}: invalid syntax`;
  return binaryToBytes(value);
}

/**
 * Reads a text trace, as Go's raw.TextReader. Construct with TextReader.open, or over for the
 * events of a part of a trace (text-stream.ts).
 */
export class TextReader {
  /** Where the next line begins in buf; a caller may move it back to read an event again. */
  pos = 0;
  private lineStart = 0;
  private names = new Map<string, number>();
  private specs: readonly EventSpec[] = [];
  version!: GoTraceVersion;

  /** base: the offset in the whole input of buf's first byte (errors give whole-input offsets). */
  private constructor(
    private readonly buf: Uint8Array,
    private readonly base = 0,
  ) {}

  /** Reads the header line. Throws TextFormatError with Go's message. */
  static open(buf: Uint8Array): TextReader {
    const r = new TextReader(buf);
    const line = r.nextLine();
    if (line === null) throw new TextFormatError('EOF', 0);
    const fail = (m: string) => new TextFormatError(m, r.lineStart);
    const [trace, rest1] = readToken(line);
    if (trace !== 'Trace') throw fail('failed to parse header');
    const [gover, rest2] = readToken(rest1);
    if (!gover.startsWith('Go1.')) throw fail('failed to parse header Go version');
    const parsed = parseUint64(gover.slice(4));
    if ('error' in parsed) throw fail(`failed to parse header Go version: ${parsed.error}`);
    // version.Version is a uint32: the conversion keeps the low 32 bits.
    const v = Number(parsed.value & 0xffff_ffffn);
    if (!isValidVersion(v)) throw fail(`unknown or unsupported Go version 1.${v}`);
    r.setVersion(v);
    if (!onlySpace(rest2)) throw fail(`encountered unexpected non-space at the end of the header: ${goQuote(rest2)}`);
    return r;
  }

  /** A reader of the events (no header line) in buf, which begins at offset base of the trace. */
  static over(buf: Uint8Array, version: GoTraceVersion, base: number): TextReader {
    const r = new TextReader(buf, base);
    r.setVersion(version);
    return r;
  }

  private setVersion(v: GoTraceVersion): void {
    this.version = v;
    this.specs = specsForAny(v);
    this.specs.forEach((s, i) => this.names.set(s.name, i));
  }

  /** The next event, or null at the end. Throws TextFormatError with Go's message. */
  next(): RawEvent | null {
    const line = this.nextLine();
    if (line === null) return null;
    const at = this.base + this.lineStart;
    const fail = (m: string) => new TextFormatError(m, at);
    const [evStr, rest] = readToken(line);
    const typ = this.names.get(evStr);
    if (typ === undefined) throw fail(`unidentified event: ${show(evStr)}`);
    const spec = this.specs[typ];
    let args: (number | bigint)[];
    try {
      args = readArgs(rest, spec.args);
    } catch (m) {
      throw fail(`reading args for ${show(evStr)}: ${m as string}`);
    }
    if (spec.isStack) {
      // Go's int(nframes): a value with the top bit set is negative and reads no frames.
      const nf = args[1];
      const n = typeof nf === 'bigint' ? (nf >= 1n << 63n ? 0 : Infinity) : nf;
      for (let i = 0; i < n; i++) {
        const frameLine = this.nextLine();
        if (frameLine === null) throw fail(`unexpected EOF while reading stack: args=${formatArgs(args)}`);
        try {
          args.push(...readArgs(frameLine, FRAME_FIELDS));
        } catch (m) {
          throw new TextFormatError(m as string, this.base + this.lineStart);
        }
      }
    }
    let data: Uint8Array | null = null;
    if (spec.hasData) {
      const dataLine = this.nextLine();
      if (dataLine === null) throw fail(`unexpected EOF while reading data for ${show(evStr)}: args=${formatArgs(args)}`);
      try {
        data = readData(dataLine);
      } catch (m) {
        throw new TextFormatError(m as string, this.base + this.lineStart);
      }
    }
    return { version: this.version, type: typ, args, data };
  }

  /** bufio.Scanner + ScanLines, skipping blank and comment lines. null at the end. */
  private nextLine(): string | null {
    const buf = this.buf;
    while (this.pos < buf.length) {
      const start = this.pos;
      const nl = buf.indexOf(0x0a, start);
      const end = nl < 0 ? buf.length : nl;
      if (end - start >= MAX_LINE) throw new TextFormatError('bufio.Scanner: token too long', this.base + start);
      this.pos = nl < 0 ? buf.length : nl + 1;
      let stop = end;
      if (stop > start && buf[stop - 1] === 0x0d) stop--;
      const line = bytesToBinary(buf, start, stop);
      if (readToken(line)[0] === '') continue;
      this.lineStart = start;
      return line;
    }
    return null;
  }
}

/** Reads a whole text trace. Throws TextFormatError. */
export function readTextTrace(text: Uint8Array): { version: GoTraceVersion; events: RawEvent[] } {
  const r = TextReader.open(text);
  const events: RawEvent[] = [];
  for (let ev = r.next(); ev !== null; ev = r.next()) events.push(ev);
  return { version: r.version, events };
}

/** Go's raw.TextWriter: the header line, then each event's String() on its own line. */
export function writeTextTrace(version: GoTraceVersion, events: Iterable<RawEvent>): string {
  let s = `Trace Go1.${version}\n`;
  for (const ev of events) s += rawEventString(ev) + '\n';
  return s;
}

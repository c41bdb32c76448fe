// Batch framing, following Go's internal/trace/batch.go (readBatch and the classifiers).
//
// The parser reads the whole file from one Uint8Array; a batch's payload is a view into it, so
// reading a generation copies nothing. Errors carry Go's messages, including how Go's
// binary.ReadUvarint reports a short read ("EOF" when nothing was read, "unexpected EOF" when
// part of a varint was).

import { Ev, MAX_BATCH_SIZE, NO_EXPERIMENT } from '../wire/specs';
import { EOF, TraceError, UNEXPECTED_EOF, VARINT_OVERFLOW } from './errors';
import { canon, type I64, type U64 } from './int64';
import type { Version } from '../wire/version';

export const NO_THREAD = -1;

export interface Batch {
  /** Generation number (uint64). 0 for the end-of-generation pseudo-batch. */
  gen: U64;
  /** The thread that wrote it; NoThread (-1) for structural batches. */
  m: I64;
  /** Raw base timestamp in ticks. */
  time: U64;
  data: Uint8Array;
  exp: number;
}

/**
 * A read position over bytes [pos, end), standing in for Go's bufio.Reader (readBatch) and
 * bytes.Reader (the structural batch decoders).
 */
export class ByteStream {
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
    readonly end: number = buf.length,
  ) {}

  get remaining(): number {
    return this.end - this.pos;
  }

  /** Go's ReadByte: the next byte, or -1 at the end. */
  readByte(): number {
    return this.pos < this.end ? this.buf[this.pos++] : -1;
  }
}

/** Go's binary.ReadUvarint over the stream; throws GoReadError with Go's bare error text. */
export function readUvarintStream(s: ByteStream): U64 {
  const buf = s.buf;
  const end = s.end;
  let pos = s.pos;
  let value = 0;
  let mul = 1;
  for (let i = 0; i < 7; i++) {
    if (pos >= end) {
      s.pos = pos;
      throw new GoReadError(i === 0 ? EOF : UNEXPECTED_EOF);
    }
    const b = buf[pos++];
    value += (b & 0x7f) * mul;
    if (b < 0x80) {
      s.pos = pos;
      return value;
    }
    mul *= 128;
  }
  let big = BigInt(value);
  let shift = 49n;
  for (let i = 7; i < 10; i++) {
    if (pos >= end) {
      s.pos = pos;
      throw new GoReadError(UNEXPECTED_EOF);
    }
    const b = buf[pos++];
    if (b < 0x80) {
      s.pos = pos;
      if (i === 9 && b > 1) throw new GoReadError(VARINT_OVERFLOW);
      return canon(big | (BigInt(b) << shift));
    }
    big |= BigInt(b & 0x7f) << shift;
    shift += 7n;
  }
  s.pos = pos;
  throw new GoReadError(VARINT_OVERFLOW);
}

/** An error of Go's io / encoding/binary readers: EOF, unexpected EOF, varint overflow. */
export class GoReadError extends Error {}

function wrapped(what: string, read: () => U64): U64 {
  try {
    return read();
  } catch (e) {
    if (e instanceof GoReadError) throw new TraceError(`error reading batch ${what}: ${e.message}`);
    throw e;
  }
}

/**
 * Reads the next batch. Returns null at a clean end of input (Go's io.EOF), which includes an
 * experimental-batch byte that is the very last byte: Go returns the bare io.EOF from reading
 * the experiment ID, and its callers treat that as the end of the trace.
 */
export function readBatch(s: ByteStream): Batch | null {
  if (s.pos >= s.buf.length) return null;
  const typ = s.buf[s.pos++];
  if (typ === Ev.EndOfGeneration) {
    return { gen: 0, m: NO_THREAD, time: 0, data: EOG_DATA, exp: NO_EXPERIMENT };
  }
  if (typ !== Ev.EventBatch && typ !== Ev.ExperimentalBatch) {
    throw new TraceError(`expected batch event, got event ${typ}`);
  }
  let exp = NO_EXPERIMENT;
  if (typ === Ev.ExperimentalBatch) {
    if (s.pos >= s.buf.length) return null;
    exp = s.buf[s.pos++];
  }
  const gen = wrapped('gen', () => readUvarintStream(s));
  const m = wrapped('M ID', () => readUvarintStream(s));
  const time = wrapped('timestamp', () => readUvarintStream(s));
  const size = wrapped('size', () => readUvarintStream(s));
  if (size > MAX_BATCH_SIZE) {
    throw new TraceError(`invalid batch size ${size}, maximum is ${MAX_BATCH_SIZE}`);
  }
  const n = Math.min(size as number, s.remaining);
  if (n !== size) {
    s.pos += n;
    throw new TraceError(`failed to read full batch: read ${n} but wanted ${size}`);
  }
  const data = s.buf.subarray(s.pos, s.pos + n);
  s.pos += n;
  const mid = typeof m === 'number' ? m : canon(BigInt.asIntN(64, m));
  return { gen, m: mid, time, data, exp };
}

const EOG_DATA = new Uint8Array([Ev.EndOfGeneration]);

function firstByte(b: Batch, t: number): boolean {
  return b.exp === NO_EXPERIMENT && b.data.length > 0 && b.data[0] === t;
}

export const isStringsBatch = (b: Batch): boolean => firstByte(b, Ev.Strings);
export const isStacksBatch = (b: Batch): boolean => firstByte(b, Ev.Stacks);
export const isCPUSamplesBatch = (b: Batch): boolean => firstByte(b, Ev.CPUSamples);
export const isEndOfGeneration = (b: Batch): boolean => firstByte(b, Ev.EndOfGeneration);

/** A sync batch starts with Frequency before Go 1.25 and with Sync from Go 1.25 on. */
export function isSyncBatch(b: Batch, v: Version): boolean {
  return firstByte(b, v < 25 ? Ev.Frequency : Ev.Sync);
}

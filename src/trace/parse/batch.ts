// The parser's side of batch framing. The framing itself is wire/batch.ts's readBatch (the one
// port of Go's internal/trace/batch.go readBatch and isXBatch classifiers); this file adapts it
// to the parser: a read position over the file (Go's bufio.Reader), TraceError with the same
// message, the M as an int64 thread ID, and Go's binary.ReadUvarint over a stream for the
// structural batch decoders (Go's bytes.Reader).
//
// The parser reads the whole file from one Uint8Array; a batch's payload is a view into it, so
// reading a generation copies nothing.

import { type Batch, BatchError, readBatch as readWireBatch } from '../wire/batch';
import { uvarintAt, uvarintFaultText, uvarintScan } from '../wire/varint';
import { TraceError } from './errors';
import { type I64, u64ToI64, type U64 } from './int64';

export type { Batch };

/** The thread that wrote b as Go's ThreadID (an int64: NoThread, 2^64-1, reads as -1). */
export function threadOf(b: Batch): I64 {
  return u64ToI64(b.m);
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
  const v = uvarintAt(s.buf, s.pos, s.end);
  s.pos = uvarintScan.end;
  if (v === -1) throw new GoReadError(uvarintFaultText(uvarintScan.fault));
  return v;
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
 * Reads the next batch at s.pos. Returns null at a clean end of input (Go's io.EOF), which
 * includes an experimental-batch byte that is the very last byte: Go returns the bare io.EOF
 * from reading the experiment ID, and its callers treat that as the end of the trace.
 */
export function readBatch(s: ByteStream): Batch | null {
  let r: ReturnType<typeof readWireBatch>;
  try {
    r = readWireBatch(s.buf, s.pos);
  } catch (e) {
    if (!(e instanceof BatchError)) throw e;
    s.pos = e.offset;
    throw new TraceError(e.message);
  }
  if (r === null) {
    s.pos = s.end;
    return null;
  }
  s.pos = r.next;
  return r.batch;
}

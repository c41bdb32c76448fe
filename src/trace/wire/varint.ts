// Unsigned LEB128 varints, as Go's encoding/binary Uvarint reads them.
//
// Go trace integers are uint64. Most values (times deltas, small IDs, sizes) fit in a
// JavaScript number exactly, so the fast path decodes into a number and only falls back
// to bigint when a value passes 2^53 - 1. Padded, non-minimal encodings are accepted, as
// the runtime writes them (see Go's internal/trace/raw/writer.go).

export const MAX_VARINT_LEN = 10;

export type VarintFault = 'overflow' | 'eof';

/** A varint could not be read: it ran past the end of the buffer, or overflowed 64 bits. */
export class VarintError extends Error {
  constructor(readonly fault: VarintFault, readonly offset: number) {
    super(fault === 'eof' ? 'unexpected end of data in uvarint' : 'uvarint overflows a 64-bit integer');
    this.name = 'VarintError';
  }
}

/** A read position over bytes. Readers advance `pos` as they consume. */
export interface Cursor {
  buf: Uint8Array;
  pos: number;
}

export function cursor(buf: Uint8Array, pos = 0): Cursor {
  return { buf, pos };
}

/** uvarintAt succeeded. */
export const UVARINT_OK = 0;
/** uvarintAt found no byte at all (Go's ReadUvarint returns io.EOF). */
export const UVARINT_EOF = 1;
/** uvarintAt ran out of input inside the varint (io.ErrUnexpectedEOF). */
export const UVARINT_UNEXPECTED_EOF = 2;
/** The value does not fit 64 bits ("binary: varint overflows a 64-bit integer"). */
export const UVARINT_OVERFLOW = 3;

/**
 * Where the last uvarintAt call stopped: `end` is the offset after the varint, or of the byte
 * where it failed; `fault` is UVARINT_OK or why it failed. A module-level slot keeps the
 * decoder allocation-free and lets each caller word the failure as Go's reader it mirrors does.
 */
export const uvarintScan = { end: 0, fault: UVARINT_OK };

/**
 * The one uvarint decoder: decodes buf[pos..end) as Go's binary.ReadUvarint and binary.Uvarint
 * do (they accept the same encodings, padded ones included). Returns a number when the value is
 * at most Number.MAX_SAFE_INTEGER, a bigint above, or -1 on failure (see uvarintScan).
 */
export function uvarintAt(buf: Uint8Array, pos: number, end: number): number | bigint {
  if (pos >= end) {
    uvarintScan.end = pos;
    uvarintScan.fault = UVARINT_EOF;
    return -1;
  }
  let b = buf[pos++];
  if (b < 0x80) {
    uvarintScan.end = pos;
    uvarintScan.fault = UVARINT_OK;
    return b;
  }
  // Up to 4 bytes (28 bits) in int32 arithmetic: the result is a small integer, which V8 keeps
  // unboxed (a double result would be boxed even when it is small, and makes code that stored
  // only small integers so far start over).
  let value = b & 0x7f;
  let shift = 7;
  for (let i = 1; i < 4; i++) {
    if (pos >= end) return uvarintFail(pos, UVARINT_UNEXPECTED_EOF);
    b = buf[pos++];
    if (b < 0x80) {
      uvarintScan.end = pos;
      uvarintScan.fault = UVARINT_OK;
      return value | (b << shift);
    }
    value |= (b & 0x7f) << shift;
    shift += 7;
  }
  // Up to 7 bytes (49 bits) are always exact in a double.
  let mul = 2 ** 28;
  for (let i = 4; i < 7; i++) {
    if (pos >= end) return uvarintFail(pos, UVARINT_UNEXPECTED_EOF);
    b = buf[pos++];
    if (b < 0x80) {
      uvarintScan.end = pos;
      uvarintScan.fault = UVARINT_OK;
      const v = value + b * mul;
      return v <= 0x3fffffff ? v | 0 : v;
    }
    value += (b & 0x7f) * mul;
    mul *= 128;
  }
  return uvarintLong(buf, pos, end, value);
}

function uvarintFail(at: number, fault: number): -1 {
  uvarintScan.end = at;
  uvarintScan.fault = fault;
  return -1;
}

/** 2^64-1, Go's "none" for IDs and tasks: common enough on the wire to keep one bigint of. */
const MAX_U64 = 2n ** 64n - 1n;
const TWO_49 = 2 ** 49;

/**
 * Bytes 8 to 10 of a long varint (low holds the first 49 bits): a number while the value is
 * at most 2^53-1, the one MAX_U64 bigint for 2^64-1, otherwise a new bigint.
 */
function uvarintLong(buf: Uint8Array, pos: number, end: number, low: number): number | bigint {
  let hi = 0;
  let shift = 0;
  for (let i = 7; i < MAX_VARINT_LEN; i++) {
    if (pos >= end) return uvarintFail(pos, UVARINT_UNEXPECTED_EOF);
    const b = buf[pos++];
    if (b < 0x80) {
      // Go's rule: a 10th byte may only carry the single top bit.
      if (i === MAX_VARINT_LEN - 1 && b > 1) return uvarintFail(pos - 1, UVARINT_OVERFLOW);
      hi |= b << shift;
      uvarintScan.end = pos;
      uvarintScan.fault = UVARINT_OK;
      // hi has at most 15 bits: hi * 2^49 + low is exact below 2^53. A small value comes back
      // as a small integer (`| 0`), not the heap number this float arithmetic makes: Go pads
      // every batch's size to ten bytes, and a heap number there spread into every position
      // computed from it, down to the event decoder's (see batch-cursor.ts uvRest).
      if (hi < 16) {
        const v = hi * TWO_49 + low;
        return v <= 0x3fffffff ? v | 0 : v;
      }
      if (hi === 0x7fff && low === TWO_49 - 1) return MAX_U64;
      return (BigInt(hi) << 49n) | BigInt(low);
    }
    hi |= (b & 0x7f) << shift;
    shift += 7;
  }
  return uvarintFail(pos - 1, UVARINT_OVERFLOW);
}


/** Go's wording of a failed binary.ReadUvarint (the error text callers wrap). */
export function uvarintFaultText(fault: number): string {
  return fault === UVARINT_EOF ? 'EOF' : fault === UVARINT_UNEXPECTED_EOF ? 'unexpected EOF' : 'binary: varint overflows a 64-bit integer';
}

/**
 * Reads one uvarint at c.pos and advances past it. Returns a number when the value is at
 * most Number.MAX_SAFE_INTEGER, otherwise a bigint. Throws VarintError.
 */
export function readUvarint(c: Cursor): number | bigint {
  const v = uvarintAt(c.buf, c.pos, c.buf.length);
  if (v === -1) throw new VarintError(uvarintScan.fault === UVARINT_OVERFLOW ? 'overflow' : 'eof', c.pos);
  c.pos = uvarintScan.end;
  return v;
}

/** Reads one uvarint as a bigint, exact over the full uint64 range. Throws VarintError. */
export function readUvarintBig(c: Cursor): bigint {
  const v = readUvarint(c);
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** Bytes the minimal encoding of v takes. */
export function uvarintSize(v: number | bigint): number {
  if (typeof v === 'number' && v < 2 ** 49) {
    let n = 1;
    while (v >= 128) {
      v = Math.floor(v / 128);
      n++;
    }
    return n;
  }
  let b = BigInt(v);
  let n = 1;
  while (b >= 128n) {
    b >>= 7n;
    n++;
  }
  return n;
}

/** A growable byte buffer for writing traces. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.buf = new Uint8Array(initialCapacity);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }

  /** Writes the minimal uvarint encoding of v (0 ≤ v < 2^64). */
  uvarint(v: number | bigint): void {
    if (typeof v === 'number') {
      if (!(v >= 0 && Number.isSafeInteger(v))) throw new RangeError(`not a uint64 value: ${v}`);
      this.reserve(MAX_VARINT_LEN);
      while (v >= 128) {
        this.buf[this.length++] = (v % 128) | 0x80;
        v = Math.floor(v / 128);
      }
      this.buf[this.length++] = v;
      return;
    }
    if (v < 0n || v > 0xffff_ffff_ffff_ffffn) throw new RangeError(`not a uint64 value: ${v}`);
    this.reserve(MAX_VARINT_LEN);
    while (v >= 128n) {
      this.buf[this.length++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.length++] = Number(v);
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** A copy of what was written so far. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  /** A view of what was written so far; valid until the next write. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

/** Decodes one uvarint at pos of buf: { value, next }. Throws VarintError. */
export function decodeUvarint(buf: Uint8Array, pos: number): { value: number | bigint; next: number } {
  const c = { buf, pos };
  const value = readUvarint(c);
  return { value, next: c.pos };
}

/** The minimal uvarint encoding of v (0 ≤ v < 2^64). */
export function encodeUvarint(v: number | bigint): Uint8Array {
  const w = new ByteWriter(MAX_VARINT_LEN);
  w.uvarint(v);
  return w.finish();
}

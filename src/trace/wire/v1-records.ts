// Raw records of the Go 1.11–1.21 format: a type byte (low 6 bits the type, top 2 bits the
// argument count, 3 meaning "length-prefixed"), then uvarint arguments; String records and the
// message of a UserLog carry bytes. Follows readRawEvent in Go's
// internal/trace/internal/tracev1/parser.go, error for error: the same messages, the same
// points where the end of the data counts as the end of the trace (io.EOF) and where it is an
// error. Every length read from the file is capped (2048 bytes of arguments, 10^6 bytes of
// string) before anything is read or allocated. The old parser (src/trace/v1) and the
// inspector (inspect.ts) both read records through this.

import { WireError } from './errors';
import { uvarintAt, uvarintScan } from './varint';
import { V1, V1_SPECS } from './v1-specs';

type U64 = number | bigint;

/** A record could not be read; the message is Go's. offset is where the record starts. */
export class V1RecordError extends WireError {
  constructor(message: string, offset: number) {
    super('damaged', message, offset);
    this.name = 'V1RecordError';
  }
}

export const MALFORMED_VARINT = 'malformatted base-128 varint';

/** readRawEvent flags. */
export const SKIP_ARGS = 1;
export const SKIP_STRINGS = 2;

/** Go's limit on a length-prefixed argument list. */
const ARGS_LIMIT = 2048;
/** Go's limit on a string record and on a UserLog message. */
const STRING_LIMIT = 1e6;

/** One raw record. `type` is V1.None for a String record (it has been stored or skipped). */
export interface RawRecord {
  type: number;
  /** The first argc entries are this record's arguments (the array is reused between records). */
  args: U64[];
  argc: number;
  /** A UserLog's message, as raw bytes (a view into the file); null otherwise. */
  message: Uint8Array | null;
  /** For a Batch record: its P (-1 for "no P") and the offset of its type byte. */
  batchPid: number;
  batchOffset: number;
}

export function newRawRecord(): RawRecord {
  return { type: V1.None, args: [], argc: 0, message: null, batchPid: 0, batchOffset: 0 };
}

/** Where String records go when they are not skipped (Go's parser.strings). */
export interface StringSink {
  has(id: U64): boolean;
  add(id: U64, bytes: Uint8Array): void;
}

const MAX_U64 = 2n ** 64n - 1n;

/** A read position over the trace body (everything after the header), Go's parser.data/off. */
export class RawReader {
  off = 0;

  constructor(
    readonly data: Uint8Array,
    /** The trace version, for the minVersion check of each type. */
    readonly version: number,
  ) {}

  /** Where the record being read starts. */
  start = 0;

  private fail(message: string): V1RecordError {
    return new V1RecordError(message, this.start);
  }

  /** Go's readVal: one uvarint; any failure is errMalformedVarint. */
  readVal(): U64 {
    const v = uvarintAt(this.data, this.off, this.data.length);
    if (v === -1) throw this.fail(MALFORMED_VARINT);
    this.off = uvarintScan.end;
    return v;
  }

  /** Go's discard: skips n bytes; false if that passes the end. */
  private discard(n: U64): boolean {
    if (typeof n !== 'number' || this.off + n > this.data.length) return false;
    this.off += n;
    return true;
  }

  /** Go's readFull: n bytes, or io.ErrUnexpectedEOF. */
  private readFull(n: number): Uint8Array {
    if (this.off >= this.data.length || this.off + n > this.data.length) {
      throw this.fail('failed to read trace: unexpected EOF');
    }
    const b = this.data.subarray(this.off, this.off + n);
    this.off += n;
    return b;
  }

  /**
   * Reads the record at the current offset into rec. Returns false at the end of the data (or
   * where Go's reader returns a bare io.EOF); throws V1RecordError with Go's message otherwise.
   */
  read(flags: number, rec: RawRecord, strings: StringSink | null): boolean {
    if (this.off >= this.data.length) return false;
    this.start = this.off;
    const b = this.data[this.off++];
    const type = b & 0x3f;
    // The count includes the timestamp most events start with; 4 means length-prefixed.
    const narg = (b >> 6) + 1;
    if (type === V1.None || type >= V1.Count || V1_SPECS[type].minVersion > this.version) {
      throw this.fail(`unknown event type ${type}`);
    }
    rec.type = type;
    rec.message = null;
    const args = rec.args;
    rec.argc = 0;
    if (type === V1.String) {
      rec.type = V1.None;
      if (flags & SKIP_STRINGS) {
        this.readVal();
        const ln = this.readVal();
        if (!this.discard(ln)) throw this.fail('failed to read trace: EOF');
        return true;
      }
      const id = this.readVal();
      if (id === 0) throw this.fail('string has invalid id 0');
      if (strings!.has(id)) throw this.fail(`string has duplicate id ${id}`);
      strings!.add(id, this.readString());
      return true;
    }
    if (type === V1.Batch) {
      if (narg !== 2) throw this.fail(`EvBatch has wrong number of arguments: got ${narg}, want 2`);
      rec.batchOffset = this.off - 1;
      const pid = this.readVal();
      if (pid !== MAX_U64 && (typeof pid === 'bigint' || pid > 0x7fffffff)) {
        throw this.fail(`processor ID ${pid} is larger than maximum of 18446744073709551615`);
      }
      rec.batchPid = typeof pid === 'bigint' ? -1 : pid;
      args[0] = pid;
      args[1] = this.readVal();
      rec.argc = 2;
      return true;
    }
    if (narg <= 3) {
      for (let i = 0; i < narg; i++) {
        const v = uvarintAt(this.data, this.off, this.data.length);
        if (v === -1) throw this.fail(`failed to read event ${type} argument: ${MALFORMED_VARINT}`);
        this.off = uvarintScan.end;
        if (!(flags & SKIP_ARGS)) args[rec.argc++] = v;
      }
      return true;
    }
    // Length-prefixed arguments.
    const v = uvarintAt(this.data, this.off, this.data.length);
    if (v === -1) throw this.fail(`failed to read event ${type} argument: ${MALFORMED_VARINT}`);
    this.off = uvarintScan.end;
    if (typeof v !== 'number' || v > ARGS_LIMIT) {
      throw this.fail(
        `failed to read event ${type} argument: length-prefixed argument too big: ${v} bytes, limit is ${ARGS_LIMIT}`,
      );
    }
    if (!(flags & SKIP_ARGS) || type === V1.CPUSample) {
      const buf = this.readFull(v);
      for (let at = 0; at < buf.length; ) {
        const x = uvarintAt(buf, at, buf.length);
        if (x === -1) throw this.fail(MALFORMED_VARINT);
        at = uvarintScan.end;
        args[rec.argc++] = x;
      }
    } else if (!this.discard(v)) {
      throw this.fail('failed to read trace: EOF');
    }
    if (type === V1.UserLog) {
      if (!(flags & SKIP_ARGS)) {
        rec.message = this.readMessage();
      } else {
        const n = this.readVal();
        // Go returns a bare io.EOF here, which its callers take for the end of the trace.
        if (!this.discard(n)) return false;
      }
    }
    return true;
  }

  /** A String record's length and bytes (Go: non-empty, at most 10^6 bytes). */
  private readString(): Uint8Array {
    const ln = this.readVal();
    if (ln === 0) throw this.fail('string has invalid length 0');
    if (typeof ln !== 'number' || ln > STRING_LIMIT) throw this.fail(`string has too large length ${ln}`);
    return this.readFull(ln);
  }

  /** Go's readStr: a UserLog message (may be empty, at most 10^6 bytes). */
  private readMessage(): Uint8Array {
    const sz = this.readVal();
    if (sz === 0) return this.data.subarray(0, 0);
    if (typeof sz !== 'number' || sz > STRING_LIMIT) throw this.fail(`string is too large (len=${sz})`);
    return this.readFull(sz);
  }
}

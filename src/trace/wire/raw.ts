// Raw events: the trace byte stream read as a flat sequence of events with no
// interpretation, batch headers included, following Go's internal/trace/raw (reader.go,
// writer.go, event.go). This is what `go tool trace -d=wire` prints and what the text
// format encodes.

import { CleanEOF, WireError } from './errors';
import { type GoRelease, goQuoteBytes, NEWEST_GO } from '../go/strconv';
import type { EventSpec } from './specs';
import { ByteWriter, UVARINT_EOF, uvarintAt, uvarintFaultText, uvarintScan, uvarintSize } from './varint';
import { scanHeader, specsForAny, type GoTraceVersion } from './version';

export interface RawEvent {
  version: GoTraceVersion;
  type: number;
  /** The spec's arguments in order, then for a Stack event 4 values per frame. */
  args: (number | bigint)[];
  /** Trailing data for String/ExperimentalBatch. null where Go's slice is nil (no data line). */
  data: Uint8Array | null;
}

/** Names of the four values of one stack frame, in wire order. */
export const FRAME_FIELDS = ['pc', 'func', 'file', 'line'] as const;

/** A raw event could not be read. Messages are Go's raw.Reader errors. */
export class RawReadError extends WireError {
  constructor(message: string, offset: number) {
    super('damaged', message, offset);
    this.name = 'RawReadError';
  }
}

const TWO_POW_63 = 1n << 63n;

/** Go's int(uint64) for a count: values with the top bit set turn negative, so loops run 0 times. */
function countOf(v: number | bigint): number {
  if (typeof v === 'number') return v;
  return v >= TWO_POW_63 ? 0 : Number.MAX_SAFE_INTEGER;
}

/**
 * Reads raw events from a binary trace, as Go's raw.Reader does. Construct with
 * RawReader.open (reads the header). next() returns null at the end of the stream,
 * including where Go's reader returns a bare io.EOF mid-event (Go's callers stop quietly
 * there), and throws RawReadError otherwise.
 */
export class RawReader {
  pos: number;
  readonly specs: readonly EventSpec[];

  private constructor(readonly buf: Uint8Array, readonly version: GoTraceVersion, pos: number) {
    this.pos = pos;
    this.specs = specsForAny(version);
  }

  /** Reads the header; throws HeaderError with Go's message. v1 headers are accepted, as in Go. */
  static open(buf: Uint8Array): RawReader {
    const { version, size } = scanHeader(buf);
    return new RawReader(buf, version, size);
  }

  /** Reads the events in buf from pos, the header having been read elsewhere (raw-stream.ts). */
  static over(buf: Uint8Array, version: GoTraceVersion, pos: number): RawReader {
    return new RawReader(buf, version, pos);
  }

  next(): RawEvent | null {
    try {
      return this.readEvent();
    } catch (e) {
      if (e instanceof CleanEOF) return null;
      throw e;
    }
  }

  private readEvent(): RawEvent | null {
    const buf = this.buf;
    if (this.pos >= buf.length) return null;
    const start = this.pos;
    const typ = buf[this.pos++];
    if (typ >= this.specs.length || typ === 0) {
      throw new RawReadError(`invalid event type: ${typ}`, start);
    }
    const spec = this.specs[typ];
    const nargs = spec.args.length;
    const args: (number | bigint)[] = new Array(nargs);
    for (let i = 0; i < nargs; i++) args[i] = this.uvarint();
    if (spec.isStack) {
      const n = countOf(args[1]);
      // Ends at the input's end at the latest: every value takes at least one byte.
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < 4; k++) args.push(this.uvarint());
      }
    }
    let data: Uint8Array | null = null;
    if (spec.hasData) {
      const len = countOf(this.uvarint());
      if (len > 0) {
        if (buf.length - this.pos < len) throw new CleanEOF(buf.length);
        data = buf.subarray(this.pos, this.pos + len);
        this.pos += len;
      }
    }
    return { version: this.version, type: typ, args, data };
  }

  /** binary.ReadUvarint: io.EOF before the first byte, io.ErrUnexpectedEOF after it. */
  private uvarint(): number | bigint {
    // Most values are one byte; only the others pay for the general decoder's call.
    const p = this.pos;
    if (p < this.buf.length) {
      const c = this.buf[p];
      if (c < 0x80) {
        this.pos = p + 1;
        return c;
      }
    }
    const v = uvarintAt(this.buf, p, this.buf.length);
    if (v === -1) {
      const fault = uvarintScan.fault;
      if (fault === UVARINT_EOF) throw new CleanEOF(this.pos);
      throw new RawReadError(uvarintFaultText(fault), uvarintScan.end);
    }
    this.pos = uvarintScan.end;
    return v;
  }
}

function specOf(ev: RawEvent): EventSpec {
  const spec = specsForAny(ev.version)[ev.type];
  if (!spec) throw new RangeError(`event type ${ev.type} is not in the go 1.${ev.version} table`);
  return spec;
}

/**
 * Go's raw Event.String: the canonical text form of one event (no trailing newline), with data
 * quoted as Go release `go` quotes it.
 */
export function rawEventString(ev: RawEvent, go: GoRelease = NEWEST_GO): string {
  const spec = specOf(ev);
  let s = spec.name;
  for (let i = 0; i < spec.args.length; i++) s += ` ${spec.args[i]}=${ev.args[i]}`;
  if (spec.isStack) {
    for (let i = spec.args.length; i < ev.args.length; i++) {
      const k = (i - spec.args.length) % 4;
      s += (k === 0 ? '\n\t' : ' ') + FRAME_FIELDS[k] + '=' + ev.args[i];
    }
  }
  if (ev.data !== null) s += '\n\tdata=' + goQuoteBytes(ev.data, go);
  return s;
}

/** Go's raw Event.EncodedSize: the size with minimal varints. */
export function rawEventEncodedSize(ev: RawEvent): number {
  let size = 1;
  for (const a of ev.args) size += uvarintSize(a);
  if (specOf(ev).hasData) {
    const n = ev.data ? ev.data.length : 0;
    size += uvarintSize(n) + n;
  }
  return size;
}

/** Go's raw Writer.WriteEvent: type byte, minimal varints, then length-prefixed data. */
export function writeRawEvent(w: ByteWriter, ev: RawEvent): void {
  const spec = specOf(ev);
  if (ev.args.length < spec.args.length) {
    throw new RangeError(`${spec.name} needs ${spec.args.length} arguments, has ${ev.args.length}`);
  }
  w.byte(ev.type);
  const n = spec.isStack ? ev.args.length : spec.args.length;
  for (let i = 0; i < n; i++) w.uvarint(ev.args[i]);
  if (spec.hasData) {
    const data = ev.data ?? new Uint8Array(0);
    w.uvarint(data.length);
    w.bytes(data);
  }
}

// Raw events (raw.ts) over input arriving in pieces (a Node file stream, a gunzip stream): the
// same events and the same errors as RawReader over the whole file, holding only the unread
// part of the input received so far. An event is read from a view of the input; if the read
// runs off the view's end before the input has ended, next() says so (NEED_INPUT), more()
// takes in more (at least doubling the view, so a huge event costs linear time) and the
// event is read again.

import { type ChunkFeeder } from './chunk-feeder';
import { headerBytes, headerReady, NEED_INPUT } from './batch-peek';
import { type RawEvent, RawReader, RawReadError } from './raw';
import type { EventSpec } from './specs';
import { UVARINT_UNEXPECTED_EOF, uvarintFaultText } from './varint';
import { scanHeader, type GoTraceVersion } from './version';

/** The error a varint cut by the view's end gives: the end of input, if the input has ended. */
const CUT_VARINT = uvarintFaultText(UVARINT_UNEXPECTED_EOF);

/**
 * r.next() over a view of input that arrives in pieces: the event; null at the end of the
 * input; or NEED_INPUT, with r moved back to the event's start, when the view ended first
 * (r.next() gave null, or an error `cut` says the view's end caused) and more input may come.
 */
export function readOrWant<E>(r: { pos: number; next(): E | null }, ended: boolean, cut: (e: unknown) => boolean): E | null | typeof NEED_INPUT {
  const start = r.pos;
  let ev: E | null;
  try {
    ev = r.next();
  } catch (e) {
    if (ended || !cut(e)) throw e;
    ev = null;
  }
  if (ev !== null || ended) return ev;
  r.pos = start;
  return NEED_INPUT;
}

export class RawStreamReader {
  private reader: RawReader;
  /** Absolute offset of the view's first byte. */
  private base: number;

  private constructor(
    private readonly feed: ChunkFeeder,
    readonly version: GoTraceVersion,
    headerSize: number,
  ) {
    feed.input.skipTo(headerSize);
    this.base = headerSize;
    this.reader = RawReader.over(this.unread(), version, 0);
  }

  /** Reads the header; throws HeaderError with Go's message, as RawReader.open. */
  static async open(feed: ChunkFeeder): Promise<RawStreamReader> {
    while (!headerReady(feed.input)) await feed.more();
    const { version, size } = scanHeader(headerBytes(feed.input));
    return new RawStreamReader(feed, version, size);
  }

  get specs(): readonly EventSpec[] {
    return this.reader.specs;
  }

  /**
   * RawReader.next over the whole input: the next event, null at the end, NEED_INPUT when the
   * view ends first (call more(), then next() again); throws RawReadError.
   */
  next(): RawEvent | null | typeof NEED_INPUT {
    return readOrWant(this.reader, this.feed.input.ended, (e) => e instanceof RawReadError && e.message === CUT_VARINT);
  }

  /** Drops the view's bytes already read and takes in at least as many again as remain. */
  async more(): Promise<void> {
    const input = this.feed.input;
    this.base += this.reader.pos;
    input.skipTo(this.base);
    const want = Math.max(input.available * 2, input.available + 1);
    while (input.available < want && !input.ended) await this.feed.more();
    this.reader = RawReader.over(this.unread(), this.version, 0);
  }

  private unread(): Uint8Array {
    const input = this.feed.input;
    return input.peek(this.base, input.available);
  }
}

// The text format (text.ts) over input arriving in pieces (a Node file stream): the same
// events and the same errors as TextReader over the whole input, holding only the unread part
// of what arrived. Events are read from a view of the unread complete lines; an event the view
// cuts short (its stack frames or data lines not there yet) reads as the view's end, so
// next() says NEED_INPUT, more() takes in more (at least doubling the view, so a huge event
// costs linear time) and the event is read again.

import type { ChunkFeeder } from './chunk-feeder';
import { NEED_INPUT } from './batch-peek';
import type { RawEvent } from './raw';
import { readOrWant } from './raw-stream';
import { MAX_LINE, TextFormatError, TextReader } from './text';
import type { GoTraceVersion } from './version';

export class TextStreamReader {
  private reader: TextReader;
  /** Offset of the view's first byte in the whole input. */
  private base: number;

  private constructor(
    private readonly feed: ChunkFeeder,
    readonly version: GoTraceVersion,
    base: number,
  ) {
    this.base = base;
    this.reader = TextReader.over(this.view(), version, base);
  }

  /** Reads up to and through the header line; throws TextFormatError with Go's message. */
  static async open(feed: ChunkFeeder): Promise<TextStreamReader> {
    const input = feed.input;
    for (;;) {
      let r: TextReader | null = null;
      try {
        r = TextReader.open(linesOf(feed, 0));
      } catch (e) {
        // No line but blank ones yet: the header is still to come.
        if (input.ended || !(e instanceof TextFormatError) || e.message !== 'EOF') throw e;
      }
      if (r !== null) return new TextStreamReader(feed, r.version, r.pos);
      await grow(feed, 0);
    }
  }

  /**
   * TextReader.next over the whole input: the next event, null at the end, NEED_INPUT when the
   * view ends first (call more(), then next() again); throws TextFormatError.
   */
  next(): RawEvent | null | typeof NEED_INPUT {
    return readOrWant(this.reader, this.feed.input.ended, (e) => e instanceof TextFormatError && e.message.startsWith('unexpected EOF'));
  }

  /** Drops the view's lines already read and takes in more. */
  async more(): Promise<void> {
    this.base += this.reader.pos;
    this.feed.input.skipTo(this.base);
    await grow(this.feed, this.base);
    this.reader = TextReader.over(this.view(), this.version, this.base);
  }

  private view(): Uint8Array {
    return linesOf(this.feed, this.base);
  }
}

/**
 * The received bytes from `from` through the last newline: complete lines only, unless the
 * input ended, or the last line is already too long for Go's scanner (TextReader then fails
 * on it as over the whole input).
 */
function linesOf(feed: ChunkFeeder, from: number): Uint8Array {
  const input = feed.input;
  const all = input.peek(from, input.received - from);
  if (input.ended) return all;
  const nl = all.lastIndexOf(0x0a);
  if (all.length - (nl + 1) >= MAX_LINE) return all;
  return all.subarray(0, nl + 1);
}

/** Takes in at least as many bytes again as are unread from `from` (or up to the end). */
async function grow(feed: ChunkFeeder, from: number): Promise<void> {
  const input = feed.input;
  const have = input.received - from;
  const want = from + Math.max(have * 2, have + 1);
  while (input.received < want && !input.ended) await feed.more();
}

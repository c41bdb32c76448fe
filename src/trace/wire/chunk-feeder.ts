// Pulls the pieces of an input (a File read in slices, a gunzip stream, a Node file stream)
// into a ChunkedInput one at a time, as a reader asks for them. A source that fails ends the
// input where it failed and keeps the failure, so what arrived before it is still read.

import { ChunkedInput } from './chunked-input';

/** Pieces of the input in order: an AsyncIterable (a ReadableStream, a Node stream) or a pull function (null at the end). */
export type ChunkSource = AsyncIterable<Uint8Array> | (() => Promise<Uint8Array | null>);

/** The source failed (not the trace): its message says why. */
export class SourceError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SourceError';
  }
}

export class ChunkFeeder {
  readonly input = new ChunkedInput();
  failure: SourceError | null = null;
  private readonly pull: () => Promise<Uint8Array | null>;

  constructor(source: ChunkSource) {
    if (typeof source === 'function') this.pull = source;
    else {
      const it = source[Symbol.asyncIterator]();
      this.pull = async () => {
        const r = await it.next();
        return r.done ? null : r.value;
      };
    }
  }

  /** Appends the next piece, or ends the input (at the source's end or failure). */
  async more(): Promise<void> {
    if (this.input.ended) return;
    let c: Uint8Array | null;
    try {
      c = await this.pull();
    } catch (e) {
      this.failure = new SourceError(e);
      this.input.end();
      return;
    }
    if (c === null) this.input.end();
    // A Node Buffer is a Uint8Array subclass: a plain view keeps the decoders monomorphic.
    else this.input.push(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  }
}

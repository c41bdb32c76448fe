// Where the reader's generations come from, and how the trace ends: Go's
// internal/trace/reader.go (ReadEvent's generation boundary, nextGenWithSpill) without the
// events. Over a whole buffer the bytes are there; streamed, each generation's bytes are taken
// off the input as one slice once they have wholly arrived (generation-feed.ts). Before Go
// 1.26 there is no end-of-generation marker: the first batch of the next generation is read
// while reading this one and kept (spilled) for the next read.
//
// A damaged or cut generation ends the trace the way Go's reader does: first a Sync that closes
// the last good generation, then, at the next call, the error.

import { type Batch, ByteStream } from './batch';
import { ChunkedInput } from '../wire/chunked-input';
import { GenerationFeed } from './generation-feed';
import { TraceError } from './errors';
import { type Generation, readGeneration, readGenerationWithSpill } from './generation';
import type { Version } from '../wire/version';

/**
 * The next step at a generation boundary: a generation to read, or a Sync to emit that closes
 * the last good one. After a Sync the trace has ended (`ended`) or the next call throws the
 * error that stopped it; `dropGen` says whether the reader forgets its generation (as Go's does
 * on those paths; it only shows in which generation number the reader reports).
 */
export type GenerationStep = { gen: Generation } | { gen: null; ended: boolean; dropGen: boolean };

export class GenerationSource {
  private stream: ByteStream;
  /** Absolute offset of stream.buf[0]: 0 over a whole buffer, a slice's start when streamed. */
  private streamBase: number;
  /** Streamed input: where each generation's slice comes from (null over a whole buffer). */
  private readonly feed: GenerationFeed | null;
  private readErr: TraceError | null = null;
  private spill: Batch | null = null;
  private spillErr: TraceError | null = null;
  private spillErrSync = false;
  /** End offset of the last generation read without error. */
  goodOffset: number;

  /** Reads from `input` after its header of `headerSize` bytes. */
  constructor(
    input: Uint8Array | ChunkedInput,
    headerSize: number,
    private readonly version: Version,
    maxGenerationBytes: number,
  ) {
    this.goodOffset = headerSize;
    if (input instanceof ChunkedInput) {
      input.skipTo(headerSize);
      this.stream = new ByteStream(new Uint8Array(0), 0);
      this.streamBase = headerSize;
      this.feed = new GenerationFeed(input, version, maxGenerationBytes);
    } else {
      this.stream = new ByteStream(input, headerSize);
      this.streamBase = 0;
      this.feed = null;
    }
  }

  /** Bytes of the input consumed so far. */
  get offset(): number {
    return this.streamBase + this.stream.pos;
  }

  /**
   * The next step, given whether the reader has read a generation yet. Throws the error that
   * ended the trace (after the Sync), or WANT_INPUT while a streamed generation has not wholly
   * arrived (nothing changes; call again with more input).
   */
  next(haveGen: boolean): GenerationStep {
    return this.version < 26 ? this.nextWithSpill(haveGen) : this.nextMarked();
  }

  /** Go 1.26 on: generations end with a marker. */
  private nextMarked(): GenerationStep {
    if (this.readErr !== null) throw this.readErr;
    let gen: Generation | null;
    try {
      if (this.feed !== null) this.take(null);
      this.goodOffset = this.offset;
      gen = readGeneration(this.stream, this.version);
    } catch (e) {
      if (!(e instanceof TraceError)) throw e;
      this.readErr = e;
      return { gen: null, ended: false, dropGen: true };
    }
    return gen === null ? { gen: null, ended: true, dropGen: true } : { gen };
  }

  /** Before Go 1.26: a generation ends where the next one's first batch begins. */
  private nextWithSpill(haveGen: boolean): GenerationStep {
    if (this.spillErr !== null) {
      if (this.spillErrSync) throw this.spillErr;
      this.spillErrSync = true;
      return { gen: null, ended: false, dropGen: false };
    }
    // No batch of a further generation was seen: the trace is over.
    if (haveGen && this.spill === null) return { gen: null, ended: true, dropGen: false };
    let gen: Generation | null;
    try {
      if (this.feed !== null) this.take(this.spill === null ? null : this.spill.gen);
      this.goodOffset = this.offset;
      const r = readGenerationWithSpill(this.stream, this.spill, this.version);
      gen = r.gen;
      this.spill = r.spill;
      this.spillErr = r.error;
      // The spilled batch is a view into this slice: a copy lets the slice go with the generation.
      if (this.feed !== null && r.spill !== null) r.spill.data = r.spill.data.slice();
    } catch (e) {
      if (!(e instanceof TraceError)) throw e;
      this.spill = null;
      this.spillErr = e;
      gen = null;
    }
    if (gen === null) {
      this.spillErrSync = true;
      return { gen: null, ended: false, dropGen: true };
    }
    return { gen };
  }

  /** Streamed: reads from the next generation's slice (throws WANT_INPUT until it has arrived). */
  private take(spillGen: number | bigint | null): void {
    const w = this.feed!.next(spillGen);
    this.stream = new ByteStream(w.bytes, 0);
    this.streamBase = w.base;
  }
}

// Reading batch framing from input that arrives in pieces (chunked-input.ts). A batch record
// is at most a header (type, experiment byte, four uvarints of at most 10 bytes) and a 64 KiB
// payload, so once that many bytes past its start have arrived, or the input has ended, the
// record reads exactly as it would in the whole file: the same batch, or the same error at
// the same offset. Before that, a record that does not read yet may only be cut short by the
// chunking, so the caller waits for more input.

import { type Batch, BatchError, readBatch } from './batch';
import type { ChunkedInput } from './chunked-input';
import { Ev, MAX_BATCH_SIZE } from './specs';
import { scanHeader, type Version } from './version';

/** The most bytes one batch record can span: type, experiment, four 10-byte uvarints, payload. */
export const MAX_RECORD_BYTES = 2 + 4 * 10 + MAX_BATCH_SIZE;

/** peekBatch's answer when the record at that offset has not wholly arrived yet. */
export const NEED_INPUT = 'need-input' as const;

export type PeekResult = { batch: Batch; next: number } | null | typeof NEED_INPUT;

/**
 * The batch record at absolute offset `at` of the input (not consumed), with `next` absolute;
 * null at a clean end (wire/batch.ts readBatch's io.EOF); NEED_INPUT when the answer could
 * still change with more input. Throws BatchError with an absolute offset.
 * The batch's data may be a copy (a record spanning chunks) or a view into a chunk.
 */
export function peekBatch(input: ChunkedInput, at: number, version?: Version): PeekResult {
  const bytes = input.peek(at, MAX_RECORD_BYTES);
  const final = input.ended || bytes.length >= MAX_RECORD_BYTES;
  let r: { batch: Batch; next: number } | null;
  try {
    r = readBatch(bytes, 0, version);
  } catch (e) {
    if (!(e instanceof BatchError)) throw e;
    if (!final) return NEED_INPUT;
    throw new BatchError(e.message, at + e.offset);
  }
  // A record that read whole from a prefix reads the same from the whole input.
  if (r === null) return final ? null : NEED_INPUT;
  r.batch.offset = at;
  r.next += at;
  return r;
}

/**
 * Where the generation starting at absolute offset `at` ends for a reader of this version:
 * the absolute offset such that reading the generation from the bytes before it gives what
 * reading it from the whole input gives (its batches, or the same error). Follows the limits
 * of Go's internal/trace/generation.go: from Go 1.26 the EndOfGeneration record (or a batch of
 * another generation, or number 0, which Go rejects there); before, the first batch of another
 * generation, which Go reads as the spill. `spillGen` is the number of the spilled batch that
 * starts this generation (before Go 1.26), if any. A damaged record ends it too (the error is
 * the reader's), and the end of input always does.
 *
 * `from` resumes a scan that an earlier call left at NEED_INPUT (scan.pos); the result is the
 * end offset, or NEED_INPUT with `scan` updated.
 */
export function generationEnd(input: ChunkedInput, version: Version, scan: GenerationScan): number | typeof NEED_INPUT {
  for (;;) {
    let r: PeekResult;
    try {
      r = peekBatch(input, scan.pos, version);
    } catch (e) {
      if (!(e instanceof BatchError)) throw e;
      // The record is damaged: the error is determined by the bytes up to its largest extent.
      return Math.min(input.received, scan.pos + MAX_RECORD_BYTES);
    }
    if (r === NEED_INPUT) return NEED_INPUT;
    if (r === null) return input.received;
    const b = r.batch;
    const gen = BigInt(b.gen);
    if (scan.gen === null) scan.gen = gen;
    const endsHere =
      gen === 0n ||
      gen !== scan.gen ||
      (version >= 26 && (b.isEndOfGeneration || (b.exp === 0 && b.data.length > 0 && b.data[0] === Ev.EndOfGeneration)));
    if (endsHere) return r.next;
    scan.pos = r.next;
    if (scan.pos - scan.start > scan.maxBytes) {
      throw new GenerationTooLarge(scan.start, scan.maxBytes);
    }
  }
}

/** The state of a scan for a generation's end, kept across calls while input arrives. */
export interface GenerationScan {
  /** Absolute offset where the generation starts. */
  readonly start: number;
  /** Absolute offset of the next record to look at. */
  pos: number;
  /** The generation's number (from the spill, or its first batch); null until known. */
  gen: bigint | null;
  /** The most bytes a generation may span before GenerationTooLarge. */
  readonly maxBytes: number;
}

export function newGenerationScan(start: number, spillGen: number | bigint | null, maxBytes: number): GenerationScan {
  return { start, pos: start, gen: spillGen === null ? null : BigInt(spillGen), maxBytes };
}

/**
 * A generation longer than a streamed reader holds at once. Not one of Go's errors: Go's reader
 * holds a generation in memory whatever its size; a page cannot.
 */
export class GenerationTooLarge extends Error {
  constructor(
    readonly offset: number,
    readonly maxBytes: number,
  ) {
    super(`the generation at offset ${offset} is larger than ${maxBytes} bytes, the most read at once`);
    this.name = 'GenerationTooLarge';
  }
}

/**
 * A header longer than this (Go's header allows any run of spaces) is judged from this many
 * bytes alone; real headers are 16 bytes.
 */
const HEADER_PEEK = 64 << 10;

/** Whether enough input has arrived to read the header (or it never will). */
export function headerReady(input: ChunkedInput): boolean {
  if (input.ended || input.available >= HEADER_PEEK) return true;
  try {
    scanHeader(input.peek(input.start, HEADER_PEEK));
    return true;
  } catch {
    return false;
  }
}

/** The header's bytes as scanHeader reads them from the whole input. */
export function headerBytes(input: ChunkedInput): Uint8Array {
  return input.peek(input.start, HEADER_PEEK);
}


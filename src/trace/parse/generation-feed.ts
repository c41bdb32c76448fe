// The streamed reader's side of chunked input: when the header has arrived, and the run
// of bytes each generation is read from. TraceReader reads one generation at a time; fed in
// pieces, it asks here, before each generation, for a contiguous array holding exactly the
// bytes that generation's read touches (wire/batch-peek.ts generationEnd), taken off the
// input so every chunk before it can be freed. Reading that array gives the same events and
// errors, at the same offsets, as reading the whole file.

import { type ChunkedInput } from '../wire/chunked-input';
import { GenerationTooLarge, generationEnd, type GenerationScan, NEED_INPUT, newGenerationScan } from '../wire/batch-peek';
import { type Version } from '../wire/version';
import { TraceError } from './errors';

/**
 * The default for the most bytes one generation may span when streamed: Go's writers cut a
 * generation about every second, and the largest in our bench traces are a few megabytes.
 */
export const DEFAULT_MAX_GENERATION_BYTES = 1 << 30;

export { headerBytes, headerReady } from '../wire/batch-peek';

/** Thrown inside the reader when the next generation has not wholly arrived; never escapes it. */
export const WANT_INPUT: unique symbol = Symbol('want input');

/** The streamed reader's slice state: where the input is and the scan in progress. */
export class GenerationFeed {
  private scan: GenerationScan | null = null;

  constructor(
    readonly input: ChunkedInput,
    readonly version: Version,
    readonly maxGenerationBytes: number,
  ) {}

  /**
   * The bytes of the next generation (starting at input.start, which it returns as `base`),
   * or throws WANT_INPUT. A generation past maxGenerationBytes throws TraceError with fault
   * 'too-large'.
   */
  next(spillGen: number | bigint | null): { bytes: Uint8Array; base: number } {
    const input = this.input;
    if (this.scan === null) this.scan = newGenerationScan(input.start, spillGen, this.maxGenerationBytes);
    let end: number | typeof NEED_INPUT;
    try {
      end = generationEnd(input, this.version, this.scan);
    } catch (e) {
      if (!(e instanceof GenerationTooLarge)) throw e;
      this.scan = null;
      throw new TraceError(e.message, 'too-large');
    }
    if (end === NEED_INPUT) throw WANT_INPUT;
    this.scan = null;
    const base = input.start;
    return { bytes: input.take(end - base), base };
  }
}

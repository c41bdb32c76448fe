// What the trace reader reads from: the header scanned, then either the generations' bytes (a
// whole buffer, or a streamed input: generation-source.ts) or, for a Go 1.11–1.21 trace, Go's
// old-format reader (src/trace/v1), which reads its one generation whole. Streamed, that old
// format waits for the end of the input and then takes all of it.

import { type GoTraceVersion, isV2Version, scanHeader, type Version } from '../wire/version';
import { V1Reader } from '../v1/reader';
import { ChunkedInput } from '../wire/chunked-input';
import { headerBytes } from './generation-feed';
import { GenerationSource } from './generation-source';

export class ReaderInput {
  readonly version: GoTraceVersion;
  /** The generations' bytes (empty for a Go 1.11–1.21 trace). */
  readonly source: GenerationSource;
  /** Go's old-format reader, for a Go 1.11–1.21 trace once it can start (see ready). */
  v1: V1Reader | null = null;
  /** Streamed, a Go 1.11–1.21 trace waits for the whole input: its header size until then. */
  private v1Pending = -1;
  private readonly stream: ChunkedInput | null = null;

  /**
   * Throws HeaderError (from the wire layer) for a file that is not a trace we read. Over a
   * ChunkedInput, the header must have arrived (generation-feed.ts headerReady).
   */
  constructor(input: Uint8Array | ChunkedInput, maxGenerationBytes: number) {
    if (input instanceof ChunkedInput) {
      const { version, size } = scanHeader(headerBytes(input));
      this.version = version;
      this.stream = input;
      if (isV2Version(version)) {
        this.source = new GenerationSource(input, size, version as Version, maxGenerationBytes);
      } else {
        // Read whole once the input has ended (ready); until then nothing is taken off it.
        this.v1Pending = size;
        this.source = new GenerationSource(new Uint8Array(0), 0, version as Version, maxGenerationBytes);
        this.source.goodOffset = size;
      }
      return;
    }
    // A plain Uint8Array view (not a Node Buffer subclass) keeps the decoders monomorphic.
    const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    const { version, size } = scanHeader(bytes);
    this.version = version;
    if (!isV2Version(version)) this.v1 = new V1Reader(bytes, size, version);
    this.source = new GenerationSource(bytes, size, version as Version, maxGenerationBytes);
  }

  /**
   * Whether reading can go on. Only a streamed Go 1.11–1.21 trace waits (false) until its input
   * has ended; it is then read whole by Go's old-format reader.
   */
  ready(): boolean {
    if (this.v1Pending < 0) return true;
    const input = this.stream!;
    if (!input.ended) return false;
    this.v1 = new V1Reader(input.take(input.available), this.v1Pending, this.version);
    this.v1Pending = -1;
    return true;
  }

  /** Bytes of the input consumed so far. */
  get offset(): number {
    return this.v1 !== null ? this.v1.offset : this.source.offset;
  }

  /** End offset of the last generation read without error. */
  get validOffset(): number {
    return this.v1 !== null ? this.v1.validOffset : this.source.goodOffset;
  }
}

// A File or Blob as a source of chunks for the streamed reader (trace/wire/chunk-feeder.ts):
// read in slices of a few megabytes, never whole; a gzip file (by its magic bytes, never its
// name) decompressed as a stream through the platform's DecompressionStream. Each pass over
// the trace (the wire summary, the parse, the analyses) opens its own source on the same Blob,
// which costs a re-read (and, for gzip, a re-inflate) instead of holding the trace. A plain
// file's slices are read, and a gzip file inflated, by a slice-reader worker (slice-reader.ts),
// off the parsing thread.

import { isGzip } from './gunzip';
import { GunzipError } from './gunzip';
import { inflateHere } from './inflate';
import { inflateSlices, readHere, readSlice } from './slice-reader';

/**
 * The most bytes of trace the page reads (a plain file's size, a gzip file's decompressed
 * size): the timeline model and analyses built from a trace grow with it (state/inspect-limits.ts).
 */
export const MAX_TRACE_BYTES = 4 * 1024 ** 3;

/** Bytes read from a plain file per slice: large enough that per-slice costs vanish. */
export const SLICE_BYTES = 8 << 20;

/** Whether the Blob begins like a gzip stream. */
export async function blobIsGzip(blob: Blob): Promise<boolean> {
  return isGzip(new Uint8Array(await blob.slice(0, 3).arrayBuffer()));
}

export interface BlobSource {
  /** The next piece, or null at the end. Throws GunzipError for a damaged or cut gzip stream. */
  pull(): Promise<Uint8Array | null>;
  /** Stops reading (a pass that ended early); safe to call at any time. */
  cancel(): void;
}

/**
 * How a plain file's next slice is read: on this thread (`here`) or by the slice reader, and
 * how many slices are kept on their way ahead of the reader.
 */
export interface ReadPlan {
  here: boolean;
  ahead: number;
}

/**
 * The plan of a pass over a plain file: no event can be ordered before the first generation is
 * read whole, and until then nothing else runs on the pass's thread, so its slices are read
 * there, three at a time (beside the slice reader's thread, which may be serving another pass).
 * Once `started` says the pass has begun, the slice reader reads one slice ahead, so that
 * reading does not take turns with the pass on its thread.
 */
export function firstGenerationHere(started: () => boolean): () => ReadPlan {
  return () => (started() ? { here: false, ahead: 1 } : { here: true, ahead: 3 });
}

/**
 * The trace's bytes from the Blob, in pieces; decompressed when gzip is true. `here`: read and
 * inflate on this thread, not through the slice reader (for a pass that should not wait behind
 * another's inflating there). `plan`, for a plain file, decides that per slice instead (asked
 * before each read); without it, one slice is read ahead.
 */
export function blobSource(
  blob: Blob,
  gzip: boolean,
  slice = SLICE_BYTES,
  maxOut = MAX_TRACE_BYTES,
  here = false,
  plan?: () => ReadPlan,
): BlobSource {
  if (!gzip) {
    // Slices are read ahead: the next are on their way while the reader works on this one. The
    // first read starts at once, not at the first pull: the reads of a pass opened first (the
    // parse's, in the parse worker) are then served before those of passes opened after it.
    const planned = plan ?? (() => ({ here, ahead: 1 }));
    let pos = 0;
    const ahead: Promise<Uint8Array>[] = [];
    const fill = () => {
      for (;;) {
        const p = planned();
        if (ahead.length >= p.ahead || pos >= blob.size) return;
        const end = Math.min(blob.size, pos + slice);
        const part = (p.here ? readHere : readSlice)(blob, pos, end);
        part.catch(() => {}); // a read ahead that is never pulled (cancel) must not go unhandled
        ahead.push(part);
        pos = end;
      }
    };
    fill();
    return {
      async pull() {
        fill();
        const part = ahead.shift();
        if (part === undefined) return null;
        fill();
        return part;
      },
      cancel() {
        pos = blob.size;
        ahead.length = 0;
      },
    };
  }
  // Inflated by the slice reader (or here), one piece read ahead, as for a plain file.
  const inflating = here ? inflateHere(blob) : inflateSlices(blob);
  let ahead = inflating.next();
  ahead.catch(() => {}); // a read ahead that is never pulled (cancel) must not go unhandled
  let done = false;
  let out = 0;
  return {
    async pull() {
      if (done) return null;
      let piece: Uint8Array | null;
      try {
        piece = await ahead;
      } catch (e) {
        done = true;
        throw new GunzipError(`the gzip data is damaged or cut short (${e instanceof Error ? e.message : String(e)})`);
      }
      if (piece === null) {
        done = true;
        return null;
      }
      out += piece.length;
      if (out > maxOut) {
        done = true;
        inflating.cancel();
        throw new GunzipError(`decompressed, the trace is more than ${maxOut} bytes, the most read`);
      }
      ahead = inflating.next();
      ahead.catch(() => {});
      return piece;
    },
    cancel() {
      if (done) return;
      done = true;
      inflating.cancel();
    },
  };
}

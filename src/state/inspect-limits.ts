// How much of a trace the page agrees to read. The file itself is no longer the limit: the
// parse worker streams it (a Blob read in slices, a gzip file through DecompressionStream)
// and holds one generation at a time. What still grows with the trace is what the page
// builds from it and keeps: the timeline model (every span of every goroutine, P and M) and
// the analyses (per-goroutine summaries, profiles, the MMU log), together several times the
// trace's size. So the cap is set by those, and stated before a single byte is read; a gzip
// file is held to the same cap once decompressed (worker/blob-source.ts).

import { MAX_TRACE_BYTES } from '../worker/blob-source';

/** The largest trace the page reads: 4 GiB (its timeline model and analyses, not the file, are the limit). */
export const MAX_FILE_BYTES = MAX_TRACE_BYTES;

/** The cap in the words the page uses ("4 GiB"). */
export const MAX_FILE_TEXT = '4 GiB';

/**
 * Bytes an embedding page posts (not a File) are held whole in memory, by the page and the
 * worker, so they keep the old cap: 1 GiB.
 */
export const MAX_POSTED_BYTES = 1024 ** 3;

/** Null when the file may be read; otherwise what the user is told. `posted`: bytes, not a File. */
export function fileSizeProblem(fileName: string, size: number, max = MAX_FILE_BYTES, posted = false): string | null {
  if (size <= max) return null;
  if (posted) {
    return (
      `${fileName} is ${gib(size)}; Flightdeck reads traces posted as bytes of up to ${gib(max)}, since they are held whole in memory. ` +
      'Record a shorter trace, or open the file itself in Flightdeck, which reads it a piece at a time.'
    );
  }
  return (
    `${fileName} is ${gib(size)}; Flightdeck reads traces of up to ${max === MAX_FILE_BYTES ? MAX_FILE_TEXT : gib(max)} in the browser: ` +
    'it reads the file a piece at a time, but the timeline and analyses it builds grow with the trace and would not fit in the tab’s memory. ' +
    'Record a shorter trace (a flight-recorder snapshot keeps only the last few seconds), or use go tool trace for this one.'
  );
}

function gib(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  return `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

// The slice reader's contract (slice-reader.worker.ts, started by a worker that reads a trace's
// Blob): a request names a byte range of a Blob, or asks for the next inflated piece of a gzip
// Blob's stream (opened by its first request, pieces in request order); the reply hands over
// the bytes (transferred; null at the stream's end) or says why they could not be read. An
// 'inspect' request walks a whole Blob's batch framing there (the wire summary) and answers
// with the summary.

import type { WireSummary } from '../trace/wire/inspect';

export type SliceRequest =
  | { readonly kind: 'slice'; readonly seq: number; readonly blob: Blob; readonly start: number; readonly end: number }
  | { readonly kind: 'inflate'; readonly seq: number; readonly stream: number; readonly blob: Blob }
  /** The wire summary of the whole Blob (decompressed first when gzip). */
  | { readonly kind: 'inspect'; readonly seq: number; readonly stream: number; readonly blob: Blob; readonly gzip: boolean }
  /** Stops a stream or walk (its pass ended early); no reply. */
  | { readonly kind: 'cancel'; readonly stream: number };

export type SliceReply =
  | { readonly seq: number; readonly bytes: ArrayBuffer | null }
  | { readonly seq: number; readonly error: string }
  | { readonly seq: number; readonly inspected: Inspected };

/**
 * A Blob's wire summary, and the failure of a gzip stream that ended it early (null when the
 * bytes could all be read).
 */
export interface Inspected {
  readonly wire: WireSummary;
  readonly failure: string | null;
}

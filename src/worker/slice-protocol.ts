// The slice reader's contract (slice-reader.worker.ts, started by a worker that reads a trace's
// Blob): a request names a byte range of a Blob, or asks for the next inflated piece of a gzip
// Blob's stream (opened by its first request, pieces in request order); the reply hands over
// the bytes (transferred; null at the stream's end) or says why they could not be read.

export type SliceRequest =
  | { readonly kind: 'slice'; readonly seq: number; readonly blob: Blob; readonly start: number; readonly end: number }
  | { readonly kind: 'inflate'; readonly seq: number; readonly stream: number; readonly blob: Blob }
  /** Stops a stream (its pass ended early); no reply. */
  | { readonly kind: 'cancel'; readonly stream: number };

export type SliceReply =
  | { readonly seq: number; readonly bytes: ArrayBuffer | null }
  | { readonly seq: number; readonly error: string };

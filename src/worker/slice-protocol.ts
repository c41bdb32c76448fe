// The slice reader's contract (slice-reader.worker.ts, started by a worker that reads a trace's
// Blob): a request names a byte range of a Blob, the reply hands over its bytes (transferred)
// or says why they could not be read.

export interface SliceRequest {
  readonly seq: number;
  readonly blob: Blob;
  readonly start: number;
  readonly end: number;
}

export type SliceReply =
  | { readonly seq: number; readonly bytes: ArrayBuffer }
  | { readonly seq: number; readonly error: string };

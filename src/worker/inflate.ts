// A gzip Blob's bytes, inflated as they are read (the platform's DecompressionStream), on the
// calling thread: what blob-source.ts uses where no slice reader can do it elsewhere, and what
// the slice reader itself runs.

/** The pieces of a gzip Blob, inflated; next() gives null at the end and throws for bad data. */
export interface Inflating {
  next(): Promise<Uint8Array | null>;
  cancel(): void;
}

export function inflateHere(blob: Blob): Inflating {
  const reader = blob.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  return {
    async next() {
      const r = await reader.read();
      return r.done ? null : r.value;
    },
    cancel() {
      void reader.cancel().catch(() => {});
    },
  };
}

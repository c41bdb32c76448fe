// Gzipped traces (.trace.gz, the way people attach traces to issues) open like plain ones.
// A file is recognised by gzip's magic bytes (RFC 1952: 1f 8b, then compression method 8,
// deflate), never by its name, and decompressed with the platform's DecompressionStream as
// a stream of chunks into one growing buffer, stopping as soon as the output passes the cap,
// so a small file that inflates without bound cannot exhaust the tab.

/** Whether bytes begin like a gzip stream. A Go trace begins "go 1.", so the two never clash. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8;
}

/** A gzip stream that could not be decompressed (damaged, cut short, or too big inflated). */
export class GunzipError extends Error {}

/**
 * The decompressed bytes of a gzip stream, at most max of them (past that a GunzipError,
 * before anything more is held). The result may be a view on a larger buffer (no final copy).
 */
export async function gunzip(input: Uint8Array | Blob, max: number): Promise<Uint8Array> {
  const blob = input instanceof Blob ? input : new Blob([input as Uint8Array<ArrayBuffer>]);
  const reader = blob.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  // Start near the usual ratio for traces (about 4:1) and double as needed.
  let out = new Uint8Array(Math.min(max, Math.max(1 << 16, blob.size * 4)));
  let n = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (e) {
      throw new GunzipError(`the gzip data is damaged or cut short (${e instanceof Error ? e.message : String(e)})`);
    }
    if (chunk.done) break;
    const v = chunk.value;
    if (n + v.length > max) {
      void reader.cancel().catch(() => {});
      throw new GunzipError(`decompressed, the trace is more than ${max} bytes, the most read`);
    }
    if (n + v.length > out.length) {
      const grown = new Uint8Array(Math.min(max, Math.max(out.length * 2, n + v.length)));
      grown.set(out.subarray(0, n));
      out = grown;
    }
    out.set(v, n);
    n += v.length;
  }
  return out.subarray(0, n);
}

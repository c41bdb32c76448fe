// The decompressed start of a gzip file, to tell a gzipped trace from a gzipped pprof profile
// (trace/wire/file-kind.ts). Only the first 64 KiB of input are fed to the decompressor and
// at most `maxOut` bytes are kept, so a huge or hostile file costs nothing; a stream cut short
// or damaged gives what came out before the fault, or null.

import { SNIFF_BYTES } from '../trace/wire/file-kind';

const MAX_IN = 64 << 10;

export async function inflatePrefix(bytes: Uint8Array, maxOut = SNIFF_BYTES): Promise<Uint8Array | null> {
  if (typeof DecompressionStream === 'undefined') return null;
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  // Fed without waiting: the reads below drain the output while the input goes in.
  writer.write(bytes.slice(0, Math.min(bytes.length, MAX_IN))).catch(() => {});
  writer.close().catch(() => {});
  const out = new Uint8Array(maxOut);
  let n = 0;
  try {
    while (n < maxOut) {
      const { value, done } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, maxOut - n);
      out.set(value.subarray(0, take), n);
      n += take;
    }
  } catch {
    // The input ended inside the stream (we fed only its start) or is damaged: keep what came out.
  }
  reader.cancel().catch(() => {});
  return n > 0 ? out.slice(0, n) : null;
}

// The buffers of a chunk, for postMessage's transfer list: the chunk crosses to the page
// without a copy, and the worker keeps nothing of it.

import type { TimelineChunk } from './chunk';

export function chunkTransferables(chunk: TimelineChunk): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  const visit = (o: unknown) => {
    if (ArrayBuffer.isView(o)) {
      if (o.buffer instanceof ArrayBuffer && o.buffer.byteLength > 0) seen.add(o.buffer);
      return;
    }
    if (o && typeof o === 'object' && !Array.isArray(o)) for (const v of Object.values(o)) visit(v);
  };
  visit(chunk);
  return [...seen];
}

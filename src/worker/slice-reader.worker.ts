// Reads byte ranges of a Blob for the worker that started it and hands each over, transferred.
// Reading a Blob costs the reading thread many small tasks (the bytes arrive through a data
// pipe in pieces); done here, on a thread of its own, they no longer stall the parse, which
// only gets one message per slice.

import type { SliceReply, SliceRequest } from './slice-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SliceRequest>) => void) | null;
  postMessage(msg: SliceReply, transfer?: Transferable[]): void;
};

scope.onmessage = async (e) => {
  const { seq, blob, start, end } = e.data;
  try {
    const bytes = await blob.slice(start, end).arrayBuffer();
    scope.postMessage({ seq, bytes }, [bytes]);
  } catch (err) {
    scope.postMessage({ seq, error: err instanceof Error ? err.message : String(err) });
  }
};

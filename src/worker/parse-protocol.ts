// The parse worker's contract: one discriminated union each way, shared by
// parse.worker.ts and parse-client.ts. Requests carry an id; every request gets exactly one
// reply with the same id, either a result or a typed failure. Bytes travel as transferred
// ArrayBuffers, never copied.

import type { WireSummary } from '../trace/wire/inspect';

export type ParseRequest = {
  readonly id: number;
  readonly kind: 'inspect';
  /** The whole file; transferred to the worker, so the sender loses it. */
  readonly bytes: ArrayBuffer;
};

export type ParseReply =
  | { readonly id: number; readonly kind: 'inspected'; readonly summary: WireSummary; readonly byteLength: number }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

export type { WireSummary };

// The one place the live view meets the runtime worker's client: a request → reply promise
// and a stream of unprompted events, as protocol.ts defines them.

import type { RuntimeEvent, RuntimeReply, RuntimeRequest } from '../worker/protocol';

/** A request without its id: the client numbers requests itself. */
export type RequestBody = RuntimeRequest extends infer R ? (R extends RuntimeRequest ? Omit<R, 'id'> : never) : never;

export interface RuntimeLink {
  /** Resolves with the reply to this request, an `error` reply included. */
  request(body: RequestBody): Promise<RuntimeReply>;
}

export function openRuntimeLink(onEvent: (ev: RuntimeEvent) => void): RuntimeLink {
  void onEvent;
  return {
    request: () => Promise.reject(new Error('the simulated runtime is not part of this build yet')),
  };
}

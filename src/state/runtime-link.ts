// The one place the live view meets the runtime worker: its main-thread client
// (worker/runtime-client.ts), started once per page, with the events routed to one
// listener. A request resolves with its reply, `error` replies included.

import { RuntimeClient, type RequestBody } from '../worker/runtime-client';
import type { RuntimeEvent, RuntimeReply } from '../worker/protocol';

export type { RequestBody };

export interface RuntimeLink {
  request(body: RequestBody): Promise<RuntimeReply>;
}

export function openRuntimeLink(onEvent: (ev: RuntimeEvent) => void): RuntimeLink {
  const client = new RuntimeClient();
  client.onEvent(onEvent);
  return { request: (body) => client.request(body) };
}

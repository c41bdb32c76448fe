// Runs the wire inspector off the main thread, so a large file never freezes the page.
// inspectTrace never throws for bad input (a damaged trace is a summary with an error), so a
// 'failed' reply means a bug or an exhausted worker, and is shown as such.

import { inspectTrace } from '../trace/wire/inspect';
import type { ParseReply, ParseRequest } from './parse-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage(msg: ParseReply): void;
};

scope.onmessage = (e) => {
  const req = e.data;
  let reply: ParseReply;
  try {
    const summary = inspectTrace(new Uint8Array(req.bytes));
    reply = { id: req.id, kind: 'inspected', summary, byteLength: req.bytes.byteLength };
  } catch (err) {
    reply = { id: req.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};

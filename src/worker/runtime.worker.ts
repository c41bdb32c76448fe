// The runtime worker: a thin shell around runtime-handler.ts. Requests are answered in
// order of arrival; simulated time moves on a timer (every TICK_MS of wall time), each tick
// bounded in wall time so requests are never starved.
/// <reference lib="webworker" />

import { createState, fireTriggers, handleCommand, tick } from './runtime-handler';
import type { RuntimeWorkerMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const TICK_MS = 50;

function post(m: RuntimeWorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(m, transfer);
}

const state = createState((ev) => post(ev));

// Requests are handled one at a time so replies keep the order of requests.
let chain: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<unknown>) => {
  const msg = e.data;
  chain = chain.then(async () => {
    const { reply, transfer } = await handleCommand(state, msg);
    post(reply, transfer);
  });
};

let last = performance.now();
async function loop(): Promise<void> {
  const now = performance.now();
  try {
    tick(state, now - last);
    // A trigger that fired in this tick snapshots now, before time moves on.
    await fireTriggers(state);
  } catch (err) {
    state.running = false;
    post({ kind: 'fault', message: `the simulated runtime stopped: ${(err as Error)?.message ?? String(err)}` });
  }
  last = now;
  setTimeout(() => void loop(), TICK_MS);
}
setTimeout(() => void loop(), TICK_MS);

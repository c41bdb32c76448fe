// The main-thread client against a fake worker running the real handler: ids, replies,
// events and a crashed worker (every pending request gets a typed error).
import { describe, expect, it } from 'vitest';
import { createState, handleCommand, tick } from './runtime-handler';
import { RuntimeClient, type WorkerLike } from './runtime-client';
import type { RuntimeEvent } from './protocol';

function fakeWorker(): WorkerLike & { crash(): void; tick(ms: number): void } {
  const w = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    terminated: false,
    state: createState((ev) => w.onmessage?.({ data: ev } as MessageEvent)),
    postMessage(msg: unknown) {
      void handleCommand(w.state, msg).then(({ reply }) => w.onmessage?.({ data: reply } as MessageEvent));
    },
    terminate() {
      w.terminated = true;
    },
    crash() {
      w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    },
    tick(ms: number) {
      tick(w.state, ms);
    },
  };
  return w;
}

describe('RuntimeClient', () => {
  it('numbers requests, resolves replies and delivers events', async () => {
    const w = fakeWorker();
    const c = new RuntimeClient(() => w);
    const events: RuntimeEvent[] = [];
    c.onEvent((e) => events.push(e));
    expect((await c.start({ workload: 'idle', speed: 20, params: { periodMs: 100 } })).kind).toBe('ok');
    expect((await c.startRecorder()).kind).toBe('ok');
    for (let i = 0; i < 10; i++) w.tick(50);
    expect(events.some((e) => e.kind === 'sealed')).toBe(true);
    const snap = await c.snapshot();
    expect(snap.kind).toBe('snapshot');
    const again = await c.startRecorder();
    expect(again.kind === 'error' && again.message).toBe('cannot enable a enabled flight recorder');
    expect(c.pendingCount).toBe(0);
  });

  it('fails every pending request with a typed error when the worker crashes', async () => {
    const w = fakeWorker();
    w.postMessage = () => {};
    const c = new RuntimeClient(() => w);
    const p = c.request({ kind: 'status' });
    w.crash();
    const r = await p;
    expect(r.kind === 'error' && r.code).toBe('internal');
    expect(r.kind === 'error' && r.message).toMatch(/runtime worker stopped: boom/);
  });
});

// The runtime worker's handler in Node: every request kind, Go's error texts, and wrong,
// huge and random messages all get exactly one typed reply.
import { describe, expect, it } from 'vitest';
import { Rng } from '../runtime/rng';
import { checkTrace } from '../recorder/check-trace';
import { createState, fireTriggers, handleCommand, tick } from './runtime-handler';
import type { RuntimeEvent, RuntimeReply } from './protocol';

function setup() {
  const events: RuntimeEvent[] = [];
  let wall = 0;
  const s = createState((e) => events.push(e), () => wall);
  const send = async (msg: unknown): Promise<RuntimeReply> => (await handleCommand(s, msg)).reply;
  const advanceWall = (ms: number) => {
    wall += ms;
    tick(s, ms);
  };
  return { s, events, send, advanceWall };
}

const errorOf = (r: RuntimeReply) => (r.kind === 'error' ? `${r.code}: ${r.message}` : `not an error: ${r.kind}`);

describe('runtime worker handler', () => {
  it('answers status and workloads', async () => {
    const { send } = setup();
    const st = await send({ id: 1, kind: 'status' });
    expect(st).toMatchObject({ id: 1, kind: 'ok', status: { running: false, workload: 'busy' } });
    const wl = await send({ id: 2, kind: 'workloads' });
    expect(wl.kind === 'workloads' && wl.workloads.map((w) => w.name)).toEqual(['idle', 'busy', 'gc-heavy', 'spiky', 'slow-requests']);
  });

  it('runs a recorder, emits sealed/ring/evicted events, and snapshots into a transferable buffer', async () => {
    const { send, events, advanceWall } = setup();
    expect((await send({ id: 1, kind: 'runtime.start', workload: 'busy', seed: 4, speed: 1, params: { goroutines: 60, periodMs: 200 } })).kind).toBe('ok');
    expect((await send({ id: 2, kind: 'recorder.start', maxBytes: 200_000, minAgeMs: 10_000 })).kind).toBe('ok');
    for (let i = 0; i < 30; i++) advanceWall(50);
    const sealed = events.filter((e) => e.kind === 'sealed');
    expect(sealed.length).toBeGreaterThanOrEqual(6);
    expect(sealed.every((e) => e.kind === 'sealed' && e.recording && e.endNs > e.startNs)).toBe(true);
    expect(events.some((e) => e.kind === 'ring')).toBe(true);
    expect(events.some((e) => e.kind === 'evicted' && e.cause === 'max-bytes')).toBe(true);
    expect(events.some((e) => e.kind === 'throughput')).toBe(true);
    expect(errorOf(await setup().send({ id: 9, kind: 'snapshot' }))).toBe('recorder: cannot snapshot a disabled flight recorder');
    const r = await send({ id: 3, kind: 'snapshot' });
    expect(r.kind).toBe('snapshot');
    if (r.kind !== 'snapshot') return;
    expect(r.byteLength).toBe(r.bytes.byteLength);
    expect(r.gens.length).toBeGreaterThanOrEqual(1);
    expect(checkTrace(new Uint8Array(r.bytes), { skipClockChecks: true }).errors).toEqual([]);
  });

  it('uses Go’s messages for recorder and tracer misuse', async () => {
    const { send } = setup();
    expect(errorOf(await send({ id: 1, kind: 'recorder.start' }))).toBe('runtime: the runtime has not been started');
    await send({ id: 2, kind: 'runtime.start', workload: 'idle' });
    await send({ id: 3, kind: 'recorder.start' });
    expect(errorOf(await send({ id: 4, kind: 'recorder.start' }))).toBe('recorder: cannot enable a enabled flight recorder');
    await send({ id: 5, kind: 'trace.start' });
    expect(errorOf(await send({ id: 6, kind: 'trace.start' }))).toBe('trace: execution tracer already enabled');
    const t = await send({ id: 7, kind: 'trace.stop' });
    expect(t.kind === 'trace' && checkTrace(new Uint8Array(t.bytes)).errors).toEqual([]);
    // The reply names the whole generations the file holds, consecutive from the first.
    const gens = t.kind === 'trace' ? t.gens : [];
    expect(gens.length).toBeGreaterThanOrEqual(1);
    expect(gens).toEqual(gens.map((_, i) => gens[0] + i));
    await send({ id: 8, kind: 'recorder.stop' });
    expect(errorOf(await send({ id: 9, kind: 'snapshot' }))).toBe('recorder: cannot snapshot a disabled flight recorder');
  });

  it('a paused runtime still snapshots; configure changes speed without a rebuild', async () => {
    const { s, send, advanceWall } = setup();
    await send({ id: 1, kind: 'runtime.start', workload: 'idle', speed: 10 });
    await send({ id: 2, kind: 'recorder.start' });
    advanceWall(200);
    const rt = s.rt;
    await send({ id: 3, kind: 'runtime.stop' });
    const now = s.rt!.nowNs;
    advanceWall(200);
    expect(s.rt!.nowNs).toBe(now);
    expect((await send({ id: 4, kind: 'snapshot' })).kind).toBe('snapshot');
    const c = await send({ id: 5, kind: 'runtime.configure', speed: 50 });
    expect(c.kind === 'ok' && c.status.speed).toBe(50);
    expect(s.rt).toBe(rt);
    await send({ id: 6, kind: 'runtime.configure', workload: 'gc-heavy' });
    expect(s.rt).not.toBe(rt);
    expect(s.fr?.enabled()).toBe(true);
  });

  it('rejects wrong messages with a typed error reply, never silence', async () => {
    const { send } = setup();
    const cases: [unknown, RegExp][] = [
      [null, /a request must be an object/],
      [42, /a request must be an object/],
      [[1, 2], /a request must be an object/],
      [{ kind: 'status' }, /needs an integer id/],
      [{ id: 1.5, kind: 'status' }, /needs an integer id/],
      [{ id: 1, kind: 'explode' }, /unknown request kind "explode"/],
      [{ id: 1, kind: 'runtime.start', workload: 'nope' }, /unknown workload/],
      [{ id: 1, kind: 'runtime.start', speed: -1 }, /speed must be a number/],
      [{ id: 1, kind: 'runtime.start', speed: Infinity }, /speed must be a number/],
      [{ id: 1, kind: 'runtime.start', go: '1.99' }, /go must be/],
      [{ id: 1, kind: 'runtime.start', params: { procs: 1e9 } }, /procs must be a number/],
      [{ id: 1, kind: 'runtime.start', params: { evil: 1 } }, /unknown parameter/],
      [{ id: 1, kind: 'recorder.configure', maxBytes: 'lots' }, /maxBytes must be a number/],
      [{ id: 1, kind: 'x'.repeat(1 << 20) }, /unknown request kind/],
    ];
    for (const [msg, re] of cases) {
      const r = await send(msg);
      expect(r.kind, JSON.stringify(msg)?.slice(0, 80)).toBe('error');
      if (r.kind === 'error') {
        expect(r.code).toBe('bad-request');
        expect(r.message).toMatch(re);
        expect(r.message.length).toBeLessThan(300);
      }
    }
  });

  it('survives random messages (seeded)', async () => {
    const seed = 20250812;
    const rng = new Rng(seed);
    const { send } = setup();
    const kinds = ['status', 'runtime.start', 'runtime.stop', 'recorder.start', 'recorder.stop', 'snapshot', 'trace.start', 'trace.stop', 'recorder.configure', 'runtime.configure', 'bogus'];
    const values = () => rng.pick<unknown>([undefined, null, -1, 0, 1, 1e308, 'idle', 'busy', '1.26', {}, [], { procs: 2 }, NaN, true]);
    for (let i = 0; i < 300; i++) {
      const msg: Record<string, unknown> = { id: rng.chance(0.9) ? i : values(), kind: rng.pick(kinds) };
      for (const k of ['workload', 'speed', 'go', 'seed', 'params', 'maxBytes', 'minAgeMs']) if (rng.chance(0.3)) msg[k] = values();
      const r = await send(msg);
      expect(['ok', 'error', 'snapshot', 'trace', 'workloads'], `seed ${seed} message ${i}`).toContain(r.kind);
      if (typeof msg.id === 'number' && Number.isSafeInteger(msg.id)) expect(r.id).toBe(msg.id);
      else expect(r.id).toBe(-1);
      if (r.kind === 'error') expect(r.code, `seed ${seed} message ${i}: ${r.message}`).not.toBe('internal');
    }
  });

  it('takes a negative MinAge and 0 for Go’s defaults, as FlightRecorderConfig does', async () => {
    const { send, events, advanceWall } = setup();
    await send({ id: 1, kind: 'runtime.start', workload: 'idle', speed: 4, params: { periodMs: 100 } });
    const st = await send({ id: 2, kind: 'recorder.start', maxBytes: 0, minAgeMs: -1000 });
    expect(st).toMatchObject({ kind: 'ok', status: { recording: true, maxBytes: 10 << 20, minAgeMs: -1000 } });
    for (let i = 0; i < 20; i++) advanceWall(50);
    const rings = events.filter((e) => e.kind === 'ring');
    expect(rings.length).toBeGreaterThanOrEqual(3);
    // Every generation is older than a negative MinAge: the ring keeps only the newest.
    for (const r of rings) expect(r.kind === 'ring' && r.gens.length).toBe(1);
    expect(errorOf(await send({ id: 3, kind: 'recorder.configure', minAgeMs: -4_000_000 }))).toMatch(/^bad-request: minAgeMs must be a number from -3600000 to 3600000/);
  });

  it('reports the speed reached at the speed asked, and the open generation’s bytes', async () => {
    const { send, events, advanceWall } = setup();
    await send({ id: 1, kind: 'runtime.start', workload: 'idle', speed: 2 });
    await send({ id: 2, kind: 'recorder.start' });
    for (let i = 0; i < 25; i++) advanceWall(50);
    const t = events.filter((e) => e.kind === 'throughput');
    expect(t.length).toBeGreaterThanOrEqual(1);
    const last = t[t.length - 1];
    if (last.kind !== 'throughput') throw new Error('not throughput');
    expect(last.speed).toBe(2);
    expect(last.traceNsPerSec).toBeGreaterThan(0);
    expect(last.openBytes).toBeGreaterThan(0);
    // A new speed starts a new measurement: the next sample covers only the new speed.
    await send({ id: 3, kind: 'runtime.configure', speed: 4 });
    const before = events.length;
    for (let i = 0; i < 25; i++) advanceWall(50);
    const next = events.slice(before).find((e) => e.kind === 'throughput');
    expect(next && next.kind === 'throughput' && next.speed).toBe(4);
  });

  it('a trigger calls WriteTo by itself on a slow request; the page takes the bytes once', async () => {
    const { s, send, events } = setup();
    let wall = 0;
    s.wallNow = () => wall;
    await send({ id: 1, kind: 'runtime.start', workload: 'slow-requests', seed: 9, speed: 8 });
    const st = await send({ id: 2, kind: 'triggers.configure', slowRequestMs: 100 });
    expect(st).toMatchObject({ kind: 'ok', status: { triggers: { slowRequestMs: 100, gcPauseMs: null, cooldownMs: 5000 } } });
    // With the recorder off, the trigger fires but nothing can be taken.
    for (let i = 0; i < 200 && !events.some((e) => e.kind === 'triggered'); i++) {
      wall += 50;
      tick(s, 50);
      await fireTriggers(s);
    }
    const missed = events.find((e) => e.kind === 'triggered');
    expect(missed).toMatchObject({ kind: 'triggered', snapshot: null, trigger: 'slow-request', error: 'the flight recorder is off, so there was nothing to snapshot' });
    await send({ id: 3, kind: 'recorder.start' });
    for (let i = 0; i < 400 && events.filter((e) => e.kind === 'triggered' && e.snapshot !== null).length === 0; i++) {
      wall += 50;
      tick(s, 50);
      await fireTriggers(s);
    }
    const fired = events.find((e) => e.kind === 'triggered' && e.snapshot !== null);
    if (fired?.kind !== 'triggered' || fired.snapshot === null) throw new Error('no trigger fired with the recorder on');
    expect(fired.valueNs).toBeGreaterThan(100e6);
    expect(fired.thresholdNs).toBe(100e6);
    // Taken within a step of the request's end (8 ms of simulated time at 8x).
    expect(s.rt!.nowNs - fired.atNs).toBeLessThanOrEqual(8e6 + 1e6);
    const r = await send({ id: 4, kind: 'trigger.take', snapshot: fired.snapshot });
    if (r.kind !== 'snapshot') throw new Error(errorOf(r));
    expect(r.byteLength).toBe(fired.byteLength);
    expect(r.gens).toEqual(fired.gens);
    expect(checkTrace(new Uint8Array(r.bytes), { skipClockChecks: true }).errors).toEqual([]);
    expect(errorOf(await send({ id: 5, kind: 'trigger.take', snapshot: fired.snapshot }))).toMatch(/^bad-request: triggered snapshot \d+ is not held/);
    expect(errorOf(await send({ id: 6, kind: 'triggers.configure', gcPauseMs: -1 }))).toMatch(/^bad-request: gcPauseMs must be a number/);
  });
});

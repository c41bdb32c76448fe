// merge.ts walks only the Ps that can have changed; Go walks all of them on every step. This
// checks that the two give the same events in the same order, and fail at the same point, on
// seeded random old-format traces (many Ps, many equal times, broken sequence numbers) and on
// our fixtures: the reference below is Go's parseEventBatches loop written out literally.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { goSortFunc } from '../go/sort';
import { TraceError } from '../parse/errors';
import { BatchParser, type V1Event } from './batches';
import { parseV1Fixture } from './go-compare';
import { mergeBatches } from './merge';
import { applyTransition, type GState, newTransition, OrderHeap, ready, stateOf, transitionOf } from './order';
import { V1 } from '../wire/v1-specs';
import { PROFILE_P } from './specs';
import { writeV1Trace } from './text-writer';

interface Proc {
  pid: number;
  events: V1Event[];
  head: number;
  done: boolean;
}

/** Go's parseEventBatches merge loop, as Go writes it (a full walk on every step). */
function referenceMerge(parser: BatchParser, emit: (ev: V1Event) => void): void {
  goSortFunc(parser.cpuSamples, (a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  const all: Proc[] = [...parser.batches.keys()].map((pid) => ({ pid, events: [], head: 0, done: false }));
  all.push({ pid: PROFILE_P, events: parser.cpuSamples, head: 0, done: false });
  let avail = all.slice();
  const gs = new Map<bigint | number, GState>();
  const frontier = new OrderHeap<{ ev: V1Event; proc: Proc }>();
  const t = newTransition();
  for (;;) {
    pid: for (let i = 0; i < avail.length; i++) {
      const proc = avail[i];
      while (proc.head === proc.events.length) {
        const events = parser.loadBatch(proc.pid);
        if (events === null) {
          proc.done = true;
          avail[i] = avail[avail.length - 1];
          avail = avail.slice(0, -1);
          i--;
          continue pid;
        }
        proc.events = events;
        proc.head = 0;
      }
      const ev = proc.events[proc.head];
      transitionOf(ev, t);
      if (!ready(t, stateOf(gs, t.g))) continue;
      proc.head++;
      avail[i] = avail[avail.length - 1];
      avail = avail.slice(0, -1);
      frontier.push({ ev, proc });
      i--;
    }
    if (frontier.length === 0) {
      for (const p of all) if (!p.done) throw new TraceError('no consistent ordering of events possible');
      return;
    }
    const f = frontier.pop();
    transitionOf(f.ev, t);
    if (f.ev.type === V1.GoStartLocal) f.ev.type = V1.GoStart;
    else if (f.ev.type === V1.GoUnblockLocal) f.ev.type = V1.GoUnblock;
    else if (f.ev.type === V1.GoSysExitLocal) f.ev.type = V1.GoSysExit;
    emit(f.ev);
    applyTransition(gs, t);
    avail.push(f.proc);
  }
}

function run(bytes: Uint8Array, merge: typeof mergeBatches): string[] {
  const version = Number(/go 1\.(\d+) trace/.exec(new TextDecoder().decode(bytes.subarray(0, 16)))![1]);
  const out: string[] = [];
  try {
    const p = new BatchParser(bytes.subarray(16), version);
    p.collect();
    merge(p, (ev) => out.push(`${ev.type} ${ev.p} ${ev.ts} g=${ev.g} ${ev.a0} ${ev.a1} ${ev.a2}`));
  } catch (e) {
    out.push(`error: ${(e as Error).message}`);
  }
  return out;
}

/**
 * A random old-format trace: `procs` Ps running goroutines, each step on a random P at a clock
 * that often does not move (equal times across Ps), goroutines created, started (sometimes
 * with the Local form), blocked, unblocked from other Ps; `breakage` makes some sequence
 * numbers wrong, so that Ps get stuck and merges fail.
 */
function randomTrace(seed: number, procs: number, steps: number, breakage: number): string {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lines = ['Trace Go1.21'];
  const batches: string[][] = Array.from({ length: procs }, () => []);
  const last = new Array<number>(procs).fill(-1);
  const running = new Array<number>(procs).fill(0);
  const gs = new Map<number, { status: 'runnable' | 'running' | 'waiting'; seq: number; p: number }>();
  let clock = 1000;
  let nextG = 1;
  let gcSeq = 0;
  const seq = (s: number) => (rnd() < breakage ? s + 1 + Math.floor(rnd() * 3) : s);
  const emit = (p: number, rec: string) => {
    if (last[p] < 0 || rnd() < 0.1) {
      batches[p].push(`Batch p=${p} ticks=${clock}`);
      last[p] = clock;
    }
    batches[p].push(rec.replace('DT', String(clock - last[p])));
    last[p] = clock;
  };
  for (let i = 0; i < steps; i++) {
    if (rnd() < 0.6) clock += Math.floor(rnd() * 3);
    const p = Math.floor(rnd() * procs);
    const g = running[p];
    const runnable = [...gs].filter(([, s]) => s.status === 'runnable').map(([id]) => id);
    const waiting = [...gs].filter(([, s]) => s.status === 'waiting').map(([id]) => id);
    if (g === 0) {
      if (runnable.length === 0 || rnd() < 0.2) {
        const id = nextG++;
        gs.set(id, { status: 'runnable', seq: 1, p });
        emit(p, `GoCreate dt=DT g=${id} stack=0 stk=0`);
      } else {
        const id = pick(runnable);
        const s = gs.get(id)!;
        if (s.p === p && rnd() < 0.3) emit(p, `GoStartLocal dt=DT g=${id}`);
        else emit(p, `GoStart dt=DT g=${id} seq=${seq(s.seq)}`);
        s.status = 'running';
        s.seq++;
        running[p] = id;
      }
      continue;
    }
    const s = gs.get(g)!;
    const r = rnd();
    if (r < 0.3 && waiting.length > 0) {
      const id = pick(waiting);
      const w = gs.get(id)!;
      if (w.p === p && rnd() < 0.3) emit(p, `GoUnblockLocal dt=DT g=${id} stk=0`);
      else emit(p, `GoUnblock dt=DT g=${id} seq=${seq(w.seq)} stk=0`);
      w.status = 'runnable';
      w.seq++;
      w.p = p;
    } else if (r < 0.6) {
      emit(p, `GoBlock dt=DT stk=0`);
      s.status = 'waiting';
      running[p] = 0;
    } else if (r < 0.8) {
      emit(p, `GoSched dt=DT stk=0`);
      s.status = 'runnable';
      s.p = p;
      running[p] = 0;
    } else {
      emit(p, `GCStart dt=DT seq=${seq(gcSeq++)} stk=0`);
    }
  }
  batches.forEach((b) => lines.push(...b));
  lines.push('Batch p=0 ticks=9999999', 'Frequency freq=1000000000');
  return lines.join('\n') + '\n';
}

describe('merge', () => {
  it("orders events as Go's full walk does, on seeded random traces", () => {
    let failures = 0;
    let events = 0;
    for (let i = 0; i < 300; i++) {
      const seed = 0x6d000 + i;
      const procs = 1 + (i % 12);
      const text = randomTrace(seed, procs, 40 + (i % 7) * 40, i % 3 === 0 ? 0.05 : 0);
      const bytes = writeV1Trace(text);
      const want = run(bytes, referenceMerge);
      const got = run(bytes, mergeBatches);
      expect(got, `seed ${seed}, ${procs} Ps`).toEqual(want);
      if (want[want.length - 1].startsWith('error')) failures++;
      events += want.length;
    }
    // Both kinds of outcome were exercised.
    expect(failures).toBeGreaterThan(20);
    expect(failures).toBeLessThan(280);
    expect(events).toBeGreaterThan(20_000);
  });

  it("orders our fixtures' events as Go's full walk does", () => {
    const dir = join(__dirname, 'testdata');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.test'))) {
      const bytes = writeV1Trace(parseV1Fixture(f, readFileSync(join(dir, f), 'utf8')).trace);
      expect(run(bytes, mergeBatches), f).toEqual(run(bytes, referenceMerge));
    }
  });

  it('does linear work where a full walk is quadratic: 20,000 stuck Ps and 20,000 events on another', () => {
    const lines = ['Trace Go1.21', 'Batch p=0 ticks=10', 'GoCreate dt=1 g=1 stack=0 stk=0', 'GoStart dt=1 g=1 seq=1'];
    for (let i = 0; i < 10_000; i++) lines.push('GoSched dt=1 stk=0', 'GoStartLocal dt=1 g=1');
    // Each of these Ps waits for goroutine 1, which changes state on every event of P 0, to
    // reach a sequence number it never reaches.
    for (let p = 1; p <= 20_000; p++) lines.push(`Batch p=${p} ticks=5`, `GoStart dt=1 g=1 seq=${100_000 + p}`);
    lines.push('Frequency freq=1000000000');
    const bytes = writeV1Trace(lines.join('\n'));
    const stats = { visits: 0 };
    const out = run(bytes, (p, emit) => mergeBatches(p, emit, stats));
    expect(out[out.length - 1]).toBe('error: no consistent ordering of events possible');
    expect(out.length).toBe(20_003);
    // A full walk looks at every P on each of the 20,002 steps: 4 * 10^8 visits. Ours looks
    // at each stuck P once, and at the one P that moved on each step.
    expect(stats.visits).toBeLessThan(50_000);
  });

  it('throws TraceError, never anything else', () => {
    const bytes = writeV1Trace('Trace Go1.21\nBatch p=0 ticks=1\nGoStart dt=1 g=1 seq=9\nFrequency freq=1\n');
    const p = new BatchParser(bytes.subarray(16), 21);
    p.collect();
    expect(() => mergeBatches(p, () => {})).toThrow(TraceError);
  });
});

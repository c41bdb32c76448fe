// Bad input is normal input, in the old format too. Truncations (at every batch, at every
// byte of small traces), seeded byte flips, insertions and deletions, and random bodies after
// each old header must end in success or a typed error: never another exception, a hang or
// unbounded output. Go reads an old trace whole before its first event, so an error always
// comes before any event (there is no partial trace to keep).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { headerBytes, HeaderError } from '../wire/version';
import { eventString } from '../parse/event-string';
import { GoPanic, TraceError } from '../parse/errors';
import { TraceReader } from '../parse/reader';
import { seededEdits } from '../parse/robustness-checks';
import { parseV1Fixture } from './go-compare';
import { parseV1 } from './parse';
import { newRawRecord, RawReader, SKIP_ARGS, SKIP_STRINGS } from '../wire/v1-records';
import { V1 } from '../wire/v1-specs';
import { writeV1Trace } from './text-writer';

interface Outcome {
  events: number;
  error: Error | null;
}

function run(bytes: Uint8Array): Outcome {
  const limit = 3 * bytes.length + 100;
  let events = 0;
  try {
    const r = new TraceReader(bytes);
    // forEachEvent in chunks, as the app's worker reads.
    while (
      !r.forEachEvent((ev) => {
        try {
          eventString(ev);
        } catch (e) {
          // Where Go's String() would panic (a name missing from the table), the event is fine.
          if (!(e instanceof GoPanic)) throw e;
        }
        if (++events > limit) throw new Error(`more than ${limit} events from ${bytes.length} bytes`);
      }, 997)
    );
  } catch (e) {
    if (!(e instanceof TraceError || e instanceof HeaderError || e instanceof GoPanic)) throw e;
    return { events, error: e };
  }
  return { events, error: null };
}

/**
 * A failed read gave no event first: Go's NewReader parses the whole old trace. Only the
 * conversion after it can fail later (an event type it has no mapping for, or Go's panics).
 */
function expectAllOrNothing(o: Outcome, what: string): void {
  if (o.error === null || o.error instanceof GoPanic || /^unexpected event type/.test(o.error.message)) return;
  expect(o.events, `${what}: ${o.error.message}`).toBe(0);
}

/** Offsets where the old format's batches start (the header included). */
function batchStarts(bytes: Uint8Array): number[] {
  const r = new RawReader(bytes.subarray(16), Number(new TextDecoder().decode(bytes.subarray(5, 7))));
  const rec = newRawRecord();
  const out: number[] = [];
  try {
    while (r.read(SKIP_ARGS | SKIP_STRINGS, rec, null)) if (rec.type === V1.Batch) out.push(16 + rec.batchOffset);
  } catch {
    // The rest is not readable as records.
  }
  return out;
}

function corpus(): { name: string; bytes: Uint8Array; small: boolean }[] {
  const out: { name: string; bytes: Uint8Array; small: boolean }[] = [];
  const dir = join(__dirname, 'testdata');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.test'))) {
    const fx = parseV1Fixture(f, readFileSync(join(dir, f), 'utf8'));
    if (fx.expect.success) out.push({ name: f, bytes: writeV1Trace(fx.trace), small: true });
  }
  const go = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' });
  const gdir = go.status === 0 ? join(go.stdout.trim(), 'src/internal/trace/internal/tracev1/testdata') : '';
  if (gdir && existsSync(gdir)) {
    for (const f of readdirSync(gdir)) {
      const bytes = new Uint8Array(readFileSync(join(gdir, f)));
      if (bytes.length < 40_000) out.push({ name: f, bytes, small: false });
    }
  } else {
    console.warn("\n!!! Go is not on PATH: the old-format mutation tests run on our fixtures only, not on Go's traces.\n");
  }
  return out;
}

describe('old-format robustness', () => {
  const traces = corpus();
  it('has traces to mutate', () => expect(traces.length).toBeGreaterThanOrEqual(3));

  for (const { name, bytes, small } of traces) {
    it(`${name}: truncation at every batch ends in success or an error before any event`, () => {
      const full = run(bytes);
      expect(full.error).toBeNull();
      const starts = batchStarts(bytes);
      expect(starts.length).toBeGreaterThan(1);
      for (const at of starts) {
        expectAllOrNothing(run(bytes.subarray(0, at)), `cut at ${at}`);
      }
    });

    it(`${name}: truncation at every ${small ? '' : '97th '}byte ends cleanly`, () => {
      for (let n = 0; n < bytes.length; n += small ? 1 : 97) expectAllOrNothing(run(bytes.subarray(0, n)), `cut at ${n}`);
    });

    it(`${name}: seeded byte flips, insertions and deletions end in success or a typed error`, () => {
      for (let i = 0; i < 150; i++) {
        const seed = (name.length * 7919 + i) >>> 0;
        const b = seededEdits(bytes, seed);
        try {
          expectAllOrNothing(run(b), `seed ${seed}`);
        } catch (e) {
          throw new Error(`seed ${seed}: ${String(e)}`);
        }
      }
    });
  }

  it('survives seeded random bodies after each old header', () => {
    const seed = 0x01d;
    const rnd = seededRandom(seed);
    for (let round = 0; round < 600; round++) {
      const header = headerBytes(([11, 19, 21] as const)[round % 3]);
      // Mostly plausible records: small type bytes and small varints.
      const body = new Uint8Array(Math.floor(rnd() * 200)).map(() => Math.floor(rnd() * (rnd() < 0.7 ? 64 : 256)));
      const o = run(new Uint8Array([...header, ...body]));
      expectAllOrNothing(o, `seed ${seed}, round ${round}`);
    }
  });

  it('refuses a trace with more events than the limit before allocating for them', () => {
    const lines = ['Trace Go1.21', 'Batch p=0 ticks=1'];
    for (let i = 0; i < 100; i++) lines.push('ProcStart dt=1 thread=1', 'ProcStop dt=1');
    const body = writeV1Trace(lines.join('\n')).subarray(16);
    expect(() => parseV1(body, 21, 150)).toThrow(/trace too large: .* up to 201 events .* at most 150/);
    expect(() => parseV1(body, 21, 201)).toThrow('no EvFrequency event');
  });
});

// The robustness checks of robustness.test.ts (our own traces) and
// robustness.go-suite.test.ts (Go's golden traces): bad input is normal input. Seeded
// mutations (byte flips, insertions, deletions, truncation) must end in success or a typed
// error, never a crash or a hang; and Go's partial-trace rule must hold for every truncation
// at a batch or generation boundary: every complete generation before the cut reads exactly as
// in the undamaged trace. Test support: imported by those tests only.

import { expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { HeaderError } from '../wire/version';
import { ByteStream, readBatch } from './batch';
import { eventString } from './event-string';
import { EventKind } from './event';
import { GoPanic, TraceError } from './errors';
import { TraceReader } from './reader';

interface Outcome {
  events: string[];
  syncs: number[];
  error: Error | null;
}

/** Reads a trace to the end or the first error; events as Go's String(). */
/** One to four seeded byte flips, insertions and deletions after the 16-byte header. */
export function seededEdits(bytes: Uint8Array, seed: number): Uint8Array {
  const rnd = seededRandom(seed);
  let b = new Uint8Array(bytes);
  const edits = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < edits; k++) {
    const at = 16 + Math.floor(rnd() * Math.max(1, b.length - 16));
    const kind = rnd();
    if (kind < 0.5) {
      b[at] ^= 1 << Math.floor(rnd() * 8);
    } else if (kind < 0.75) {
      const ins = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 256));
      b = new Uint8Array([...b.subarray(0, at), ...ins, ...b.subarray(at)]);
    } else {
      b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + 1 + Math.floor(rnd() * 16))]);
    }
  }
  return b;
}

export function run(bytes: Uint8Array): Outcome {
  const events: string[] = [];
  const syncs: number[] = [];
  const limit = 3 * bytes.length + 100; // an event takes at least one byte; a switch makes three
  try {
    const r = new TraceReader(bytes);
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      if (ev.kind() === EventKind.Sync) syncs.push(events.length);
      try {
        events.push(eventString(ev));
      } catch (e) {
        // Where Go's String() would panic (a CPU sample's stack missing from the table),
        // the event itself is still fine.
        if (!(e instanceof GoPanic)) throw e;
        events.push('<panic>');
      }
      if (events.length > limit) throw new Error(`more than ${limit} events from ${bytes.length} bytes`);
    }
  } catch (e) {
    if (!(e instanceof TraceError || e instanceof HeaderError)) throw e;
    return { events, syncs, error: e };
  }
  return { events, syncs, error: null };
}

/** Offsets where batches end, and for each the number of generations complete by then. */
export function boundaries(bytes: Uint8Array, version: number): { offset: number; completeGens: number }[] {
  const s = new ByteStream(bytes, 16);
  const out: { offset: number; completeGens: number }[] = [];
  let gens = 0;
  let cur: number | bigint | null = null;
  for (;;) {
    const at = s.pos;
    const b = readBatch(s);
    if (b === null) break;
    if (version >= 26) {
      if (b.gen === 0) gens++;
    } else if (cur !== null && b.gen !== cur) {
      // Before 1.26 a generation is complete once the first batch of the next one begins.
      gens++;
      out[out.length - 1] = { offset: at, completeGens: gens };
    }
    if (version < 26) cur = b.gen;
    out.push({ offset: s.pos, completeGens: gens });
  }
  return out;
}

/** Registers the robustness tests of each trace (inside the caller's describe). */
export function robustnessTests(traces: { name: string; bytes: Uint8Array }[]): void {
  for (const { name, bytes } of traces) {
    it(`${name}: truncation at every batch boundary keeps every complete generation`, () => {
      const full = run(bytes);
      expect(full.error).toBeNull();
      const version = new TraceReader(bytes).version;
      for (const { offset, completeGens } of boundaries(bytes, version)) {
        const cut = run(bytes.subarray(0, offset));
        // Everything up to the Sync that opens the first incomplete generation is unchanged.
        const keep = full.syncs[completeGens] ?? full.events.length;
        expect(cut.events.length, `cut at ${offset}`).toBeGreaterThanOrEqual(keep);
        expect(cut.events.slice(0, keep), `cut at ${offset}`).toEqual(full.events.slice(0, keep));
      }
    });

    it(`${name}: truncation at every 97th byte ends cleanly`, () => {
      for (let n = 0; n < bytes.length; n += 97) run(bytes.subarray(0, n));
    });

    it(`${name}: seeded byte flips, insertions and deletions end in success or a typed error`, () => {
      for (let i = 0; i < 150; i++) {
        const seed = (name.length * 7919 + i) >>> 0;
        const b = seededEdits(bytes, seed);
        try {
          run(b);
        } catch (e) {
          throw new Error(`seed ${seed}: ${String(e)}`);
        }
      }
    });
  }
}

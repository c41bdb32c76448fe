// The validator against Go's: testdata/traces/manifest.json records what Go's
// testtrace.Validator (run through bench/go/validate) said about every committed trace. Ours
// must agree: clean where Go's is clean, and the same finding or reader error otherwise
// (damaged-wallback: the reader accepts it, the validator rejects a wall clock going back).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeaderError } from '../wire/version';
import { TraceError } from './errors';
import { TraceReader } from './reader';
import { Validator } from './validator';

const DIR = join(__dirname, '../../../testdata/traces');

interface Entry {
  file: string;
  validator?: { output: string; exitCode: number };
}
const traces: Entry[] = existsSync(join(DIR, 'manifest.json'))
  ? (JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { traces: Entry[] }).traces
  : [];

/** Reader error (Go's wording) or the first validator finding, or null when clean. */
function validate(bytes: Uint8Array): { problem: string | null; events: number } {
  let events = 0;
  try {
    const r = new TraceReader(bytes);
    const v = new Validator(r.version);
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      events++;
      const errs = v.event(ev);
      if (errs.length > 0) return { problem: errs[0], events };
    }
  } catch (e) {
    if (e instanceof TraceError || e instanceof HeaderError) return { problem: e.message, events };
    throw e;
  }
  return { problem: null, events };
}

describe("validator agrees with Go's on committed traces", () => {
  const withResult = traces.filter((t) => t.validator);
  it('has results to compare', () => expect(withResult.length).toBeGreaterThan(0));
  for (const t of withResult) {
    it(t.file, () => {
      const { problem, events } = validate(new Uint8Array(readFileSync(join(DIR, t.file))));
      const want = t.validator!;
      if (want.exitCode === 0) {
        expect(problem).toBeNull();
        expect(want.output).toBe(`ok events=${events}`);
      } else {
        expect(problem).not.toBeNull();
        // Go's harness prints "error: [event N (Kind at T): ]message".
        const message = want.output.replace(/^error: /, '').replace(/^event \d+ \([^)]*\): /, '');
        expect(problem).toBe(message);
      }
    });
  }
});

describe('validator findings', () => {
  it('flags a Sync whose wall clock goes back, with Go’s wording', () => {
    const v = new Validator(25);
    const sync = (n: number, sec: number, mono: number, trace: number) => ({
      n,
      clockSnapshot: { trace, mono, wall: { sec, nsec: 5 } },
      experimentalBatches: new Map(),
    });
    const errs: string[] = [];
    // Feed the sync() path directly through minimal events.
    const fake = (s: ReturnType<typeof sync>, time: number) =>
      ({
        time,
        kind: () => 1,
        sync: () => s,
        stack: () => ({ frames: () => [] }),
      }) as unknown as Parameters<Validator['event']>[0];
    errs.push(...v.event(fake(sync(1, 1700000010, 10, 10), 1)));
    errs.push(...v.event(fake(sync(2, 1700000000, 20, 20), 2)));
    expect(errs).toEqual([
      'sync 2 has non-increasing wall time: 2023-11-14 22:13:20.000000005 +0000 UTC vs 2023-11-14 22:13:30.000000005 +0000 UTC',
    ]);
  });
});

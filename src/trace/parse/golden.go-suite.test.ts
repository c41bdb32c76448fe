// Go's golden reader tests (TestReaderGolden in internal/trace/reader_test.go), from Go's
// conformance folder (scripts/lib/go-suite.ts): every go-golden/tests/*.test converted to binary must read to its expected
// outcome, with every event passing the validator. Also TestTraceGenSync's exact Sync
// expectations, and Go's fuzz seeds (each must end in success or a typed error).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFuzzSeed } from '../../../scripts/lib/fuzz-corpus';
import { meetsExpectation, parseGoldenTest } from '../../../scripts/lib/golden';
import { GO_GOLDEN, requireGoSuite } from '../../../scripts/lib/go-suite';
import { textToBinary } from '../wire/convert';
import { HeaderError } from '../wire/version';
import { EventKind } from './event';
import { TraceError } from './errors';
import { TraceReader } from './reader';
import { readAll } from './test-fixtures';

requireGoSuite();
const GOLDEN = GO_GOLDEN;

function goldenBinary(name: string): { bin: Uint8Array; text: string } {
  const text = readFileSync(join(GOLDEN, 'tests', name), 'latin1');
  const t = parseGoldenTest(text);
  return { bin: textToBinary(new Uint8Array(Buffer.from(t.trace, 'latin1'))), text };
}

const names = readdirSync(join(GOLDEN, 'tests'))
  .filter((f) => f.endsWith('.test'))
  .sort();

describe("Go's golden tests", () => {
  it('finds all 22', () => expect(names.length).toBe(22));
  for (const name of names) {
    it(name, () => {
      const { bin, text } = goldenBinary(name);
      const { expect: exp } = parseGoldenTest(text);
      const { error, invalid } = readAll(bin);
      expect(invalid).toEqual([]);
      expect(meetsExpectation(exp, error), `error: ${error}`).toBe(true);
    });
  }
});

function syncs(name: string) {
  const { events } = readAll(goldenBinary(name).bin);
  return events
    .filter((e) => e.kind() === EventKind.Sync)
    .map((e) => {
      const s = e.sync();
      const c = s.clockSnapshot;
      return { time: e.time, n: s.n, snap: c && { trace: c.trace, mono: c.mono, sec: c.wall.sec, nsec: c.wall.nsec } };
    });
}

describe('TestTraceGenSync', () => {
  it('go123-sync: Syncs at 10, 40, 60, 63 without snapshots', () => {
    expect(syncs('go123-sync.test')).toEqual([
      { time: 10, n: 1, snap: null },
      { time: 40, n: 2, snap: null },
      { time: 60, n: 3, snap: null },
      { time: 63, n: 4, snap: null },
    ]);
  });
  it('go125-sync: Syncs with clock snapshots, the last without', () => {
    // Wall 2025-02-28T15:04:09.000000123Z is Unix 1740755049 s + 123 ns.
    expect(syncs('go125-sync.test')).toEqual([
      { time: 9, n: 1, snap: { trace: 10, mono: 99, sec: 1740755049, nsec: 123 } },
      { time: 38, n: 2, snap: { trace: 40, mono: 199, sec: 1740755050, nsec: 123 } },
      { time: 58, n: 3, snap: { trace: 60, mono: 299, sec: 1740755051, nsec: 123 } },
      { time: 83, n: 4, snap: null },
    ]);
  });
});

describe("Go's fuzz seeds", () => {
  const dir = join(GOLDEN, 'fuzz');
  const seeds = readdirSync(dir).sort();
  it('finds all 17', () => expect(seeds.length).toBe(17));
  for (const seed of seeds) {
    it(`${seed} ends in success or a typed error`, () => {
      const bytes = decodeFuzzSeed(readFileSync(join(dir, seed)));
      let n = 0;
      try {
        const r = new TraceReader(bytes);
        for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
          expect(++n).toBeLessThan(1e6);
        }
      } catch (e) {
        expect(e instanceof TraceError || e instanceof HeaderError, String(e)).toBe(true);
      }
    });
  }
  it('large-id reads without allocating a table sized by the ID', () => {
    const bytes = decodeFuzzSeed(readFileSync(join(dir, 'large-id')));
    const before = process.memoryUsage().heapUsed;
    try {
      const r = new TraceReader(bytes);
      while (r.readEvent() !== null);
    } catch (e) {
      expect(e).toBeInstanceOf(TraceError);
    }
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 << 20);
  });
});

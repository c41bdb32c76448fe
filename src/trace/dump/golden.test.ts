// The wire conformance checks under `npm test` that need only the project's own files:
// committed Go dumps of real traces (testdata/traces) equal ours. Go's golden traces and fuzz
// seeds are wire-golden.go-suite.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTestdataDumps, TESTDATA_TRACES } from '../../../scripts/lib/wire-checks';
import { inspectTrace } from '../wire/inspect';

const MANIFEST = join(TESTDATA_TRACES, 'manifest.json');

describe('wire conformance', () => {
  it("equals Go's committed -d=wire and -d=footprint dumps of testdata/traces", () => {
    const results = checkTestdataDumps();
    expect(results.length).toBeGreaterThanOrEqual(100);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('inspects every undamaged real trace without an error, with whole generations', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { traces: { file: string; damage: unknown }[] };
    for (const t of manifest.traces.filter((x) => x.damage === null)) {
      const s = inspectTrace(new Uint8Array(readFileSync(join(TESTDATA_TRACES, t.file))));
      expect(s.error, t.file).toBeNull();
      expect(s.generations.length, t.file).toBeGreaterThan(0);
      expect(s.generations.every((g) => g.endedWithEndOfGeneration), t.file).toBe(true);
      expect(s.readableBytes, t.file).toBe(s.totalBytes);
    }
  });
});

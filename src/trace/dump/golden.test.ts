// The wire conformance checks under `npm test`: Go's 22 golden traces dump to their own
// text, the 17 fuzz seeds are handled, and committed Go dumps of real traces
// (testdata/traces) equal ours. Reads Go's files from ../shared/conformance.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFuzzSeeds, checkTestdataDumps, checkWireGolden, TESTDATA_TRACES } from '../../../scripts/lib/wire-checks';
import { inspectTrace } from '../wire/inspect';

const MANIFEST = join(TESTDATA_TRACES, 'manifest.json');

describe('wire conformance', () => {
  it('dumps each of the 22 golden traces back to its text (go tool trace -d=wire)', () => {
    const results = checkWireGolden();
    expect(results).toHaveLength(22);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('handles the 17 fuzz seeds', () => {
    const results = checkFuzzSeeds();
    expect(results).toHaveLength(17);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it("equals Go's committed -d=wire and -d=footprint dumps of testdata/traces", () => {
    const results = checkTestdataDumps();
    if (existsSync(MANIFEST)) expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('inspects every undamaged real trace without an error, with whole generations', () => {
    if (!existsSync(MANIFEST)) return;
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

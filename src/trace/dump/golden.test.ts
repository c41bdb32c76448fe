// The wire conformance checks under `npm test`: Go's 22 golden traces dump to their own
// text, the 17 fuzz seeds are handled, and committed Go dumps of real traces
// (testdata/traces) equal ours. Reads Go's files from ../shared/conformance.
import { describe, expect, it } from 'vitest';
import { checkFuzzSeeds, checkTestdataDumps, checkWireGolden } from '../../../scripts/lib/wire-checks';

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
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
});

// Go's own wire conformance files (../shared/conformance/go-golden): the 22 golden traces dump
// (-d=wire) back to their own text, and the 17 fuzz seeds are read with nothing but the wire
// layer's typed errors. Runs where Go's files are (scripts/lib/go-suite.ts).
import { describe, expect, it } from 'vitest';
import { checkFuzzSeeds, checkWireGolden } from '../../../scripts/lib/wire-checks';

describe("wire conformance with Go's golden files", () => {
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
});

// The wire layer on Go's golden traces (../shared/conformance, scripts/lib/go-suite.ts):
// truncation at every byte of the small ones and seeded bit flips of all of them may only
// produce the wire layer's own typed errors. A failure names the seed and the case.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { exerciseWire, goldenBinaries } from '../../../scripts/lib/wire-checks';

const GOLDEN = goldenBinaries();
const SMALL = GOLDEN.filter((g) => g.binary.length < 500);

describe("wire robustness on Go's golden traces", () => {
  it.each(SMALL.map((g) => [g.name, g.binary] as const))('survives a cut at every byte of %s', (_, bin) => {
    for (let cut = 0; cut <= bin.length; cut++) expect(exerciseWire(bin.subarray(0, cut)), `cut at ${cut}`).toBeNull();
  });

  it('survives seeded bit flips of every golden trace', () => {
    const seed = 0xb17f;
    const rnd = seededRandom(seed);
    for (const { name, binary } of GOLDEN) {
      for (let k = 0; k < 40; k++) {
        const b = binary.slice();
        const flips = 1 + Math.floor(rnd() * 3);
        for (let f = 0; f < flips; f++) b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
        expect(exerciseWire(b), `seed ${seed}, ${name}, flip ${k}`).toBeNull();
      }
    }
  });
});

// Bad input is normal input: seeded random bytes, truncation at every position and bit
// flips of our own fixtures (src/trace/parse/testdata, Go 1.22–1.26 formats) may only produce
// the wire layer's own typed errors, never another exception or a hang. A failure names the
// seed and the case. The same for Go's golden traces: robustness.go-suite.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { exerciseWire } from '../../../scripts/lib/wire-checks';
import { fixtureBinary, parseFixture } from '../parse/test-fixtures';
import { headerBytes } from './version';

const FIXTURES = join(__dirname, '../parse/testdata');
const OWN = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.test'))
  .sort()
  .map((f) => ({ name: f, binary: fixtureBinary(parseFixture(f, readFileSync(join(FIXTURES, f), 'latin1')).trace) }));
// One small fixture per format to cut at every byte (the golden traces get the same in the go-suite).
const SMALL = ['go122', 'go123', 'go125', 'go126'].map((v) => OWN.filter((g) => g.name.startsWith(v) && g.binary.length < 500)[0]).filter(Boolean);

describe('wire robustness', () => {
  it('survives seeded random bytes after every header', () => {
    const seed = 0x5eed1;
    const rnd = seededRandom(seed);
    for (let round = 0; round < 600; round++) {
      const header = headerBytes(([22, 23, 25, 26] as const)[round % 4]);
      const body = new Uint8Array(Math.floor(rnd() * 200)).map(() => Math.floor(rnd() * 256));
      const bytes = round % 10 === 0 ? body : new Uint8Array([...header, ...body]);
      expect(exerciseWire(bytes), `seed ${seed}, round ${round}`).toBeNull();
    }
  });

  it.each(SMALL.map((g) => [g.name, g.binary] as const))('survives a cut at every byte of %s', (_, bin) => {
    for (let cut = 0; cut <= bin.length; cut++) expect(exerciseWire(bin.subarray(0, cut)), `cut at ${cut}`).toBeNull();
  });

  it('has a fixture of every format to cut', () => expect(SMALL).toHaveLength(4));

  it('survives seeded bit flips of every fixture', () => {
    const seed = 0xb17f;
    const rnd = seededRandom(seed);
    for (const { name, binary } of OWN) {
      for (let k = 0; k < 20; k++) {
        const b = binary.slice();
        const flips = 1 + Math.floor(rnd() * 3);
        for (let f = 0; f < flips; f++) b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
        expect(exerciseWire(b), `seed ${seed}, ${name}, flip ${k}`).toBeNull();
      }
    }
  });
});

// The fuzzer's mutations never throw, whatever they are given (even their own output, cut
// short), and a seed always makes the same mutant.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerVersion, mutate } from './mutate';

const ROOT = join(__dirname, '../..');
const basic = new Uint8Array(readFileSync(join(ROOT, 'testdata/traces/basic.go126.trace')));

describe('mutate', () => {
  it('makes the same mutant from the same seed', () => {
    for (let seed = 1; seed <= 50; seed++) expect(Buffer.from(mutate(basic, seed).bytes).equals(Buffer.from(mutate(basic, seed).bytes))).toBe(true);
  });

  it('edits every trace it is given, down to a few bytes, without throwing', () => {
    const sources = [basic, basic.subarray(0, 600), basic.subarray(0, 17), basic.subarray(0, 16), basic.subarray(0, 5), new Uint8Array(0)];
    let edited = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const src = sources[seed % sources.length];
      const m = mutate(src, seed);
      // Mutants of mutants, as the minimiser and stacked edits see them.
      mutate(m.bytes.subarray(0, seed % (m.bytes.length + 1)), seed + 1);
      if (src === basic) {
        expect(m.edits.length, `seed ${seed}`).toBeGreaterThan(0);
        edited++;
      }
    }
    expect(edited).toBe(250);
  });

  it('reads the header version of a mutant', () => {
    expect(headerVersion(basic)).toBe(26);
    expect(headerVersion(new TextEncoder().encode('go 1.11 trace\0\0\0'))).toBe(11);
    expect(headerVersion(new Uint8Array(3))).toBeNull();
  });
});

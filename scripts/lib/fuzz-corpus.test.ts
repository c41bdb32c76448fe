import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_SOURCES, SEEDS_DIR, seedSource } from '../regen-own-fixtures';
import { decodeFuzzSeed } from './fuzz-corpus';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeFuzzSeed', () => {
  it('decodes the Go-quoted []byte literal, raw UTF-8 included', () => {
    const file = enc('go test fuzz v1\n[]byte("go 1.22 trace\\x00\\x00\\x00\\x01ߕ\\a\\b\\\\\\"")\n');
    expect(Array.from(decodeFuzzSeed(file))).toEqual([
      ...enc('go 1.22 trace'),
      0, 0, 0, 1, 0xdf, 0x95, 7, 8, 0x5c, 0x22,
    ]);
  });

  it('rejects files that are not a single []byte value', () => {
    expect(() => decodeFuzzSeed(enc('[]byte("x")\n'))).toThrow(/go test fuzz v1/);
    expect(() => decodeFuzzSeed(enc('go test fuzz v1\nstring("x")\n'))).toThrow(/\[\]byte/);
    expect(() => decodeFuzzSeed(enc('go test fuzz v1\n[]byte("x")\n[]byte("y")\n'))).toThrow(/exactly one value/);
    expect(() => decodeFuzzSeed(enc('go test fuzz v1\n[]byte("\\q")\n'))).toThrow(/malformed/);
  });

  it('decodes corpus files written by Go (scripts/go/fuzz-seed) to the bytes they were made from', () => {
    expect(SEED_SOURCES.length).toBeGreaterThanOrEqual(2);
    for (const s of SEED_SOURCES) {
      const file = readFileSync(join(SEEDS_DIR, s.name));
      expect(Buffer.from(decodeFuzzSeed(file)).equals(Buffer.from(seedSource(s))), s.name).toBe(true);
    }
  });
});

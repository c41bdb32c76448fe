import { describe, expect, it } from 'vitest';
import { decodeFuzzSeed } from './fuzz-corpus';
import { fuzzSeeds } from './wire-checks';

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

  it("decodes Go's 17 trace seeds: 16 v1.22 headers and one v1.11", () => {
    const seeds = fuzzSeeds();
    expect(seeds).toHaveLength(17);
    const headers = seeds.map((s) => new TextDecoder('latin1').decode(s.bytes.subarray(0, 16)));
    expect(headers.filter((h) => h === 'go 1.22 trace\0\0\0')).toHaveLength(16);
    expect(seeds.find((s) => s.name === '4055b17cae1a3443')!.bytes.subarray(0, 16)).toEqual(enc('go 1.11 trace\0\0\0'));
  });
});

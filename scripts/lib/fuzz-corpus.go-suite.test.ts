// Go's own trace fuzz seeds (../shared/conformance/go-golden/fuzz) decode as expected.
import { describe, expect, it } from 'vitest';
import { fuzzSeeds } from './wire-checks';

const enc = (s: string) => new TextEncoder().encode(s);

describe("decodeFuzzSeed on Go's seeds", () => {
  it("decodes Go's 17 trace seeds: 16 v1.22 headers and one v1.11", () => {
    const seeds = fuzzSeeds();
    expect(seeds).toHaveLength(17);
    const headers = seeds.map((s) => new TextDecoder('latin1').decode(s.bytes.subarray(0, 16)));
    expect(headers.filter((h) => h === 'go 1.22 trace\0\0\0')).toHaveLength(16);
    expect(seeds.find((s) => s.name === '4055b17cae1a3443')!.bytes.subarray(0, 16)).toEqual(enc('go 1.11 trace\0\0\0'));
  });
});

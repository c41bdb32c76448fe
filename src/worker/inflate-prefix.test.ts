import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflatePrefix } from './inflate-prefix';

const trace = new Uint8Array(readFileSync(new URL('../../testdata/traces/basic.go126.trace', import.meta.url)));

describe('inflating the start of a gzip file', () => {
  it('gives the first bytes of a gzipped trace, bounded', async () => {
    const gz = new Uint8Array(gzipSync(trace));
    const out = await inflatePrefix(gz, 100);
    expect(out).not.toBeNull();
    expect(out!.length).toBe(100);
    expect(Array.from(out!)).toEqual(Array.from(trace.subarray(0, 100)));
  });

  it('keeps what came out of a stream cut short, and gives null for what is not gzip', async () => {
    const gz = new Uint8Array(gzipSync(trace));
    const cut = await inflatePrefix(gz.subarray(0, Math.floor(gz.length / 2)), 1 << 20);
    expect(cut!.length).toBeGreaterThan(16);
    expect(new TextDecoder().decode(cut!.subarray(0, 13))).toBe('go 1.26 trace');
    expect(await inflatePrefix(trace)).toBeNull();
    expect(await inflatePrefix(new Uint8Array([0x1f, 0x8b, 0x08]))).toBeNull();
  });
});

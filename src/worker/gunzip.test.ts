import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isGzip } from './gunzip';
import { blobSource } from './blob-source';

const ROOT = resolve(__dirname, '../..');
const gz = new Uint8Array(readFileSync(join(ROOT, 'testdata/gzip/annotations.go126.trace.gz')));
const plain = new Uint8Array(readFileSync(join(ROOT, 'testdata/traces/annotations.go126.trace')));

/** Pulls the whole source; the bytes it gave, or the error that stopped it. */
async function drain(blob: Blob, max: number): Promise<number> {
  const src = blobSource(blob, true, undefined, max);
  let n = 0;
  for (let c = await src.pull(); c !== null; c = await src.pull()) n += c.length;
  return n;
}

describe('gzipped traces', () => {
  it('are told apart by their magic bytes, not their name', () => {
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(plain)).toBe(false);
    expect(isGzip(gz.subarray(0, 2))).toBe(false);
  });

  it('stop at the cap: a small file that inflates hugely is refused as it streams, not held', async () => {
    const bomb = gzipSync(new Uint8Array(64 << 20)); // 64 MiB of zeros, ~64 KB compressed
    expect(bomb.length).toBeLessThan(1 << 20);
    await expect(drain(new Blob([bomb]), 1 << 20)).rejects.toThrow(/more than 1048576 bytes/);
    expect(await drain(new Blob([bomb]), 64 << 20)).toBe(64 << 20);
  });
});

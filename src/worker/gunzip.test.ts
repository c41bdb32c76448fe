import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GunzipError, gunzip, isGzip } from './gunzip';
import { inspectTrace } from '../trace/wire/inspect';
import { TraceReader } from '../trace/parse/reader';

const ROOT = resolve(__dirname, '../..');
const gz = new Uint8Array(readFileSync(join(ROOT, 'testdata/gzip/annotations.go126.trace.gz')));
const plain = new Uint8Array(readFileSync(join(ROOT, 'testdata/traces/annotations.go126.trace')));

function events(bytes: Uint8Array): string[] {
  const out: string[] = [];
  new TraceReader(bytes).forEachEvent((ev) => out.push(`${ev.type} ${ev.time} ${ev.g} ${ev.a0}`));
  return out;
}

describe('gzipped traces', () => {
  it('are told apart by their magic bytes, not their name', () => {
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(plain)).toBe(false);
    expect(isGzip(gz.subarray(0, 2))).toBe(false);
  });

  it('decompress to the trace itself, which reads to the same events and summary', async () => {
    for (const input of [gz, new Blob([gz])]) {
      const out = await gunzip(input, 1 << 30);
      expect(out).toEqual(plain);
      expect(events(out)).toEqual(events(plain));
      expect(inspectTrace(out)).toEqual(inspectTrace(plain));
    }
  });

  it('give a clear error when cut short or damaged', async () => {
    await expect(gunzip(gz.subarray(0, gz.length - 100), 1 << 30)).rejects.toThrow(/damaged or cut short/);
    const bad = gz.slice();
    for (let i = 20; i < 60; i++) bad[i] ^= 0x5a;
    await expect(gunzip(bad, 1 << 30)).rejects.toBeInstanceOf(GunzipError);
  });

  it('stop at the cap: a small file that inflates hugely is refused, not held', async () => {
    const bomb = gzipSync(new Uint8Array(64 << 20)); // 64 MiB of zeros, ~64 KB compressed
    expect(bomb.length).toBeLessThan(1 << 20);
    await expect(gunzip(bomb, 1 << 20)).rejects.toThrow(/more than 1048576 bytes/);
    expect((await gunzip(bomb, 64 << 20)).length).toBe(64 << 20);
  });
});

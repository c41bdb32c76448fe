// A Blob read as the parse worker reads it (blob-source.ts, with the platform's Blob and
// DecompressionStream, which Node has too): plain in slices and gzip as a stream give the
// whole read's summary; a cut or damaged gzip stream keeps the generations that came out
// whole and says what went wrong.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runPassChunks } from '../analysis/event-pass-stream';
import { runPassSync, type PassEnd } from '../analysis/event-pass';
import { SummarySink, type TraceSummary } from '../analysis/trace-summary';
import { seededRandom } from '../testing/seeded-random';
import { blobIsGzip, blobSource, firstGenerationHere } from './blob-source';

const DIR = join(__dirname, '../../testdata/traces');
const bytes = new Uint8Array(readFileSync(join(DIR, 'generations.go126.trace')));
const small = new Uint8Array(readFileSync(join(DIR, 'basic.go126.trace')));

async function streamed(blob: Blob, slice?: number): Promise<{ end: PassEnd; summary: TraceSummary }> {
  const src = blobSource(blob, await blobIsGzip(blob), slice);
  const sink = new SummarySink();
  const pass = runPassChunks(src.pull, [sink]);
  for (;;) {
    const r = await pass.next();
    if (r.done) {
      src.cancel();
      return { end: r.value, summary: sink.finish(r.value) };
    }
  }
}

function whole(b: Uint8Array): { end: PassEnd; summary: TraceSummary } {
  const sink = new SummarySink();
  const end = runPassSync(b, [sink]);
  return { end, summary: sink.finish(end) };
}

describe('blobSource', () => {
  it('a plain Blob in small slices gives the whole read', async () => {
    const want = whole(bytes);
    expect(want.end.error).toBeNull();
    const got = await streamed(new Blob([bytes]), 4099);
    expect(got.summary).toEqual(want.summary);
    expect(got.end.bytesRead).toBe(bytes.length);
  });

  it('a gzipped trace decompressed as a stream gives the whole read', async () => {
    const gz = gzipSync(bytes);
    expect(await blobIsGzip(new Blob([gz]))).toBe(true);
    const got = await streamed(new Blob([gz]));
    expect(got.summary).toEqual(whole(bytes).summary);
  });

  it('a gzip stream cut short keeps the generations that came out whole', async () => {
    const gz = gzipSync(bytes, { level: 1 });
    const got = await streamed(new Blob([gz.subarray(0, Math.floor(gz.length * 0.8))]));
    expect(got.end.fault).toBe('truncated');
    expect(String(got.end.error)).toMatch(/the gzip data is damaged or cut short/);
    const all = whole(bytes).summary.generations.length;
    expect(got.summary.generations.length).toBeGreaterThan(0);
    expect(got.summary.generations.length).toBeLessThan(all);
    expect(got.summary.generations).toEqual(whole(bytes).summary.generations.slice(0, got.summary.generations.length));
  });

  it('gzip magic over garbage is unreadable, not “not a trace”', async () => {
    const rand = seededRandom(8);
    const junk = Uint8Array.from({ length: 5000 }, (_, i) => (i < 3 ? [0x1f, 0x8b, 8][i] : Math.floor(rand() * 256)));
    const got = await streamed(new Blob([junk]));
    expect(got.end.fault).toBe('unreadable');
    expect(String(got.end.error)).toMatch(/the gzip data is damaged or cut short/);
  });

  it('a gzip of garbage is read and found not to be a trace', async () => {
    const rand = seededRandom(9);
    const junk = Uint8Array.from({ length: 5000 }, () => Math.floor(rand() * 256));
    const got = await streamed(new Blob([gzipSync(junk)]));
    expect(got.end.fault).toBe('not-a-trace');
  });

  it('a small trace in one slice', async () => {
    expect((await streamed(new Blob([small]))).summary).toEqual(whole(small).summary);
  });

  it('a read plan that changes between slices still gives every byte once, in order', async () => {
    const rand = seededRandom(10);
    const asked: number[] = [];
    const plan = () => {
      const ahead = 1 + Math.floor(rand() * 4);
      asked.push(ahead);
      return { here: rand() < 0.5, ahead };
    };
    const src = blobSource(new Blob([bytes]), false, 1021, undefined, false, plan);
    const parts: Uint8Array[] = [];
    for (let c = await src.pull(); c !== null; c = await src.pull()) parts.push(c);
    const got = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) (got.set(p, o), (o += p.length));
    expect(got).toEqual(bytes);
    expect(asked.some((a) => a > 1)).toBe(true);
  });

  it('reads the first generation here, three ahead, then through the slice reader, one ahead', () => {
    let started = false;
    const plan = firstGenerationHere(() => started);
    expect(plan()).toEqual({ here: true, ahead: 3 });
    started = true;
    expect(plan()).toEqual({ here: false, ahead: 1 });
  });

  it('a plan of three ahead has three slices on their way before the first pull', async () => {
    let reads = 0;
    const blob = new Blob([bytes]);
    const slice = blob.slice.bind(blob);
    blob.slice = (...args: Parameters<Blob['slice']>) => (reads++, slice(...args));
    const src = blobSource(blob, false, 4096, undefined, false, () => ({ here: true, ahead: 3 }));
    expect(reads).toBe(3);
    await src.pull();
    expect(reads).toBe(4);
    src.cancel();
  });
});

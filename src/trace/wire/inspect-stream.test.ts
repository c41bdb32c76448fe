// The wire inspector fed in pieces gives exactly the summary it gives over the whole file:
// every committed real trace (damaged ones and the Go 1.11–1.21 ones included) and random
// truncations of them, in seeded random chunk sizes; and a source that fails midway.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { seededPieces } from '../../testing/seeded-pieces';
import { ChunkFeeder } from './chunk-feeder';
import { inspectTrace } from './inspect';
import { inspectStream } from './inspect-stream';

const DIR = join(__dirname, '../../../testdata/traces');
const traces = readdirSync(DIR)
  .filter((f) => f.endsWith('.trace'))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(DIR, f))) }));

describe('inspectStream', () => {
  traces.forEach(({ name, bytes }, i) => {
    it(`gives inspectTrace's summary: ${name}`, async () => {
      const want = inspectTrace(bytes);
      for (const seed of [100 + i, 500 + i]) {
        expect(await inspectStream(new ChunkFeeder(seededPieces(bytes, seed))), `seed ${seed}`).toEqual(want);
      }
    });
  });

  it('gives inspectTrace’s summary of random truncations', async () => {
    const rand = seededRandom(4461);
    for (let k = 0; k < 30; k++) {
      const t = traces[Math.floor(rand() * traces.length)];
      const cut = t.bytes.subarray(0, Math.floor(rand() * t.bytes.length));
      expect(await inspectStream(new ChunkFeeder(seededPieces(cut, k))), `${t.name} cut at ${cut.length} (seed 4461, case ${k})`).toEqual(inspectTrace(cut));
    }
  });

  it('a source failing midway: the generations before it, and the source’s message', async () => {
    const t = traces.filter((x) => x.name.endsWith('.go126.trace')).sort((a, b) => b.bytes.length - a.bytes.length)[0];
    const whole = inspectTrace(t.bytes);
    expect(whole.generations.length).toBeGreaterThan(2);
    const failAt = whole.generations[2].offset + 10;
    const s = await inspectStream(new ChunkFeeder(seededPieces(t.bytes, 1, failAt)));
    expect(s.generations).toEqual(whole.generations.slice(0, 2));
    expect(s.error?.message).toBe('the disk went away');
    expect(s.totalBytes).toBe(failAt);
  });
});

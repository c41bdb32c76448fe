// The wire and footprint dumps over input in pieces print exactly what they print over the
// whole file (which other tests compare with Go's own dumps): every committed real trace, our
// regression traces and fixtures (damaged and truncated ones included, Go 1.11–1.21 ones too),
// in seeded random piece sizes, plus random truncations; and a source that fails midway.

import { describe, expect, it } from 'vitest';
import { seededPieces } from '../../testing/seeded-pieces';
import { seededRandom } from '../../testing/seeded-random';
import { streamCorpus } from '../parse/stream-corpus';
import { dumpFootprint } from './footprint';
import { dumpWire } from './wire';
import { dumpFootprintChunks, dumpWireChunks } from './wire-stream';


async function streamed(dump: typeof dumpWireChunks, bytes: Uint8Array, seed: number, failAt?: number) {
  const parts: string[] = [];
  const r = await dump(seededPieces(bytes, seed, failAt), (c) => void parts.push(c));
  return { stdout: parts.join(''), ...r };
}

describe('wire and footprint dumps fed in pieces', () => {
  const traces = streamCorpus();

  it('reads a corpus with successes and failures, old formats too', () => {
    const codes = traces.map((t) => dumpWire(t.bytes).exitCode);
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(20);
    expect(codes.filter((c) => c !== 0).length).toBeGreaterThan(3);
    expect(traces.some((t) => /go1(11|19|21)/.test(t.name) || t.name.includes('v1'))).toBe(true);
  });

  for (const seed of [1, 2, 3]) {
    it(`prints what the whole-file dump prints (seed ${seed})`, async () => {
      for (const t of traces) {
        const whole = dumpWire(t.bytes);
        const got = await streamed(dumpWireChunks, t.bytes, seed * 1000 + t.bytes.length);
        expect(got, `${t.name} wire`).toEqual(whole);
        const fp = dumpFootprint(t.bytes);
        const gotFp = await streamed(dumpFootprintChunks, t.bytes, seed * 7 + t.bytes.length);
        expect(gotFp, `${t.name} footprint`).toEqual(fp);
      }
    });
  }

  it('random truncations: the same events and error as the cut file read whole', async () => {
    const rand = seededRandom(42);
    const real = traces.filter((t) => t.bytes.length > 2000);
    for (let i = 0; i < 40; i++) {
      const t = real[Math.floor(rand() * real.length)];
      const cut = t.bytes.subarray(0, 16 + Math.floor(rand() * (t.bytes.length - 16)));
      const what = `${t.name} cut at ${cut.length}`;
      expect(await streamed(dumpWireChunks, cut, i), what).toEqual(dumpWire(cut));
      expect(await streamed(dumpFootprintChunks, cut, i), what).toEqual(dumpFootprint(cut));
    }
  });

  it('a source that fails midway: the events before it, then its message', async () => {
    const t = traces.find((x) => x.name === 'syscallsteal.go126.trace')!;
    const failAt = Math.floor(t.bytes.length / 2);
    const got = await streamed(dumpWireChunks, t.bytes, 9, failAt);
    expect(got.exitCode).toBe(1);
    expect(got.stderr).toBe('the disk went away\n');
    const whole = dumpWire(t.bytes.subarray(0, failAt)).stdout;
    expect(got.stdout.length).toBeGreaterThan(1000);
    expect(whole.startsWith(got.stdout)).toBe(true);
    const fp = await streamed(dumpFootprintChunks, t.bytes, 9, failAt);
    expect(fp).toEqual({ stdout: '', stderr: 'the disk went away\n', exitCode: 1 });
  });
});

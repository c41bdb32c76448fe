// The reader fed in pieces gives exactly what it gives over the whole buffer: every committed
// real trace, our regression traces and fixtures (damaged and truncated ones included), cut
// into random chunk sizes (seeded; a failure names the seed), plus random truncations of real
// traces: the same events, the same error, the same offset and valid offset.

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { ChunkedInput } from '../wire/chunked-input';
import { TraceReader } from './reader';
import { chunkSizes, type ReadOutcome, readChunked, readWhole } from './chunked-read';
import { streamCorpus } from './stream-corpus';


function expectSame(got: ReadOutcome, want: ReadOutcome, what: string): void {
  expect(got.error, `${what}: error`).toBe(want.error);
  expect(got.rows.length, `${what}: events`).toBe(want.rows.length);
  for (let i = 0; i < want.rows.length; i++) {
    if (want.rows[i].some((v, k) => v !== got.rows[i][k])) expect(got.rows[i], `${what}: event ${i}`).toEqual(want.rows[i]);
  }
  expect(got.offset, `${what}: offset`).toBe(want.offset);
  expect(got.validOffset, `${what}: validOffset`).toBe(want.validOffset);
}

describe('the reader fed in pieces', () => {
  const traces = streamCorpus();

  it('reads a corpus with successes and failures', () => {
    const outcomes = traces.map((t) => readWhole(t.bytes));
    expect(outcomes.filter((o) => o.error === null).length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o.error !== null).length).toBeGreaterThan(5);
  });

  traces.forEach(({ name, bytes }, i) => {
    it(`gives the whole read's events, error and offsets: ${name}`, () => {
      const want = readWhole(bytes);
      for (let s = 0; s < 3; s++) {
        const seed = 7001 + i * 10 + s;
        const rand = seededRandom(seed);
        const max = () => (rand() < 0.5 ? Infinity : 1 + Math.floor(rand() * 5000));
        expectSame(readChunked(bytes, chunkSizes(rand), max), want, `seed ${seed}`);
      }
      const rand = seededRandom(9001 + i);
      expectSame(readChunked(bytes, chunkSizes(rand), () => Infinity, true), want, `readEvent, seed ${9001 + i}`);
    });
  });

  it('gives the whole read of random truncations of real traces', () => {
    const real = traces.filter((t) => t.name.endsWith('.trace') && t.bytes.length > 4096);
    const rand = seededRandom(20261130);
    for (let k = 0; k < 40; k++) {
      const t = real[Math.floor(rand() * real.length)];
      const cut = t.bytes.subarray(0, Math.floor(rand() * t.bytes.length));
      expectSame(readChunked(cut, chunkSizes(rand), () => Infinity), readWhole(cut), `${t.name} cut at ${cut.length} (seed 20261130, case ${k})`);
    }
  });

  it('holds one generation at a time: chunks before it are dropped', () => {
    const t = traces.find((x) => x.name === 'stress.go126.trace') ?? traces.filter((x) => x.name.endsWith('.go126.trace')).sort((a, b) => b.bytes.length - a.bytes.length)[0];
    const input = new ChunkedInput();
    const step = 4096;
    for (let p = 0; p < 64; p += 16) input.push(t.bytes.slice(p, p + 16));
    const r = new TraceReader(input);
    let pos = 64;
    let maxHeld = 0;
    for (;;) {
      if (r.forEachEvent(() => {})) break;
      expect(r.wantsInput).toBe(true);
      if (pos >= t.bytes.length) input.end();
      else input.push(t.bytes.slice(pos, (pos += step)));
      maxHeld = Math.max(maxHeld, input.available);
    }
    // What the input holds unread never approaches the file: at most a generation and a record.
    const whole = readWhole(t.bytes);
    expect(whole.error).toBeNull();
    expect(r.offset).toBe(whole.offset);
    expect(maxHeld).toBeLessThan(t.bytes.length / 2);
  });

  it('says when a generation is larger than it holds at once, after the ones before it', () => {
    const t = traces.filter((x) => x.name.endsWith('.go126.trace')).sort((a, b) => b.bytes.length - a.bytes.length)[0];
    const input = new ChunkedInput();
    input.push(t.bytes.slice());
    input.end();
    const r = new TraceReader(input, 1024);
    let n = 0;
    expect(() => r.forEachEvent(() => n++)).toThrow(/larger than 1024 bytes, the most read at once/);
    // Only the Sync that closes (no) generation before it.
    expect(n).toBeLessThanOrEqual(1);
  });
});

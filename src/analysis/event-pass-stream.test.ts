// runPassChunks gives the sinks what runPass over the whole buffer gives them: the summary of
// every committed real trace (damaged ones included) read from seeded random pieces equals the
// whole read's, and so does the end of the pass; a source that fails midway keeps every
// generation that arrived whole and ends with the source's message.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededPieces } from '../testing/seeded-pieces';
import { runPassChunks } from './event-pass-stream';
import { runPassSync, type PassEnd } from './event-pass';
import { SummarySink } from './trace-summary';
import type { TraceSummary } from './trace-summary';

const DIR = join(__dirname, '../../testdata/traces');
const traces = readdirSync(DIR)
  .filter((f) => f.endsWith('.trace'))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(DIR, f))) }));

async function streamed(source: () => Promise<Uint8Array | null>, every = 20_000): Promise<{ end: PassEnd; summary: TraceSummary; progress: number }> {
  const sink = new SummarySink();
  const pass = runPassChunks(source, [sink], { every });
  let progress = 0;
  for (;;) {
    const r = await pass.next();
    if (r.done) return { end: r.value, summary: sink.finish(r.value), progress };
    progress++;
  }
}

function whole(bytes: Uint8Array): { end: PassEnd; summary: TraceSummary } {
  const sink = new SummarySink();
  const end = runPassSync(bytes, [sink]);
  return { end, summary: sink.finish(end) };
}

const comparable = (e: PassEnd) => ({ ...e, error: e.error === null ? null : String(e.error) });

describe('runPassChunks', () => {
  traces.forEach(({ name, bytes }, i) => {
    it(`gives the whole pass's summary and end: ${name}`, async () => {
      const want = whole(bytes);
      const got = await streamed(seededPieces(bytes, 300 + i), 1 + (i % 7) * 3000);
      expect(comparable(got.end)).toEqual(comparable(want.end));
      expect(got.summary).toEqual(want.summary);
    });
  });

  it('reports progress while it reads', async () => {
    const t = traces.sort((a, b) => b.bytes.length - a.bytes.length)[0];
    const got = await streamed(seededPieces(t.bytes, 1), 1000);
    expect(got.progress).toBeGreaterThan(got.end.events / 1000 - 1);
  });

  it('a source failing midway: every generation that arrived whole, then the source’s error', async () => {
    const t = traces.filter((x) => x.name.endsWith('.go126.trace')).sort((a, b) => b.bytes.length - a.bytes.length)[0];
    const want = whole(t.bytes);
    expect(want.summary.generations.length).toBeGreaterThan(3);
    const failAt = Math.floor(t.bytes.length * 0.7);
    const got = await streamed(seededPieces(t.bytes, 2, failAt));
    expect(got.end.fault).toBe('truncated');
    expect(String(got.end.error)).toContain('the disk went away');
    // What a whole read of the bytes that arrived keeps, nothing less.
    const prefix = whole(t.bytes.subarray(0, failAt));
    expect(prefix.summary.generations.length).toBeGreaterThan(0);
    expect(got.summary.generations).toEqual(prefix.summary.generations);
    expect(got.end.events).toBe(prefix.end.events);
  });

  it('a source failing before the header: unreadable, not “not a trace”', async () => {
    const got = await streamed(seededPieces(new Uint8Array(100), 3, 0));
    expect(got.end.fault).toBe('unreadable');
    expect(got.end.version).toBeNull();
  });
});

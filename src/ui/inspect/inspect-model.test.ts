import { describe, expect, it } from 'vitest';
import { writeV1Trace } from '../../trace/v1/text-writer';
import { inspectTrace, type WireSummary } from '../../trace/wire/inspect';
import { goReleasesFor, inspectView } from './inspect-model';

const ascii = (s: string) => new TextEncoder().encode(s);

function gen(n: number, offset: number, bytes: number, batches: number) {
  return {
    gen: n, offset, bytes, batches, eventBatches: batches - 2, strings: 1, stacks: 1, cpuSamples: 0, sync: 0,
    experimental: 0, minTime: 1000 * n, maxTime: 1000 * n + 640, endedWithEndOfGeneration: true,
  };
}

describe('inspect view', () => {
  it('names the Go releases behind each header version', () => {
    expect(goReleasesFor(22)).toBe('Go 1.22');
    expect(goReleasesFor(23)).toBe('Go 1.23 or 1.24');
    expect(goReleasesFor(25)).toBe('Go 1.25');
    expect(goReleasesFor(26)).toBe('Go 1.26 or 1.27');
  });

  it('summarises a good trace', () => {
    const s: WireSummary = {
      version: 26, totalBytes: 316, headerBytes: 16, generations: [gen(1, 16, 100, 4), gen(2, 116, 200, 6)],
      partial: null, batches: 10, readableBytes: 316, error: null,
    };
    const v = inspectView(s);
    expect(v.verdict).toBe('ok');
    expect(v.title).toBe('Go 1.26 or 1.27 execution trace');
    expect(v.generations.map((g) => [g.gen, g.bytes, g.batches, g.spanTicks])).toEqual([['1', 100, 4, 640], ['2', 200, 6, 640]]);
    expect([v.batches, v.genBytes, v.fileBytes, v.goMessage]).toEqual([10, 300, 316, null]);
  });

  it('says how much of a damaged trace was kept, with Go\'s message', () => {
    const s: WireSummary = {
      version: 25, totalBytes: 500, headerBytes: 16, generations: [gen(1, 16, 100, 4)], partial: gen(2, 116, 50, 2),
      batches: 4, readableBytes: 116, error: { fault: 'damaged', message: 'incomplete generation found; trace likely truncated', offset: 116 },
    };
    const v = inspectView(s);
    expect(v.verdict).toBe('damaged');
    expect(v.goMessage).toBe('incomplete generation found; trace likely truncated');
    expect(v.kept).toBe('Kept 1 complete generation: 116 of 500 bytes are readable; the damage is at byte 116. Generation 2 was cut off and is not shown.');
  });

  it('tells the three kinds of failure apart, from real headers', () => {
    const notTrace = inspectView(inspectTrace(ascii('PK\x03\x04 certainly not a trace')));
    const v1 = inspectView(inspectTrace(ascii('go 1.21 trace\0\0\0\x01\x01\x00\x64')));
    const future = inspectView(inspectTrace(ascii('go 1.99 trace\0\0\0')));
    expect([notTrace.verdict, v1.verdict, future.verdict]).toEqual(['not-a-trace', 'damaged', 'unsupported-version']);
    expect(notTrace.goMessage).toBe('bad file format: not a Go execution trace?');
    expect(v1.goMessage).toBe('EvBatch has wrong number of arguments: got 1, want 2');
    expect(future.goMessage).toBe('unknown or unsupported trace version go 1.99');
    expect(new Set([notTrace.title, v1.title, future.title]).size).toBe(3);
  });

  it('names a Go 1.11–1.21 trace and says it is read whole, as Go reads it', () => {
    const ok = inspectView(inspectTrace(writeV1Trace('Trace Go1.19\nBatch p=0 ticks=5\nFrequency freq=1000000000\n')));
    expect(ok).toMatchObject({ verdict: 'ok', goVersion: 'Go 1.19 or 1.20', batches: 1, goMessage: null });
    expect(ok.title).toBe('Go 1.19 or 1.20 execution trace, in the format before Go 1.22');
    expect(ok.explanation).toMatch(/^The Go 1\.11–1\.21 format has no generations: Go reads it whole/);
    expect(ok.generations.map((g) => g.gen)).toEqual(['1']);
    const cut = inspectView(inspectTrace(ascii('go 1.11 trace\0\0\0\x41\x00')));
    expect(cut).toMatchObject({ verdict: 'damaged', goVersion: 'Go 1.11–1.18', goMessage: 'malformatted base-128 varint' });
    expect(cut.kept).toBe('Kept nothing: the damage is at byte 16 of 18.');
  });
});

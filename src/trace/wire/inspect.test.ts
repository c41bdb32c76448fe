import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSections } from '../parse/test-fixtures';
import { writeV1Trace } from '../v1/text-writer';
import { textToBinary } from './convert';
import { inspectTrace } from './inspect';

const enc = (s: string) => new TextEncoder().encode(s);

// Two 1.26 generations: sync, events, stacks, strings, then EndOfGeneration each.
const TRACE126 = `Trace Go1.26
EventBatch gen=1 m=18446744073709551615 time=100 size=11
Sync
Frequency freq=15625000
ClockSnapshot dt=1 mono=2 sec=3 nsec=4
EventBatch gen=1 m=5 time=110 size=4
ProcStatus dt=1 p=0 pstatus=1
EventBatch gen=1 m=18446744073709551615 time=120 size=1
Stacks
EventBatch gen=1 m=18446744073709551615 time=130 size=5
Strings
String id=1
\tdata="a"
EndOfGeneration
EventBatch gen=2 m=18446744073709551615 time=9007199254740993 size=11
Sync
Frequency freq=15625000
ClockSnapshot dt=1 mono=2 sec=3 nsec=4
ExperimentalBatch exp=1 gen=2 m=5 time=9007199254740999
data="xyz"
EventBatch gen=2 m=5 time=9007199254741000 size=1
CPUSamples
EndOfGeneration
`;
const BIN126 = textToBinary(enc(TRACE126));

describe('inspectTrace', () => {
  it('summarises generations, batch kinds and raw time spans (exact past 2^53)', () => {
    const s = inspectTrace(BIN126);
    expect(s.error).toBeNull();
    expect(s.version).toBe(26);
    expect(s.generations.map((g) => g.gen)).toEqual([1, 2]);
    expect(s.generations[0]).toMatchObject({ batches: 4, sync: 1, eventBatches: 1, stacks: 1, strings: 1, minTime: 100, maxTime: 130, endedWithEndOfGeneration: true });
    expect(s.generations[1]).toMatchObject({ batches: 3, sync: 1, experimental: 1, cpuSamples: 1, minTime: 9007199254740993n, maxTime: 9007199254741000n });
    expect(s.batches).toBe(7);
    expect(s.readableBytes).toBe(BIN126.length);
    expect(s.generations[0].offset).toBe(16);
    expect(s.generations[1].offset).toBe(16 + s.generations[0].bytes);
  });

  it('never throws and keeps every generation before the damage, for a cut at every byte', () => {
    const gen1End = 16 + inspectTrace(BIN126).generations[0].bytes;
    for (let cut = 0; cut <= BIN126.length; cut++) {
      const s = inspectTrace(BIN126.subarray(0, cut));
      const label = `cut at ${cut}`;
      if (cut < 16) {
        expect(s.error?.fault, label).toBe('not-a-trace');
        continue;
      }
      const complete = cut === BIN126.length ? 2 : cut >= gen1End ? 1 : 0;
      expect(s.generations.length, label).toBe(complete);
      const atBoundary = cut === 16 || cut === gen1End || cut === BIN126.length;
      if (atBoundary) expect(s.error, label).toBeNull();
      else {
        expect(s.error?.fault, label).toBe('damaged');
        expect(s.error!.offset, label).toBeGreaterThanOrEqual(16);
        expect(s.readableBytes, label).toBeLessThanOrEqual(cut);
      }
    }
  });

  it("uses Go's messages for damage", () => {
    const cut = inspectTrace(BIN126.subarray(0, BIN126.length - 1));
    expect(cut.error).toEqual({ fault: 'damaged', message: 'incomplete generation found; trace likely truncated', offset: cut.generations[0].offset + cut.generations[0].bytes });
    expect(inspectTrace(BIN126.subarray(0, 20)).error?.message).toBe('error reading batch M ID: unexpected EOF');
    expect(inspectTrace(BIN126.subarray(0, 31)).error?.message).toBe('failed to read full batch: read 1 but wanted 11');
    const noEog = inspectTrace(textToBinary(enc('Trace Go1.26\nEventBatch gen=1 m=1 time=1 size=0\nEventBatch gen=2 m=1 time=1 size=0\n')));
    expect(noEog.error?.message).toBe('broken trace: missing end-of-generation event, or generations are interleaved');
    expect(noEog.partial?.gen).toBe(1);
    const zero = inspectTrace(textToBinary(enc('Trace Go1.22\nEventBatch gen=0 m=1 time=1 size=0\n')));
    expect(zero.error?.message).toBe('invalid generation number 0');
    const order = inspectTrace(textToBinary(enc('Trace Go1.22\nEventBatch gen=1 m=1 time=1 size=0\nEventBatch gen=3 m=1 time=1 size=0\n')));
    expect(order.error?.message).toBe('generations out of order');
  });

  it('splits pre-1.26 generations on the number, keeping the one read before a bad record', () => {
    const bin = textToBinary(enc('Trace Go1.23\nEventBatch gen=1 m=1 time=5 size=0\nEventBatch gen=2 m=1 time=9 size=0\nEventBatch gen=2 m=2 time=7 size=0\n'));
    const s = inspectTrace(bin);
    expect(s.generations.map((g) => [g.gen, g.batches, g.minTime, g.maxTime])).toEqual([
      [1, 1, 5, 5],
      [2, 2, 7, 9],
    ]);
    const damaged = inspectTrace(new Uint8Array([...bin, 0x10]));
    expect(damaged.error).toMatchObject({ fault: 'damaged', message: 'expected batch event, got event 16', offset: bin.length });
    expect(damaged.generations).toHaveLength(2);
  });

  it('tells the header faults apart', () => {
    expect(inspectTrace(enc('%PDF-1.7')).error).toMatchObject({ fault: 'not-a-trace', message: 'bad file format: not a Go execution trace?' });
    expect(inspectTrace(enc('go 1.30 trace\0\0\0'))).toMatchObject({ version: 30, error: { fault: 'unsupported-version', message: 'unknown or unsupported trace version go 1.30' } });
  });
});

describe('inspectTrace of a Go 1.11–1.21 trace', () => {
  const text = readFileSync(join(__dirname, '../v1/testdata/go121-sched.test'), 'utf8');
  const bin = writeV1Trace(parseSections(text).get('trace')!);

  it('names it and counts its batches and records, as one generation', () => {
    const s = inspectTrace(bin);
    expect(s).toMatchObject({ version: 21, error: null, partial: null, batches: 4, headerBytes: 16, readableBytes: bin.length });
    expect(s.generations).toEqual([
      {
        gen: 1, offset: 16, bytes: bin.length - 16, batches: 4, eventBatches: 4, strings: 8, stacks: 3, cpuSamples: 3,
        sync: 0, experimental: 0, minTime: 100000, maxTime: 100600, endedWithEndOfGeneration: false,
      },
    ]);
  });

  it("reports damage with Go's message, and keeps nothing (Go reads an old trace whole)", () => {
    // A Go 1.26 trace whose header says "go 1.21 trace", as Go reports it.
    const s = inspectTrace(enc('go 1.21 trace\0\0\0\x01\x01\x00\x64'));
    expect(s).toMatchObject({ version: 21, generations: [], batches: 0, readableBytes: 16 });
    expect(s.error).toEqual({ fault: 'damaged', message: 'EvBatch has wrong number of arguments: got 1, want 2', offset: 16 });
    expect(s.partial).toMatchObject({ gen: 1, batches: 0, bytes: 0 });
    const cut = inspectTrace(bin.subarray(0, 60));
    expect(cut.error).toMatchObject({ fault: 'damaged', message: 'failed to read trace: EOF' });
    expect(cut.generations).toEqual([]);
    expect(inspectTrace(enc('go 1.21 trace\0\0\0\x45\x01\x01')).error).toMatchObject({
      message: 'read event 5 with current P of 0, but P has no batches yet',
      offset: 16,
    });
  });
});

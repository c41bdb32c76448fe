import { describe, expect, it } from 'vitest';
import { RawReader, RawReadError, rawEventEncodedSize, rawEventString, writeRawEvent, type RawEvent } from './raw';
import { Ev } from './specs';
import { ByteWriter } from './varint';
import { headerBytes } from './version';

function trace(body: number[]): Uint8Array {
  return new Uint8Array([...headerBytes(26), ...body]);
}

function readAll(bytes: Uint8Array): RawEvent[] {
  const r = RawReader.open(bytes);
  const out: RawEvent[] = [];
  for (let ev = r.next(); ev; ev = r.next()) out.push(ev);
  return out;
}

describe('RawReader', () => {
  it('reads batch headers and their events as one flat stream', () => {
    const evs = readAll(trace([Ev.EventBatch, 1, 2, 3, 4, Ev.ProcStatus, 1, 0, 1, Ev.EndOfGeneration]));
    expect(evs.map((e) => rawEventString(e))).toEqual(['EventBatch gen=1 m=2 time=3 size=4', 'ProcStatus dt=1 p=0 pstatus=1', 'EndOfGeneration']);
  });

  it('reads padded varints, and re-encodes them minimally (EncodedSize counts minimal bytes)', () => {
    const [ev] = readAll(trace([Ev.HeapAlloc, 0x81, 0x80, 0x00, 0x80, 0x01]));
    expect(ev.args).toEqual([1, 128]);
    expect(rawEventEncodedSize(ev)).toBe(4);
    const w = new ByteWriter();
    writeRawEvent(w, ev);
    expect(Array.from(w.finish())).toEqual([Ev.HeapAlloc, 1, 0x80, 0x01]);
  });

  it('reads stack frames after the arguments and data after its length', () => {
    const [stack, str] = readAll(trace([Ev.Stack, 9, 1, 10, 11, 12, 13, Ev.String, 1, 2, 0x68, 0x69]));
    expect(stack.args).toEqual([9, 1, 10, 11, 12, 13]);
    expect(rawEventString(stack)).toBe('Stack id=9 nframes=1\n\tpc=10 func=11 file=12 line=13');
    expect(Array.from(str.data!)).toEqual([0x68, 0x69]);
    expect(rawEventEncodedSize(str)).toBe(5);
  });

  it("fails with Go's raw reader messages", () => {
    const err = (body: number[]) => {
      try {
        readAll(trace(body));
      } catch (e) {
        expect(e).toBeInstanceOf(RawReadError);
        return (e as Error).message;
      }
      return 'none';
    };
    expect(err([0])).toBe('invalid event type: 0');
    expect(err([137])).toBe('invalid event type: 137');
    expect(err([Ev.ProcStart, 0x80])).toBe('unexpected EOF');
    expect(err([Ev.ProcStart, ...Array(10).fill(0x80), 0])).toBe('binary: varint overflows a 64-bit integer');
  });

  it('reads an unused 1.26 type as an event with no name and no arguments, as Go does', () => {
    expect(readAll(trace([60, Ev.EndOfGeneration])).map((e) => rawEventString(e))).toEqual(['', 'EndOfGeneration']);
  });

  it('does not read a data length or frame count from the input into an allocation', () => {
    // nframes 2^62 and a 2^60-byte string: both end at the input's end.
    const bigCount = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40];
    expect(readAll(trace([Ev.Stack, 1, ...bigCount, 1, 2, 3, 4]))).toEqual([]);
    expect(readAll(trace([Ev.String, 1, ...bigCount, 0x41]))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { BatchError, batchKind, NO_THREAD, readBatch } from './batch';
import { WireError } from './errors';
import { Ev, MAX_BATCH_SIZE } from './specs';
import { ByteWriter } from './varint';

function rec(write: (w: ByteWriter) => void): Uint8Array {
  const w = new ByteWriter();
  write(w);
  return w.finish();
}

function batch(gen: number | bigint, m: number | bigint, time: number | bigint, payload: number[]): Uint8Array {
  return rec((w) => {
    w.byte(Ev.EventBatch);
    w.uvarint(gen);
    w.uvarint(m);
    w.uvarint(time);
    w.uvarint(payload.length);
    w.bytes(new Uint8Array(payload));
  });
}

function messageOf(buf: Uint8Array): string {
  try {
    readBatch(buf, 0, 26);
  } catch (e) {
    expect(e).toBeInstanceOf(BatchError);
    expect(e).toBeInstanceOf(WireError);
    return (e as Error).message;
  }
  return 'no error';
}

describe('readBatch', () => {
  it('reads an event batch header and returns its payload as a view', () => {
    const buf = batch(3, NO_THREAD, 2n ** 60n, [Ev.Strings, 1, 2]);
    const r = readBatch(buf, 0, 26)!;
    expect(r.next).toBe(buf.length);
    expect(r.batch).toMatchObject({ gen: 3, m: NO_THREAD, time: 2n ** 60n, exp: 0, isEndOfGeneration: false, offset: 0 });
    expect(Array.from(r.batch.data)).toEqual([Ev.Strings, 1, 2]);
    expect(r.batch.data.buffer).toBe(buf.buffer);
    expect(batchKind(r.batch, 26)).toBe('strings');
  });

  it('reads the experiment as one raw byte, not a varint', () => {
    const buf = rec((w) => {
      w.byte(Ev.ExperimentalBatch);
      w.byte(0x81); // would be a continuation byte as a varint
      w.uvarint(1);
      w.uvarint(7);
      w.uvarint(9);
      w.uvarint(0);
    });
    const r = readBatch(buf, 0, 26)!;
    expect(r.batch).toMatchObject({ exp: 0x81, gen: 1, m: 7, time: 9 });
    expect(batchKind(r.batch, 26)).toBe('experimental');
  });

  it('returns the 1.26 EndOfGeneration byte as a record of its own', () => {
    const buf = new Uint8Array([Ev.EndOfGeneration, Ev.EventBatch]);
    const r = readBatch(buf, 0, 26)!;
    expect(r.next).toBe(1);
    expect(r.batch).toMatchObject({ gen: 0, m: NO_THREAD, isEndOfGeneration: true });
    expect(Array.from(r.batch.data)).toEqual([Ev.EndOfGeneration]);
  });

  it('returns null where Go sees io.EOF: at the end, and after a lone ExperimentalBatch byte', () => {
    expect(readBatch(new Uint8Array(0), 0, 26)).toBeNull();
    expect(readBatch(new Uint8Array([Ev.ExperimentalBatch]), 0, 26)).toBeNull();
  });

  it('classifies sync batches by version, as batch.go isSyncBatch does', () => {
    const freq = readBatch(batch(1, 0, 0, [Ev.Frequency, 1]), 0)!.batch;
    const sync = readBatch(batch(1, 0, 0, [Ev.Sync]), 0)!.batch;
    expect(batchKind(freq, 23)).toBe('sync');
    expect(batchKind(freq, 25)).toBe('events');
    expect(batchKind(sync, 25)).toBe('sync');
    expect(batchKind(sync, 23)).toBe('events');
    expect(batchKind(readBatch(batch(1, 0, 0, [Ev.CPUSamples]), 0)!.batch, 26)).toBe('cpu-samples');
    expect(batchKind(readBatch(batch(1, 0, 0, [Ev.Stacks]), 0)!.batch, 26)).toBe('stacks');
    expect(batchKind(readBatch(batch(1, 0, 0, []), 0)!.batch, 26)).toBe('events');
  });

  it("fails with Go's messages (internal/trace/batch.go)", () => {
    expect(messageOf(new Uint8Array([Ev.GoStart]))).toBe('expected batch event, got event 16');
    expect(messageOf(new Uint8Array([Ev.EventBatch]))).toBe('error reading batch gen: EOF');
    expect(messageOf(new Uint8Array([Ev.EventBatch, 0x81]))).toBe('error reading batch gen: unexpected EOF');
    expect(messageOf(new Uint8Array([Ev.EventBatch, 1]))).toBe('error reading batch M ID: EOF');
    expect(messageOf(new Uint8Array([Ev.EventBatch, 1, 1]))).toBe('error reading batch timestamp: EOF');
    expect(messageOf(new Uint8Array([Ev.EventBatch, 1, 1, 1]))).toBe('error reading batch size: EOF');
    expect(messageOf(new Uint8Array([Ev.EventBatch, 1, ...Array(9).fill(0xff), 0x02]))).toBe(
      'error reading batch M ID: binary: varint overflows a 64-bit integer',
    );
    expect(messageOf(new Uint8Array([Ev.EventBatch, 1, 1, 1, 5, 1, 2]))).toBe('failed to read full batch: read 2 but wanted 5');
  });

  it('checks the 64 KiB limit before using the size', () => {
    const ok = batch(1, 1, 1, new Array(MAX_BATCH_SIZE).fill(0));
    expect(readBatch(ok, 0, 26)!.batch.data.length).toBe(MAX_BATCH_SIZE);
    const over = rec((w) => {
      w.byte(Ev.EventBatch);
      w.uvarint(1);
      w.uvarint(1);
      w.uvarint(1);
      w.uvarint(MAX_BATCH_SIZE + 1);
    });
    expect(messageOf(over)).toBe('invalid batch size 65537, maximum is 65536');
    const huge = rec((w) => {
      w.byte(Ev.EventBatch);
      w.uvarint(1);
      w.uvarint(1);
      w.uvarint(1);
      w.uvarint(2n ** 64n - 1n);
    });
    expect(messageOf(huge)).toBe('invalid batch size 18446744073709551615, maximum is 65536');
  });

  it('reads a sequence of records from an offset', () => {
    const buf = new Uint8Array([...batch(1, 2, 3, [Ev.GoStart]), Ev.EndOfGeneration, ...batch(2, 2, 4, [])]);
    const seen: string[] = [];
    for (let pos = 0, r = readBatch(buf, pos); r; pos = r.next, r = readBatch(buf, pos)) {
      seen.push(`${r.batch.offset}:${r.batch.gen}:${r.batch.isEndOfGeneration}`);
    }
    expect(seen).toEqual(['0:1:false', '6:0:true', '7:2:false']);
  });
});

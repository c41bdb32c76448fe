// Editing a Go trace at the level of its records, to make damaged traces on purpose: the
// regression fixtures (scripts/regen-regressions.ts) and the fuzzer's format-aware mutations
// (scripts/lib/mutate.ts). A trace is split into its header, its top-level records (event and
// experimental batches, EndOfGeneration bytes) as Go's readBatch frames them
// (internal/trace/batch.go), and whatever follows the last record that frames cleanly.

import { Ev, SPECS } from '../../src/trace/wire/specs';
import { readBatch } from '../../src/trace/wire/batch';
import { ByteWriter, uvarintAt, uvarintScan } from '../../src/trace/wire/varint';
import { readHeader } from '../../src/trace/wire/version';

export interface TraceRecord {
  /** Offsets in the trace: the record is bytes [start, end), its payload [payload, end). */
  start: number;
  payload: number;
  end: number;
  endOfGeneration: boolean;
  gen: number | bigint;
  m: number | bigint;
  time: number | bigint;
  /** Experiment byte, or -1 for a plain event batch / EndOfGeneration. */
  exp: number;
}

export interface TraceLayout {
  /** Length of the header ("go 1.NN trace\0\0\0"). */
  headerEnd: number;
  records: TraceRecord[];
  /** Where framing stopped: the trace length, or the offset of the first record that does not frame. */
  tailStart: number;
}

/** Splits a trace into records; stops quietly at the first record that does not frame. */
export function layout(buf: Uint8Array): TraceLayout {
  const headerEnd = readHeader(buf).size;
  const records: TraceRecord[] = [];
  let pos = headerEnd;
  for (;;) {
    let r: ReturnType<typeof readBatch>;
    try {
      r = readBatch(buf, pos);
    } catch {
      break;
    }
    if (r === null) break;
    const b = r.batch;
    records.push({
      start: pos,
      payload: r.next - b.data.length,
      end: r.next,
      endOfGeneration: b.isEndOfGeneration,
      gen: b.gen,
      m: b.m,
      time: b.time,
      exp: buf[pos] === Ev.ExperimentalBatch ? b.exp : -1,
    });
    pos = r.next;
  }
  return { headerEnd, records, tailStart: pos };
}

/** The bytes of a batch record with the given header fields and payload (size follows the payload). */
export function encodeBatch(rec: Pick<TraceRecord, 'gen' | 'm' | 'time' | 'exp'>, payload: Uint8Array): Uint8Array {
  const w = new ByteWriter(payload.length + 40);
  if (rec.exp >= 0) {
    w.byte(Ev.ExperimentalBatch);
    w.byte(rec.exp);
  } else {
    w.byte(Ev.EventBatch);
  }
  w.uvarint(rec.gen);
  w.uvarint(rec.m);
  w.uvarint(rec.time);
  w.uvarint(payload.length);
  w.bytes(payload);
  return w.finish();
}

/** buf with bytes [from, to) replaced by `insert`. */
export function splice(buf: Uint8Array, from: number, to: number, insert: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(buf.length - (to - from) + insert.length);
  out.set(buf.subarray(0, from), 0);
  out.set(insert, from);
  out.set(buf.subarray(to), from + insert.length);
  return out;
}

/** buf with record `rec` re-encoded around a new payload (its size field follows). */
export function replacePayload(buf: Uint8Array, rec: TraceRecord, payload: Uint8Array): Uint8Array {
  return splice(buf, rec.start, rec.end, encodeBatch(rec, payload));
}

/**
 * The offsets (relative to the payload) where each event of a batch payload starts, walking
 * events by the spec table: structural payloads (strings, stacks, CPU samples, sync) and timed
 * event batches alike. Stops at the first byte it cannot walk.
 */
export function eventStarts(payload: Uint8Array): number[] {
  const out: number[] = [];
  let pos = 0;
  // Structural batches start with a one-byte header event (Strings, Stacks, CPUSamples, Sync).
  const first = payload[0];
  if (first === Ev.Strings || first === Ev.Stacks || first === Ev.CPUSamples || first === Ev.Sync) {
    out.push(0);
    pos = 1;
  }
  while (pos < payload.length) {
    const typ = payload[pos];
    const spec = SPECS[typ];
    if (!spec || spec.name === '') break;
    out.push(pos);
    let p = pos + 1;
    const nargs = spec.args.length;
    let ok = true;
    const uv = (): number | bigint => {
      const v = uvarintAt(payload, p, payload.length);
      if (v === -1) ok = false;
      p = uvarintScan.end;
      return v;
    };
    if (typ === Ev.Stack) {
      uv();
      const n = uv();
      for (let i = 0; ok && i < Number(n) * 4; i++) uv();
    } else {
      for (let i = 0; ok && i < nargs; i++) uv();
      if (ok && spec.hasData) {
        const len = uv();
        p += Number(len);
      }
    }
    if (!ok || p > payload.length) break;
    pos = p;
  }
  return out;
}

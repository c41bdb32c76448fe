// Seeded, format-aware mutations of Go traces for the differential fuzz step
// (scripts/conformance/fuzz.ts). Each mutant is a real trace with one to three edits: some know
// the format (batches and events swapped, duplicated, deleted or moved; varint arguments
// changed; strings damaged; batch headers edited; the header set to another version), some are
// plain byte damage (bit flips, ranges deleted, inserted or repeated, truncation). A mutant is
// fully determined by its seed and source, so any one can be made again from the printed seed.

import { seededRandom } from '../../src/testing/seeded-random';
import { Ev } from '../../src/trace/wire/specs';
import { ByteWriter, uvarintAt, uvarintScan } from '../../src/trace/wire/varint';
import { encodeBatch, eventStarts, layout, replacePayload, splice, type TraceRecord } from './trace-edit';

export interface Mutant {
  bytes: Uint8Array;
  /** The edits, in words, in the order applied. */
  edits: string[];
}

type Rnd = () => number;
type Edit = (buf: Uint8Array, rnd: Rnd) => { bytes: Uint8Array; what: string } | null;

const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[int(rnd, xs.length)];
const enc = new TextEncoder();

/** Header versions to try: every one Go names, old and new, and ones it does not know. */
export const HEADER_VERSIONS = [11, 19, 21, 22, 23, 24, 25, 26, 27, 99] as const;

/** The header's version number, or null when the first bytes are not "go 1.N trace". */
export function headerVersion(buf: Uint8Array): number | null {
  const m = /^go 1\.(\d+) trace/.exec(new TextDecoder('latin1').decode(buf.subarray(0, 20)));
  return m ? Number(m[1]) : null;
}

function batches(buf: Uint8Array): TraceRecord[] {
  try {
    return layout(buf).records.filter((r) => !r.endOfGeneration);
  } catch {
    return [];
  }
}

function records(buf: Uint8Array): TraceRecord[] {
  try {
    return layout(buf).records;
  } catch {
    return [];
  }
}

// ---- plain byte damage ------------------------------------------------------------------------

const bitFlip: Edit = (buf, rnd) => {
  if (buf.length <= 16) return null;
  const b = buf.slice();
  const at = 16 + int(rnd, b.length - 16);
  const bit = int(rnd, 8);
  b[at] ^= 1 << bit;
  return { bytes: b, what: `flip bit ${bit} at ${at}` };
};

const deleteRange: Edit = (buf, rnd) => {
  if (buf.length <= 17) return null;
  const at = 16 + int(rnd, buf.length - 16);
  const n = 1 + int(rnd, 32);
  return { bytes: splice(buf, at, Math.min(buf.length, at + n)), what: `delete ${n} bytes at ${at}` };
};

const insertRandom: Edit = (buf, rnd) => {
  if (buf.length < 16) return null;
  const at = 16 + int(rnd, buf.length - 15);
  const ins = Uint8Array.from({ length: 1 + int(rnd, 16) }, () => int(rnd, 256));
  return { bytes: splice(buf, at, at, ins), what: `insert ${ins.length} random bytes at ${at}` };
};

const repeatRange: Edit = (buf, rnd) => {
  if (buf.length <= 17) return null;
  const at = 16 + int(rnd, buf.length - 16);
  const n = 1 + int(rnd, 32);
  const src = buf.slice(at, Math.min(buf.length, at + n));
  return { bytes: splice(buf, at, at, src), what: `repeat ${src.length} bytes at ${at} in place` };
};

const truncate: Edit = (buf, rnd) => {
  if (buf.length <= 16) return null;
  const at = int(rnd, buf.length);
  return { bytes: buf.slice(0, at), what: `truncate to ${at} bytes` };
};

// ---- the header -------------------------------------------------------------------------------

const otherHeader: Edit = (buf, rnd) => {
  const v = pick(rnd, HEADER_VERSIONS);
  const h = enc.encode(`go 1.${v} trace\0\0\0`);
  if (buf.length < 16) return null;
  return { bytes: splice(buf, 0, 16, h), what: `header go 1.${v}` };
};

// ---- batches ----------------------------------------------------------------------------------

const batchOp: Edit = (buf, rnd) => {
  const rs = records(buf);
  if (rs.length < 2) return null;
  const i = int(rnd, rs.length);
  const r = rs[i];
  const bytes = buf.subarray(r.start, r.end);
  const op = int(rnd, 4);
  if (op === 0) {
    let j = int(rnd, rs.length);
    if (j === i) j = (j + 1) % rs.length;
    const [a, b] = i < j ? [rs[i], rs[j]] : [rs[j], rs[i]];
    const out = new Uint8Array(buf.length);
    let o = 0;
    for (const part of [buf.subarray(0, a.start), buf.subarray(b.start, b.end), buf.subarray(a.end, b.start), buf.subarray(a.start, a.end), buf.subarray(b.end)]) {
      out.set(part, o);
      o += part.length;
    }
    return { bytes: out, what: `swap records at ${a.start} and ${b.start}` };
  }
  if (op === 1) return { bytes: splice(buf, r.end, r.end, bytes.slice()), what: `duplicate record at ${r.start}` };
  if (op === 2) return { bytes: splice(buf, r.start, r.end), what: `delete record at ${r.start}` };
  // Move: take it out, put it before another record.
  const without = splice(buf, r.start, r.end);
  const rest = records(without);
  const to = rest.length ? pick(rnd, rest).start : without.length;
  return { bytes: splice(without, to, to, bytes.slice()), what: `move record at ${r.start} to ${to}` };
};

const batchHeader: Edit = (buf, rnd) => {
  const bs = batches(buf);
  if (bs.length === 0) return null;
  const r = pick(rnd, bs);
  const payload = buf.slice(r.payload, r.end);
  const field = int(rnd, 4);
  const next = { gen: r.gen, m: r.m, time: r.time, exp: r.exp };
  let what: string;
  if (field === 0) {
    next.gen = pick(rnd, [0, 1, Number(r.gen) + 1, Math.max(0, Number(r.gen) - 1), 2 ** 40]);
    what = `batch at ${r.start}: gen ${r.gen} -> ${next.gen}`;
  } else if (field === 1) {
    next.m = pick(rnd, [0, 1, 0xffff_ffff_ffff_ffffn, Number(BigInt(r.m) & 0xffffn) + 1]);
    what = `batch at ${r.start}: M ${r.m} -> ${next.m}`;
  } else if (field === 2) {
    next.time = pick(rnd, [0, 1, Number(BigInt(r.time) / 2n), BigInt(r.time) * 2n, 2n ** 63n]);
    what = `batch at ${r.start}: time ${r.time} -> ${next.time}`;
  } else {
    // The size field itself: framing then cuts the batch short or runs into the next one.
    const delta = pick(rnd, [-3, -1, 1, 2, 7]);
    const size = Math.max(0, payload.length + delta);
    const w = new ByteWriter(payload.length + 40);
    w.byte(r.exp >= 0 ? Ev.ExperimentalBatch : Ev.EventBatch);
    if (r.exp >= 0) w.byte(r.exp);
    w.uvarint(r.gen);
    w.uvarint(r.m);
    w.uvarint(r.time);
    w.uvarint(size);
    w.bytes(payload);
    return { bytes: splice(buf, r.start, r.end, w.finish()), what: `batch at ${r.start}: size ${payload.length} -> ${size}` };
  }
  return { bytes: splice(buf, r.start, r.end, encodeBatch(next, payload)), what };
};

const endOfGeneration: Edit = (buf, rnd) => {
  const rs = records(buf);
  const eogs = rs.filter((r) => r.endOfGeneration);
  if (eogs.length > 0 && rnd() < 0.6) {
    const e = pick(rnd, eogs);
    return rnd() < 0.5
      ? { bytes: splice(buf, e.start, e.end), what: `delete EndOfGeneration at ${e.start}` }
      : { bytes: splice(buf, e.end, e.end, Uint8Array.of(Ev.EndOfGeneration)), what: `repeat EndOfGeneration at ${e.start}` };
  }
  if (rs.length === 0) return null;
  const at = pick(rnd, rs).start;
  return { bytes: splice(buf, at, at, Uint8Array.of(Ev.EndOfGeneration)), what: `insert EndOfGeneration at ${at}` };
};

// ---- events inside a batch --------------------------------------------------------------------

/** Events of a batch payload as [start, end) offsets (the structural header byte excluded). */
function eventSpans(payload: Uint8Array): [number, number][] {
  const starts = eventStarts(payload);
  const structural = starts[0] === 0 && [Ev.Strings, Ev.Stacks, Ev.CPUSamples, Ev.Sync].includes(payload[0]);
  const spans: [number, number][] = [];
  for (let k = structural ? 1 : 0; k < starts.length; k++) {
    spans.push([starts[k], k + 1 < starts.length ? starts[k + 1] : payload.length]);
  }
  return spans;
}

function withEventBatch(buf: Uint8Array, rnd: Rnd, want?: (payload: Uint8Array) => boolean) {
  const bs = batches(buf).filter((r) => r.end - r.payload > 1 && (!want || want(buf.subarray(r.payload, r.end))));
  if (bs.length === 0) return null;
  const r = pick(rnd, bs);
  const payload = buf.slice(r.payload, r.end);
  const spans = eventSpans(payload);
  if (spans.length === 0) return null;
  return { r, payload, spans };
}

const eventOp: Edit = (buf, rnd) => {
  const x = withEventBatch(buf, rnd);
  if (!x) return null;
  const { r, payload, spans } = x;
  const i = int(rnd, spans.length);
  const [s, e] = spans[i];
  const ev = payload.slice(s, e);
  const op = int(rnd, 4);
  let next: Uint8Array;
  let what: string;
  if (op === 0 && spans.length >= 2) {
    const j = (i + 1 + int(rnd, spans.length - 1)) % spans.length;
    const [a, b] = i < j ? [spans[i], spans[j]] : [spans[j], spans[i]];
    next = new Uint8Array(payload.length);
    let o = 0;
    for (const part of [payload.subarray(0, a[0]), payload.subarray(b[0], b[1]), payload.subarray(a[1], b[0]), payload.subarray(a[0], a[1]), payload.subarray(b[1])]) {
      next.set(part, o);
      o += part.length;
    }
    what = `swap events at +${a[0]} and +${b[0]} of batch at ${r.start}`;
  } else if (op === 1) {
    next = splice(payload, e, e, ev);
    what = `duplicate event at +${s} of batch at ${r.start}`;
  } else if (op === 2) {
    next = splice(payload, s, e);
    what = `delete event at +${s} of batch at ${r.start}`;
  } else {
    // Move the event to another batch (of any M), at one of its event boundaries.
    const out = replacePayload(buf, r, splice(payload, s, e));
    const y = withEventBatch(out, rnd);
    if (!y) return null;
    const [to] = pick(rnd, y.spans);
    return { bytes: replacePayload(out, y.r, splice(y.payload, to, to, ev)), what: `move event at +${s} of batch at ${r.start} to +${to} of batch at ${y.r.start}` };
  }
  return { bytes: replacePayload(buf, r, next), what };
};

/** Replaces one varint argument of one event with another value (re-encoded; the batch size follows). */
const varintArg: Edit = (buf, rnd) => {
  const x = withEventBatch(buf, rnd);
  if (!x) return null;
  const { r, payload, spans } = x;
  const [s, e] = pick(rnd, spans);
  // The varints after the type byte.
  const args: [number, number, number | bigint][] = [];
  for (let p = s + 1; p < e; ) {
    const v = uvarintAt(payload, p, e);
    if (v === -1) break;
    args.push([p, uvarintScan.end, v]);
    p = uvarintScan.end;
  }
  if (args.length === 0) return null;
  const [a, b, old] = pick(rnd, args);
  const big = BigInt(old);
  const value = pick(rnd, [0n, 1n, big + 1n, big > 0n ? big - 1n : 2n, big * 2n + 3n, 2n ** 63n, 2n ** 64n - 1n, BigInt(int(rnd, 1 << 20))]) & (2n ** 64n - 1n);
  const w = new ByteWriter(10);
  w.uvarint(value);
  return { bytes: replacePayload(buf, r, splice(payload, a, b, w.finish())), what: `varint at +${a} of batch at ${r.start}: ${old} -> ${value}` };
};

/** Damages a string of a strings batch: its length, its ID, or a byte of its text. */
const stringDamage: Edit = (buf, rnd) => {
  const x = withEventBatch(buf, rnd, (p) => p[0] === Ev.Strings);
  if (!x) return null;
  const { r, payload, spans } = x;
  const [s, e] = pick(rnd, spans);
  const id = uvarintAt(payload, s + 1, e);
  if (id === -1) return null;
  const lenAt = uvarintScan.end;
  const len = uvarintAt(payload, lenAt, e);
  if (len === -1) return null;
  const textAt = uvarintScan.end;
  const op = int(rnd, 4);
  const w = new ByteWriter(10);
  if (op === 0) {
    const n = pick(rnd, [0, Number(len) + 1, Math.max(0, Number(len) - 1), 1025, 70000]);
    w.uvarint(n);
    return { bytes: replacePayload(buf, r, splice(payload, lenAt, textAt, w.finish())), what: `string at +${s} of batch at ${r.start}: length ${len} -> ${n}` };
  }
  if (op === 1) {
    const n = pick(rnd, [0, 1, Number(id) + 1, 1 << 30]);
    w.uvarint(n);
    return { bytes: replacePayload(buf, r, splice(payload, s + 1, lenAt, w.finish())), what: `string at +${s} of batch at ${r.start}: id ${id} -> ${n}` };
  }
  if (e > textAt) {
    const p = textAt + int(rnd, e - textAt);
    const next = payload.slice();
    next[p] = pick(rnd, [0x00, 0x0a, 0x22, 0x80, 0xc3, 0xff]);
    return { bytes: replacePayload(buf, r, next), what: `string at +${s} of batch at ${r.start}: byte +${p - textAt} -> ${next[p]}` };
  }
  return null;
};

const EDITS: [Edit, string, number][] = [
  [bitFlip, 'bit flip', 3],
  [deleteRange, 'delete bytes', 1],
  [insertRandom, 'insert bytes', 1],
  [repeatRange, 'repeat bytes', 2],
  [truncate, 'truncate', 1],
  [otherHeader, 'header', 1],
  [batchOp, 'batch op', 2],
  [batchHeader, 'batch header', 2],
  [endOfGeneration, 'end of generation', 1],
  [eventOp, 'event op', 3],
  [varintArg, 'varint argument', 4],
  [stringDamage, 'string damage', 2],
];
const TOTAL_WEIGHT = EDITS.reduce((n, [, , w]) => n + w, 0);

function chooseEdit(rnd: Rnd): Edit {
  let x = rnd() * TOTAL_WEIGHT;
  for (const [e, , w] of EDITS) {
    x -= w;
    if (x < 0) return e;
  }
  return EDITS[0][0];
}

/** One to three edits of `source`, chosen by `seed`. */
export function mutate(source: Uint8Array, seed: number): Mutant {
  const rnd = seededRandom(seed);
  const n = 1 + int(rnd, 3);
  let bytes = source;
  const edits: string[] = [];
  for (let tries = 0; edits.length < n && tries < 20; tries++) {
    const r = chooseEdit(rnd)(bytes, rnd);
    if (r === null) continue;
    bytes = r.bytes;
    edits.push(r.what);
  }
  return { bytes: bytes === source ? source.slice() : bytes, edits };
}

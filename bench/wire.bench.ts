// Wire decoding throughput: batch framing, raw events (Go's raw.Reader semantics) and the
// -d=wire dump, next to a bare uvarint scan of the same bytes (the ceiling: every byte
// goes through the varint loop and nothing else happens). Inputs: the largest real trace
// in testdata/traces (else Go's go122-gc-stress golden, converted), and a ~100 MB trace
// built in memory by repeating that trace's generations with new generation numbers.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dumpWireTo } from '../src/trace/dump/wire';
import { readBatch } from '../src/trace/wire/batch';
import { textToBinary } from '../src/trace/wire/convert';
import { RawReader } from '../src/trace/wire/raw';
import { Ev } from '../src/trace/wire/specs';
import { ByteWriter } from '../src/trace/wire/varint';
import { scanHeader } from '../src/trace/wire/version';
import { parseGoldenTest } from '../scripts/lib/golden';

const ROOT = resolve(import.meta.dirname, '..');

function pickInput(): { name: string; bytes: Uint8Array } {
  const dir = join(ROOT, 'testdata/traces');
  try {
    const traces = readdirSync(dir)
      .filter((f) => f.endsWith('.trace') && !f.startsWith('damaged'))
      .map((f) => ({ f, size: statSync(join(dir, f)).size }))
      .sort((a, b) => b.size - a.size);
    if (traces.length > 0) return { name: traces[0].f, bytes: new Uint8Array(readFileSync(join(dir, traces[0].f))) };
  } catch {
    // fall through to the golden trace
  }
  const text = readFileSync(join(ROOT, '../shared/conformance/go-golden/tests/go122-gc-stress.test'), 'latin1');
  return { name: 'go122-gc-stress (golden, converted)', bytes: textToBinary(new Uint8Array(Buffer.from(parseGoldenTest(text).trace, 'latin1'))) };
}

/** Repeats the trace's records until about `target` bytes, renumbering generations so they stay in order. */
function inflate(src: Uint8Array, target: number): Uint8Array {
  const { version, size: hdr } = scanHeader(src);
  const records: { kind: number; exp: number; gen: bigint; m: number | bigint; time: number | bigint; data: Uint8Array }[] = [];
  let maxGen = 0n;
  for (let pos = hdr, r = readBatch(src, pos); r; pos = r.next, r = readBatch(src, pos)) {
    const b = r.batch;
    const gen = BigInt(b.gen);
    if (gen > maxGen) maxGen = gen;
    records.push({ kind: b.isEndOfGeneration ? Ev.EndOfGeneration : b.exp ? Ev.ExperimentalBatch : Ev.EventBatch, exp: b.exp, gen, m: b.m, time: b.time, data: b.data });
  }
  const w = new ByteWriter(target + (1 << 20));
  w.bytes(src.subarray(0, hdr));
  void version;
  for (let round = 0n; w.length < target; round++) {
    for (const r of records) {
      w.byte(r.kind);
      if (r.kind === Ev.EndOfGeneration) continue;
      if (r.kind === Ev.ExperimentalBatch) w.byte(r.exp);
      w.uvarint(r.gen + round * maxGen);
      w.uvarint(r.m);
      w.uvarint(r.time);
      w.uvarint(r.data.length);
      w.bytes(r.data);
    }
  }
  return w.finish();
}

/** Best of `runs` timings (ms) of fn, after one warm-up. */
function best(runs: number, fn: () => number): { ms: number; count: number } {
  let count = fn();
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    count = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, count };
}

/** Keeps the decoded values observable so the scan loop cannot be optimised away. */
let sink = 0;

function uvarintScan(buf: Uint8Array, from: number): number {
  let n = 0;
  let sum = 0;
  let pos = from;
  while (pos < buf.length) {
    let mul = 1;
    let v = 0;
    for (let i = 0; i < 10 && pos < buf.length; i++) {
      const b = buf[pos++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
    }
    sum = (sum + v) | 0; // int32 wrap: a float % here would cost more than the decoding
    n++;
  }
  sink ^= sum;
  return n;
}

function batches(buf: Uint8Array, from: number): number {
  let n = 0;
  for (let pos = from, r = readBatch(buf, pos); r; pos = r.next, r = readBatch(buf, pos)) n++;
  return n;
}

function rawEvents(buf: Uint8Array): number {
  const r = RawReader.open(buf);
  let n = 0;
  while (r.next() !== null) n++;
  return n;
}

function wireDump(buf: Uint8Array): number {
  let chars = 0;
  dumpWireTo(buf, (c) => (chars += c.length));
  return chars;
}

const MB = 1e6;

function line(what: string, input: string, bytes: number, r: { ms: number; count: number }, unit: string): void {
  const mbs = bytes / MB / (r.ms / 1000);
  const per = r.count / (r.ms / 1000);
  console.log(`${what.padEnd(24)} ${input.padEnd(34)} ${mbs.toFixed(1).padStart(8)} MB/s  ${(per / 1e6).toFixed(2).padStart(7)} M ${unit}/s  (${r.ms.toFixed(1)} ms)`);
}

const input = pickInput();
const big = inflate(input.bytes, 100 * MB);
const hdr = scanHeader(input.bytes).size;
const smallLabel = `${input.name} (${(input.bytes.length / 1e3).toFixed(0)} kB)`;
const bigLabel = `repeated to ${(big.length / MB).toFixed(0)} MB`;

for (const [label, buf, runsSmall] of [
  [smallLabel, input.bytes, 200],
  [bigLabel, big, 3],
] as const) {
  const reps = buf === input.bytes ? 20 : 1;
  const times = (fn: () => number) => best(runsSmall, () => {
    let c = 0;
    for (let i = 0; i < reps; i++) c = fn();
    return c;
  });
  const scale = (r: { ms: number; count: number }) => ({ ms: r.ms / reps, count: r.count });
  line('uvarint scan (ceiling)', label, buf.length, scale(times(() => uvarintScan(buf, hdr))), 'varints');
  line('batch framing', label, buf.length, scale(times(() => batches(buf, hdr))), 'batches');
  line('raw events', label, buf.length, scale(times(() => rawEvents(buf))), 'events');
  if (buf === input.bytes) line('-d=wire dump', label, buf.length, scale(times(() => wireDump(buf))), 'chars');
}
if (sink === 0.5) console.log(sink);

// Decoders of the structural batches of a generation: strings, stacks, CPU samples, the sync
// batch (frequency and clock snapshot) and experimental batches. Follows Go's
// internal/trace/generation.go (addStrings, addStacks, addCPUSamples, setSyncBatch,
// addExperimentalBatch, validateStackStrings, fixUpCPUSamples). These batches are decoded
// eagerly, so their errors surface before the generation's Sync event, as in Go.

import { Ev, MAX_EVENT_TRAILER_DATA_SIZE, MAX_FRAMES_PER_STACK } from '../wire/specs';
import type { Version } from '../wire/version';
import { type Batch, ByteStream, GoReadError, readUvarintStream, threadOf } from './batch';
import { GoEOF, TraceError } from './errors';
import { goSortFunc } from '../go/sort';
import { decodeGoString } from '../go/string';
import { cmpI64, dec, type I64, nsPerTick, type Time, ticksToNs, type U64, u64Add, u64ToI64 } from './int64';
import type { EvTable, Frame } from './tables';

export interface CPUSample {
  m: I64;
  p: I64;
  g: I64;
  /** Raw ticks until fixUpCPUSamples converts it to ns. */
  time: Time;
  stack: U64;
}

/**
 * Runs a decoder, turning Go's reader errors into TraceErrors with the same text. Without
 * `wrap` the error reaches Go's caller as it is, so a bare io.EOF stays io.EOF (GoEOF); with
 * it (Go's fmt.Errorf("...: %w")) it is an error like any other.
 */
function decoding<T>(f: () => T, wrap?: (msg: string) => string): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof GoReadError)) throw e;
    if (wrap !== undefined) throw new TraceError(wrap(e.message));
    throw e.message === 'EOF' ? new GoEOF() : new TraceError(e.message);
  }
}

function payload(b: Batch): ByteStream {
  const s = new ByteStream(b.data, 0);
  s.pos = 1; // the header byte was checked by the classifier
  return s;
}

function readByteOrEOF(r: ByteStream): number {
  const c = r.readByte();
  if (c < 0) throw new GoReadError('EOF');
  return c;
}

export function addStrings(t: EvTable, b: Batch): void {
  const r = payload(b);
  decoding(() => {
    while (r.remaining !== 0) {
      const ev = readByteOrEOF(r);
      if (ev !== Ev.String) throw new TraceError(`expected string event, got ${ev}`);
      const id = readUvarintStream(r);
      const len = readUvarintStream(r);
      if (len > MAX_EVENT_TRAILER_DATA_SIZE) {
        throw new TraceError(`invalid string size ${dec(len)}, maximum is ${MAX_EVENT_TRAILER_DATA_SIZE}`);
      }
      const n = Math.min(len as number, r.remaining);
      if (n !== len) throw new TraceError(`failed to read full string: read ${n} but wanted ${len}`);
      const s = decodeGoString(r.buf.subarray(r.pos, r.pos + n));
      r.pos += n;
      t.strings.insert(id, s);
    }
  });
}

export function addStacks(t: EvTable, b: Batch): void {
  const r = payload(b);
  decoding(() => {
    while (r.remaining !== 0) {
      const ev = readByteOrEOF(r);
      if (ev !== Ev.Stack) throw new TraceError(`expected stack event, got ${ev}`);
      const id = readUvarintStream(r);
      const nFrames = readUvarintStream(r);
      if (nFrames > MAX_FRAMES_PER_STACK) {
        throw new TraceError(`invalid stack size ${dec(nFrames)}, maximum is ${MAX_FRAMES_PER_STACK}`);
      }
      const pcs: U64[] = [];
      for (let i = 1; i <= (nFrames as number); i++) {
        const field = (what: string) =>
          decoding(
            () => readUvarintStream(r),
            (m) => `reading frame ${i}'s ${what} for stack ${dec(id)}: ${m}`,
          );
        const pc = field('PC');
        const funcID = field('funcID');
        const fileID = field('fileID');
        const line = field('line');
        pcs.push(pc);
        // The first frame seen for a PC wins.
        if (!t.pcs.has(pc)) t.pcs.set(pc, { pc, funcID, fileID, line } satisfies Frame);
      }
      t.stacks.insert(id, pcs);
    }
  });
}

export function addCPUSamples(samples: CPUSample[], b: Batch): void {
  const r = payload(b);
  decoding(() => {
    while (r.remaining !== 0) {
      const ev = readByteOrEOF(r);
      if (ev !== Ev.CPUSample) throw new TraceError(`expected CPU sample event, got ${ev}`);
      const ts = readUvarintStream(r);
      const m = readUvarintStream(r);
      const p = readUvarintStream(r);
      const g = readUvarintStream(r);
      const stack = readUvarintStream(r);
      samples.push({
        m: u64ToI64(m),
        p: u64ToI64(p),
        g: g === 0 ? -1 : u64ToI64(g),
        time: ts as Time, // raw ticks for now, see fixUpCPUSamples
        stack,
      });
    }
  });
}

export function setSyncBatch(t: EvTable, b: Batch, v: Version): void {
  const r = new ByteStream(b.data, 0);
  if (v >= 25) r.pos = 1; // the Sync header byte
  let lastTs: U64 = b.time;
  decoding(() => {
    while (r.remaining !== 0) {
      const ev = readByteOrEOF(r);
      if (ev === Ev.Frequency) {
        if (t.freq !== 0) throw new TraceError('found multiple frequency events');
        t.freq = nsPerTick(readUvarintStream(r));
      } else if (ev === Ev.ClockSnapshot && v >= 25) {
        if (t.hasClockSnapshot) throw new TraceError('found multiple clock snapshot events');
        t.hasClockSnapshot = true;
        lastTs = u64Add(lastTs, readUvarintStream(r));
        t.snapTime = lastTs;
        t.snapMono = readUvarintStream(r);
        t.snapSec = readUvarintStream(r);
        t.snapNsec = readUvarintStream(r);
      } else {
        throw new TraceError(`expected frequency or clock snapshot event, got ${ev}`);
      }
    }
  });
}

export function addExperimentalBatch(t: EvTable, b: Batch): void {
  if (t.expBatches === null) t.expBatches = new Map();
  let list = t.expBatches.get(b.exp);
  if (!list) t.expBatches.set(b.exp, (list = []));
  list.push({ thread: threadOf(b), data: b.data });
}

/** Every frame of every stack must name strings that exist. */
export function validateStackStrings(t: EvTable): void {
  for (const [id, pcs] of t.stacks.entries()) {
    for (const pc of pcs) {
      const f = t.pcs.get(pc);
      if (!f) throw new TraceError(`found unknown pc ${pc.toString(16)} for stack ${dec(id)}`);
      if (!t.strings.has(f.funcID)) {
        throw new TraceError(`found invalid func string ID ${dec(f.funcID)} for stack ${dec(id)}`);
      }
      if (!t.strings.has(f.fileID)) {
        throw new TraceError(`found invalid file string ID ${dec(f.fileID)} for stack ${dec(id)}`);
      }
    }
  }
}

/** Converts sample times to ns now that the frequency is known, then sorts them as Go does. */
export function fixUpCPUSamples(samples: CPUSample[], freq: number): void {
  for (const s of samples) s.time = ticksToNs(freq, s.time as U64);
  goSortFunc(samples, (a, b) => cmpI64(a.time, b.time));
}

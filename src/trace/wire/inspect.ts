// A quick look at a trace from its batch framing alone: version, generations, batch kinds,
// time spans, and where and how it is damaged. For the first screen of the UI and for
// reading back a recorder snapshot. Generations are delimited as Go's reader delimits them
// (internal/trace/generation.go): by EndOfGeneration from Go 1.26 on, by the generation
// number changing before that; the damage messages are Go's. A Go 1.11–1.21 trace has no
// generations: Go's reader takes it whole, as one, and so does this (numbered 1), walking its
// records as Go's first pass does (collectBatchesAndCPUSamples). Never throws.

import { BatchError, batchKind, readBatch, type Batch } from './batch';
import { WireError, type WireFault } from './errors';
import { newRawRecord, RawReader as V1RecordReader, SKIP_ARGS, SKIP_STRINGS, V1RecordError } from './v1-records';
import { argNum, V1 } from './v1-specs';
import { isV2Version, scanHeader, type Version } from './version';
import { NEED_INPUT } from './batch-peek';

export interface GenerationSummary {
  /** The number in the file; 1 for the one generation of a Go 1.11–1.21 trace. */
  gen: number | bigint;
  /** Offset of the generation's first record. */
  offset: number;
  /** Bytes of its records, EndOfGeneration included. */
  bytes: number;
  /** Batches, EndOfGeneration not counted. */
  batches: number;
  eventBatches: number;
  /** Batches of each kind; in a Go 1.11–1.21 trace, records (they sit inside event batches). */
  strings: number;
  stacks: number;
  cpuSamples: number;
  sync: number;
  experimental: number;
  /** Smallest and largest batch base time, in raw ticks; null with no batches. */
  minTime: number | bigint | null;
  maxTime: number | bigint | null;
  endedWithEndOfGeneration: boolean;
}

export interface WireSummary {
  /** Header version (22, 23, 25, 26, or 11/19/21 for v1); null if the header is not a Go trace's. */
  version: number | null;
  totalBytes: number;
  headerBytes: number;
  /** Complete generations, in file order. */
  generations: GenerationSummary[];
  /** The generation being read when the damage was found, if any. */
  partial: GenerationSummary | null;
  /** Batches in complete generations. */
  batches: number;
  /** Header plus complete generations: what a reader can use. */
  readableBytes: number;
  error: { fault: WireFault; message: string; offset: number } | null;
}

function newGen(gen: number | bigint, offset: number): GenerationSummary {
  return {
    gen,
    offset,
    bytes: 0,
    batches: 0,
    eventBatches: 0,
    strings: 0,
    stacks: 0,
    cpuSamples: 0,
    sync: 0,
    experimental: 0,
    minTime: null,
    maxTime: null,
    endedWithEndOfGeneration: false,
  };
}

const big = (v: number | bigint) => BigInt(v);

function addBatch(g: GenerationSummary, b: Batch, version: Version): void {
  g.batches++;
  switch (batchKind(b, version)) {
    case 'strings': g.strings++; break;
    case 'stacks': g.stacks++; break;
    case 'cpu-samples': g.cpuSamples++; break;
    case 'sync': g.sync++; break;
    case 'experimental': g.experimental++; break;
    default: g.eventBatches++;
  }
  if (g.minTime === null || big(b.time) < big(g.minTime)) g.minTime = b.time;
  if (g.maxTime === null || big(b.time) > big(g.maxTime)) g.maxTime = b.time;
}

export function newWireSummary(totalBytes: number): WireSummary {
  return {
    version: null,
    totalBytes,
    headerBytes: 0,
    generations: [],
    partial: null,
    batches: 0,
    readableBytes: 0,
    error: null,
  };
}

export function inspectTrace(bytes: Uint8Array): WireSummary {
  const s = newWireSummary(bytes.length);
  const source: RecordSource = {
    header: () => bytes,
    read: (pos, version) => readBatch(bytes, pos, version),
    whole: () => bytes,
    consumed: () => {},
  };
  try {
    // Over a whole buffer no step waits for input: one next() runs it to the end.
    inspectSteps(source, s).next();
  } catch (e) {
    // Unreachable by design; kept so that no input can make this throw.
    s.error = { fault: 'damaged', message: e instanceof Error ? e.message : String(e), offset: 0 };
  }
  return s;
}

/**
 * Where inspectSteps reads records: a whole buffer (inspectTrace) or input arriving in pieces
 * (inspect-stream.ts), which answers NEED_INPUT (the steps then yield until more arrives).
 */
export interface RecordSource {
  /** The bytes the header is read from. */
  header(): Uint8Array;
  /** The record at absolute offset pos: wire/batch.ts readBatch's answer, or NEED_INPUT. */
  read(pos: number, version: Version): { batch: Batch; next: number } | null | typeof NEED_INPUT;
  /** The whole input (a Go 1.11–1.21 trace is walked whole), or NEED_INPUT until it has arrived. */
  whole(): Uint8Array | typeof NEED_INPUT;
  /** Every byte before pos has been looked at and may be dropped. */
  consumed(pos: number): void;
}

/** Fills s from the source, yielding whenever the source needs more input. */
export function* inspectSteps(src: RecordSource, s: WireSummary): Generator<void, void, void> {
  let version: Version;
  try {
    const h = scanHeader(src.header());
    s.version = h.version;
    s.headerBytes = h.size;
    s.readableBytes = h.size;
    if (!isV2Version(h.version)) {
      let all: Uint8Array | typeof NEED_INPUT;
      while ((all = src.whole()) === NEED_INPUT) yield;
      return inspectV1(all, s, h.version);
    }
    version = h.version;
  } catch (e) {
    const we = e as WireError;
    s.version = null;
    s.error = { fault: we.fault, message: we.message, offset: 0 };
    if (we.fault === 'unsupported-version') s.version = (e as { goVersion?: number }).goVersion ?? null;
    return;
  }
  const eog = version >= 26;
  let cur: GenerationSummary | null = null;
  let pos = s.headerBytes;
  const finish = (endedWithEOG: boolean) => {
    cur!.endedWithEndOfGeneration = endedWithEOG;
    s.generations.push(cur!);
    s.batches += cur!.batches;
    s.readableBytes += cur!.bytes;
    cur = null;
  };
  const damage = (message: string, offset: number, keepCurrent: boolean) => {
    if (cur) {
      if (keepCurrent) finish(false);
      else s.partial = cur;
    }
    s.error = { fault: 'damaged', message, offset };
  };
  for (;;) {
    let res: ReturnType<typeof readBatch>;
    try {
      let r: ReturnType<RecordSource['read']>;
      while ((r = src.read(pos, version)) === NEED_INPUT) yield;
      res = r;
    } catch (e) {
      if (!(e instanceof BatchError)) throw e;
      // Before 1.26 Go keeps the generation read so far and reports the error after it.
      return damage(e.message, pos, !eog);
    }
    if (res === null) {
      if (cur === null) return;
      if (eog) {
        const c: GenerationSummary = cur;
        if (c.batches > 0) return damage('incomplete generation found; trace likely truncated', c.offset, false);
        s.partial = null;
        return;
      }
      finish(false);
      return;
    }
    const b = res.batch;
    const size = res.next - pos;
    if (eog) {
      if (cur === null) cur = newGen(b.gen, pos);
      const c: GenerationSummary = cur;
      if (b.isEndOfGeneration || batchKind(b, version) === 'end-of-generation') {
        c.bytes += size;
        pos = res.next;
        src.consumed(pos);
        finish(true);
        continue;
      }
      if (big(b.gen) === 0n) return damage('invalid generation number 0', pos, false);
      if (big(b.gen) !== big(c.gen)) {
        return damage('broken trace: missing end-of-generation event, or generations are interleaved', pos, false);
      }
      addBatch(c, b, version);
      c.bytes += size;
    } else {
      if (big(b.gen) === 0n) return damage('invalid generation number 0', pos, false);
      if (cur !== null && big(b.gen) === big((cur as GenerationSummary).gen) + 1n) finish(false);
      if (cur === null) cur = newGen(b.gen, pos);
      const c: GenerationSummary = cur;
      if (big(b.gen) !== big(c.gen)) return damage('generations out of order', pos, false);
      if (batchKind(b, version) === 'end-of-generation') {
        return damage('internal error: unexpectedly processing EndOfGeneration; broken trace?', pos, false);
      }
      addBatch(c, b, version);
      c.bytes += size;
    }
    pos = res.next;
    src.consumed(pos);
  }
}

/**
 * A Go 1.11–1.21 trace: one generation from the header to the end, its batches (per P, in
 * file order) and records counted as Go's first pass walks them, failing where it fails.
 * Go keeps nothing of a damaged old trace, so then the generation is only partial.
 */
function inspectV1(bytes: Uint8Array, s: WireSummary, version: number): void {
  const start = s.headerBytes;
  const g = newGen(1, start);
  const r = new V1RecordReader(bytes.subarray(start), version);
  const rec = newRawRecord();
  let inBatch = false;
  try {
    while (r.read(SKIP_ARGS | SKIP_STRINGS, rec, null)) {
      if (rec.type === V1.None) {
        g.strings++;
        continue;
      }
      if (rec.type === V1.Batch) {
        inBatch = true;
        g.batches++;
        g.eventBatches++;
        const t = rec.args[1];
        if (g.minTime === null || big(t) < big(g.minTime)) g.minTime = t;
        if (g.maxTime === null || big(t) > big(g.maxTime)) g.maxTime = t;
        continue;
      }
      if (!inBatch) {
        throw new V1RecordError(`read event ${rec.type} with current P of 0, but P has no batches yet`, r.start);
      }
      if (rec.type === V1.Stack) g.stacks++;
      else if (rec.type === V1.CPUSample) {
        // Go decodes CPU samples in this pass (their arguments are read even when skipping).
        const want = argNum(V1.CPUSample, 0);
        if (rec.argc !== want) {
          throw new V1RecordError(`CPU sample has wrong number of arguments: want ${want}, got ${rec.argc}`, r.start);
        }
        g.cpuSamples++;
      }
    }
  } catch (e) {
    if (!(e instanceof V1RecordError)) throw e;
    g.bytes = e.offset;
    s.partial = g;
    s.error = { fault: 'damaged', message: e.message, offset: start + e.offset };
    return;
  }
  if (g.batches === 0) return;
  g.bytes = bytes.length - start;
  s.generations.push(g);
  s.batches = g.batches;
  s.readableBytes = bytes.length;
}

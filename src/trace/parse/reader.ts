// The trace reader: bytes in, ordered events out, one generation in memory at a time.
// Follows Go's internal/trace/reader.go (ReadEvent, nextGenWithSpill, installGen).
//
// Algorithm: read all batches of the next generation (structural ones decoded eagerly), make
// one cursor per M over its event batches, keep the cursors in a min-heap by next event time,
// and repeatedly try to advance the head through the ordering state machine. If the head
// cannot advance, sort the frontier and try the others in time order from index 1. A Sync
// event starts every generation and ends the trace. Output times are forced to increase
// strictly.

import { Ev, SPECS } from '../wire/specs';
import { type GoTraceVersion, isV2Version, scanHeader, type Version } from '../wire/version';
import { V1Reader } from '../v1/reader';
import { type Batch, ByteStream } from './batch';
import {
  BatchCursor,
  compareCursors,
  heapInsert,
  heapRemove,
  heapUpdate,
  siftDown,
} from './batch-cursor';
import { EV_SYNC, TraceEvent } from './event';
import { GoEOF, TraceError } from './errors';
import { type Generation, readGeneration, readGenerationWithSpill } from './generation';
import { goSortFunc } from '../go/sort';
import { dec, i64Add, type Time, ticksToNs, type U64 } from './int64';
import { Ordering } from './order';
import type { CPUSample } from './structural';
import type { EvTable } from './tables';

/**
 * Per event type, the argument slots (after dt) holding stack IDs and string IDs, -1 for none.
 * No event has more than two of either.
 */
const STACK_SLOT_1 = new Int8Array(256).fill(-1);
const STACK_SLOT_2 = new Int8Array(256).fill(-1);
const STRING_SLOT_1 = new Int8Array(256).fill(-1);
const STRING_SLOT_2 = new Int8Array(256).fill(-1);
SPECS.forEach((s, t) => {
  if (s.stackIDs.length > 0) STACK_SLOT_1[t] = s.stackIDs[0] - 1;
  if (s.stackIDs.length > 1) STACK_SLOT_2[t] = s.stackIDs[1] - 1;
  if (s.stringIDs.length > 0) STRING_SLOT_1[t] = s.stringIDs[0] - 1;
  if (s.stringIDs.length > 1) STRING_SLOT_2[t] = s.stringIDs[1] - 1;
});

/** Per event type, 1 if it names any stack or string ID (Sync and GoStart, say, do not). */
const HAS_TABLE_IDS = new Uint8Array(256);
for (let t = 0; t < 256; t++) HAS_TABLE_IDS[t] = STACK_SLOT_1[t] >= 0 || STRING_SLOT_1[t] >= 0 ? 1 : 0;

function syncEvent(table: EvTable | null, time: Time, n: number): TraceEvent {
  return new TraceEvent(table, -1, -1, -1, EV_SYNC, time, n);
}

export class TraceReader {
  readonly version: GoTraceVersion;
  /** A Go 1.11–1.21 trace is read by src/trace/v1 (Go's tracev1), with the same events. */
  private readonly v1: V1Reader | null = null;
  private readonly stream: ByteStream;
  private lastTs: Time = 0;
  private gen: Generation | null = null;
  private frontier: BatchCursor[] = [];
  private cpuSamples: CPUSample[] = [];
  private cpuNext = 0;
  private readonly order: Ordering;
  private syncs = 0;
  private readGenErr: TraceError | null = null;
  private done = false;
  private failed: Error | null = null;
  // Before Go 1.26 there is no end-of-generation marker: the first batch of the next
  // generation is read while reading this one and kept for the next read.
  private spill: Batch | null = null;
  private spillErr: TraceError | null = null;
  private spillErrSync = false;
  private goodOffset: number;

  /** Throws HeaderError (from the wire layer) for a file that is not a trace we read. */
  constructor(input: Uint8Array) {
    // A plain Uint8Array view (not a Node Buffer subclass) keeps the decoders monomorphic.
    const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    const { version, size } = scanHeader(bytes);
    this.version = version;
    if (!isV2Version(version)) this.v1 = new V1Reader(bytes, size, version);
    this.stream = new ByteStream(bytes, size);
    this.order = new Ordering(version as Version);
    this.goodOffset = size;
  }

  /** Bytes of the input consumed so far. */
  get offset(): number {
    return this.v1 !== null ? this.v1.offset : this.stream.pos;
  }

  /** End offset of the last generation read without error: what a damaged trace still shows. */
  get validOffset(): number {
    return this.v1 !== null ? this.v1.validOffset : this.goodOffset;
  }

  /**
   * The number of the generation being read (its wire number), or null between generations.
   * A Go 1.11–1.21 trace is read as one generation, numbered 1.
   */
  get generation(): number | bigint | null {
    if (this.v1 !== null) return this.v1.generation;
    return this.gen ? this.gen.gen : null;
  }

  /**
   * The next event, or null at the end of the trace. Throws TraceError (with Go's message) for
   * a damaged or truncated trace; every complete generation before the damage is returned
   * first. After an error, every later call throws the same error.
   */
  readEvent(): TraceEvent | null {
    if (this.v1 !== null) return this.v1.next(null);
    this.order.setReuse(false);
    return this.step();
  }

  /**
   * Calls f with every remaining event in order: the same events readEvent returns, with the
   * same errors, but without making an object per event. The event passed to f is reused for
   * the next one: read what you need during the call, or keep ev.clone().
   *
   * With `max`, stops after that many events so a caller can give way between chunks and call
   * again. Returns true once the trace has ended (no event remains), false when it stopped at
   * max. An exception thrown by f stops the loop and propagates; the reader can go on after it.
   */
  forEachEvent(f: (ev: TraceEvent) => void, max = Infinity): boolean {
    if (this.v1 !== null) return this.v1.forEach(f, max);
    this.order.setReuse(true);
    try {
      for (let n = 0; n < max; n++) {
        const ev = this.step();
        if (ev === null) return true;
        f(ev);
      }
      return false;
    } finally {
      this.order.setReuse(false);
    }
  }

  /** The next event (a reused slot while the ordering reuses them, valid until the next step). */
  private step(): TraceEvent | null {
    if (this.failed !== null) throw this.failed;
    if (this.done) return null;
    try {
      const ev = this.next();
      if (HAS_TABLE_IDS[ev.type] !== 0) validateTableIDs(ev);
      if (ev.time <= this.lastTs) ev.time = i64Add(this.lastTs, 1);
      this.lastTs = ev.time;
      return ev;
    } catch (e) {
      // Go's callers take a bare io.EOF from ReadEvent as the end of the trace (see GoEOF).
      if (e instanceof GoEOF) {
        this.done = true;
        return null;
      }
      this.failed = e as Error;
      throw e;
    }
  }

  private next(): TraceEvent {
    const queued = this.order.next();
    if (queued !== undefined) return queued;

    const frontier = this.frontier;
    if (frontier.length === 0 && this.cpuNext === this.cpuSamples.length) {
      if (this.version < 26) return this.nextGenWithSpill();
      if (this.readGenErr !== null) throw this.readGenErr;
      this.goodOffset = this.stream.pos;
      let gen: Generation | null;
      try {
        gen = readGeneration(this.stream, this.version as Version);
      } catch (e) {
        if (!(e instanceof TraceError)) throw e;
        // Emit the Sync that closes the last good generation, then the error.
        this.readGenErr = e;
        this.gen = null;
        return syncEvent(null, this.lastTs, ++this.syncs);
      }
      return this.installGen(gen);
    }

    const gen = this.gen!;
    // A CPU sample goes first if it is strictly earlier than the next event (events win ties).
    if (this.cpuNext < this.cpuSamples.length) {
      const s = this.cpuSamples[this.cpuNext];
      if (frontier.length === 0 || s.time < frontier[0].ev.time) {
        this.cpuSamples[this.cpuNext++] = undefined as unknown as CPUSample;
        return new TraceEvent(gen.table, s.g, s.p, s.m, Ev.CPUSample, s.time, s.stack);
      }
    }
    if (frontier.length === 0) {
      throw new TraceError(`broken trace: frontier is empty:\n[gen=${dec(gen.gen)}]\n\n\n${this.order.dump()}\n`);
    }
    // The head of the heap nearly always advances: its cursor then only needs sifting down.
    const head = frontier[0];
    if (this.order.advance(head.ev, gen.table, head.m, gen.gen)) {
      if (head.next(gen.table.freq)) siftDown(frontier, 0);
      else heapRemove(frontier, 0);
    } else {
      // Rare: sort the frontier (a sorted heap is still a heap) and try the rest in order.
      goSortFunc(frontier, compareCursors);
      let success = false;
      for (let i = 1; i < frontier.length; i++) {
        if (this.tryAdvance(i)) {
          success = true;
          break;
        }
      }
      if (!success) {
        throw new TraceError(
          `broken trace: failed to advance: frontier:\n[gen=${dec(gen.gen)}]\n\n${dumpFrontier(frontier)}\n${this.order.dump()}\n`,
        );
      }
    }
    const ev = this.order.next();
    if (ev === undefined) throw new Error('invariant violation: advance successful, but queue is empty');
    return ev;
  }

  private tryAdvance(i: number): boolean {
    const gen = this.gen!;
    const bc = this.frontier[i];
    if (!this.order.advance(bc.ev, gen.table, bc.m, gen.gen)) return false;
    if (bc.next(gen.table.freq)) heapUpdate(this.frontier, i);
    else heapRemove(this.frontier, i);
    return true;
  }

  private nextGenWithSpill(): TraceEvent {
    if (this.spillErr !== null) {
      if (this.spillErrSync) throw this.spillErr;
      this.spillErrSync = true;
      return syncEvent(null, this.lastTs, ++this.syncs);
    }
    if (this.gen !== null && this.spill === null) {
      // No batch of a further generation was seen: the trace is over.
      this.done = true;
      return syncEvent(null, this.lastTs, ++this.syncs);
    }
    this.goodOffset = this.stream.pos;
    let gen: Generation | null;
    try {
      const r = readGenerationWithSpill(this.stream, this.spill, this.version as Version);
      gen = r.gen;
      this.spill = r.spill;
      this.spillErr = r.error;
    } catch (e) {
      if (!(e instanceof TraceError)) throw e;
      this.spill = null;
      this.spillErr = e;
      gen = null;
    }
    if (gen === null) {
      this.gen = null;
      this.spillErrSync = true;
      return syncEvent(null, this.lastTs, ++this.syncs);
    }
    return this.installGen(gen);
  }

  private installGen(gen: Generation | null): TraceEvent {
    if (gen === null) {
      this.gen = null;
      this.done = true;
      return syncEvent(null, this.lastTs, ++this.syncs);
    }
    this.gen = gen;
    this.cpuSamples = gen.cpuSamples;
    this.cpuNext = 0;
    for (const m of gen.batchMs) {
      const bc = new BatchCursor(m, gen.batches.get(m)!);
      if (!bc.next(gen.table.freq)) continue; // only empty batches
      heapInsert(this.frontier, bc);
    }
    return syncEvent(gen.table, ticksToNs(gen.table.freq, gen.minTs), ++this.syncs);
  }
}

/** Checks that every stack and string ID an event names exists in its table (Go's validateTableIDs). */
function validateTableIDs(e: TraceEvent): void {
  const typ = e.type;
  const t = e.table!;
  let i = STACK_SLOT_1[typ];
  if (i >= 0) {
    checkStack(t, e, e.arg(i));
    i = STACK_SLOT_2[typ];
    if (i >= 0) checkStack(t, e, e.arg(i));
  }
  i = STRING_SLOT_1[typ];
  if (i >= 0) {
    checkString(t, e, e.arg(i));
    i = STRING_SLOT_2[typ];
    if (i >= 0) checkString(t, e, e.arg(i));
  }
}

function checkStack(t: EvTable, e: TraceEvent, id: U64): void {
  if (id !== 0 && !t.stacks.has(id)) {
    throw new TraceError(`found invalid stack ID ${dec(id)} for event ${SPECS[e.type].name}`);
  }
}

function checkString(t: EvTable, e: TraceEvent, id: U64): void {
  if (id !== 0 && !t.strings.has(id)) {
    throw new TraceError(`found invalid string ID ${dec(id)} for event ${SPECS[e.type].name}`);
  }
}

function dumpFrontier(frontier: BatchCursor[]): string {
  let s = '';
  for (const bc of frontier) {
    const spec = SPECS[bc.ev.type];
    s += `M ${dec(bc.m)} [${spec.name} time=${dec(bc.ev.time)}`;
    spec.args.slice(1).forEach((a, i) => (s += ` ${a}=${dec(bc.ev[(['a0', 'a1', 'a2', 'a3'] as const)[i]])}`));
    s += ']\n';
  }
  return s;
}

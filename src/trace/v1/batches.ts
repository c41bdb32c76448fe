// Batches of the Go 1.11–1.21 format: a first pass that finds every batch (per P, in file
// order) and decodes the CPU samples, and the loader that decodes one batch into events when
// the merge asks for it. Follows collectBatchesAndCPUSamples, loadBatch and parseEvent in Go's
// internal/trace/internal/tracev1/parser.go, including their state carried across batches
// (the last G per P, the running timestamp) and their error messages.

import { decodeGoString } from '../go/string';
import { TraceError } from '../parse/errors';
import { type I64, i64Add, u64ToI64, type U64 } from '../parse/int64';
import type { Frame } from '../parse/tables';
import { newRawRecord, type RawRecord, RawReader, SKIP_ARGS, SKIP_STRINGS, V1RecordError } from '../wire/v1-records';
import { argNum, V1, V1_SPECS } from '../wire/v1-specs';

/** One event of the old format, as Go's tracev1.Event. */
export interface V1Event {
  /** Raw ticks while merging; nanoseconds from the first event after parsing. */
  ts: I64;
  g: U64;
  a0: U64;
  a1: U64;
  a2: U64;
  a3: U64;
  /** Stack ID (a uint32 in the old format). */
  stk: number;
  /** The P (an int32: -1 for "no P", or one of the fake Ps of specs.ts). */
  p: number;
  type: number;
}

export function newEvent(type: number, p: number, g: U64): V1Event {
  return { ts: 0, g, a0: 0, a1: 0, a2: 0, a3: 0, stk: 0, p, type };
}

/** Go's uint32(x) of a uint64. */
export function u32(v: U64): number {
  return typeof v === 'number' ? v >>> 0 : Number(BigInt.asUintN(32, v));
}

/** Go's int32(x) of a uint64. */
export function i32(v: U64): number {
  return typeof v === 'number' ? v | 0 : Number(BigInt.asIntN(32, v));
}

function setArg(ev: V1Event, i: number, v: U64): void {
  if (i === 0) ev.a0 = v;
  else if (i === 1) ev.a1 = v;
  else if (i === 2) ev.a2 = v;
  else ev.a3 = v;
}

/** The batches of one P, in file order. */
export interface ProcBatches {
  readonly offsets: number[];
  /** Records in each batch (its header included), as Go's batchOffset.numEvents. */
  readonly counts: number[];
  /** The next batch to load. */
  next: number;
}

/** Go's ErrTimeOrder. */
export const TIME_ORDER = 'time stamps out of order';

export class BatchParser {
  readonly raw: RawReader;
  /** Batches per P, in the order each P first appears in the file. */
  readonly batches = new Map<number, ProcBatches>();
  readonly cpuSamples: V1Event[] = [];
  /** Records counted by the first pass (batch headers included): a bound on the events. */
  records = 0;

  readonly strings = new Map<U64, string>();
  readonly inlineStrings: string[] = [];
  private readonly inlineIDs = new Map<string, number>();
  readonly stacks = new Map<number, U64[]>();
  readonly pcs = new Map<U64, Frame>();
  readonly timerGoids = new Set<U64>();
  ticksPerSec: I64 = 0;

  // parseEvent's state, carried from batch to batch.
  private lastTs: I64 = 0;
  private lastG: U64 = 0;
  private readonly lastGs = new Map<number, U64>();
  private lastP = 0;

  private readonly rec: RawRecord = newRawRecord();
  private readonly stringSink = {
    has: (id: U64) => this.strings.has(id),
    add: (id: U64, b: Uint8Array) => void this.strings.set(id, decodeGoString(b)),
  };

  constructor(body: Uint8Array, version: number) {
    this.raw = new RawReader(body, version);
  }

  /** Go's collectBatchesAndCPUSamples: where every batch starts; the CPU samples decoded. */
  collect(): void {
    try {
      this.collectRecords();
    } catch (e) {
      throw asTraceError(e);
    }
  }

  private collectRecords(): void {
    const rec = this.rec;
    let curP = 0;
    while (this.raw.read(SKIP_ARGS | SKIP_STRINGS, rec, null)) {
      if (rec.type === V1.None) continue;
      if (rec.type === V1.Batch) {
        let b = this.batches.get(rec.batchPid);
        if (b === undefined) {
          b = { offsets: [], counts: [], next: 0 };
          this.batches.set(rec.batchPid, b);
        }
        b.offsets.push(rec.batchOffset);
        b.counts.push(0);
        curP = rec.batchPid;
      }
      const b = this.batches.get(curP);
      if (b === undefined) {
        throw new TraceError(`read event ${rec.type} with current P of ${curP}, but P has no batches yet`);
      }
      b.counts[b.counts.length - 1]++;
      this.records++;
      if (rec.type === V1.CPUSample) this.cpuSamples.push(cpuSample(rec));
    }
  }

  /**
   * Go's loadBatch: the events of the next batch of P pid, or null when P has no batch left.
   */
  loadBatch(pid: number): V1Event[] | null {
    try {
      return this.loadRecords(pid);
    } catch (e) {
      throw asTraceError(e);
    }
  }

  private loadRecords(pid: number): V1Event[] | null {
    const b = this.batches.get(pid);
    if (b === undefined || b.next === b.offsets.length) return null;
    const out: V1Event[] = [];
    this.raw.off = b.offsets[b.next++];
    const rec = this.rec;
    let gotHeader = false;
    while (this.raw.read(0, rec, this.stringSink)) {
      if (rec.type === V1.None || rec.type === V1.CPUSample) continue;
      if (rec.type === V1.Batch) {
        if (gotHeader) break;
        gotHeader = true;
      }
      const ev = this.parseEvent(rec);
      if (ev !== null) out.push(ev);
    }
    return out;
  }

  /** Go's parseEvent: a record in the context of its batch; null for the non-event records. */
  private parseEvent(rec: RawRecord): V1Event | null {
    const args = rec.args;
    const desc = V1_SPECS[rec.type];
    const narg = argNum(rec.type, rec.argc);
    if (rec.argc !== narg) {
      throw new TraceError(`${desc.name} has wrong number of arguments: want ${narg}, got ${rec.argc}`);
    }
    switch (rec.type) {
      case V1.Batch:
        this.lastGs.set(this.lastP, this.lastG);
        // (The pid was checked when the record was read.)
        this.lastP = rec.batchPid;
        this.lastG = this.lastGs.get(this.lastP) ?? 0;
        this.lastTs = u64ToI64(args[1]);
        return null;
      case V1.Frequency:
        this.ticksPerSec = u64ToI64(args[0]);
        // Most likely tick skew between CPUs (Go's comment): reported as time order.
        if (this.ticksPerSec <= 0) throw new TraceError(TIME_ORDER);
        return null;
      case V1.TimerGoroutine:
        this.timerGoids.add(args[0]);
        return null;
      case V1.Stack:
        this.addStack(args, rec.argc);
        return null;
      case V1.CPUSample:
        return null;
    }
    const ev = newEvent(rec.type, this.lastP, this.lastG);
    ev.ts = i64Add(this.lastTs, u64ToI64(args[0]));
    this.lastTs = ev.ts;
    for (let i = 1; i < narg; i++) {
      if (i === narg - 1 && desc.stack) ev.stk = u32(args[i]);
      else setArg(ev, i - 1, args[i]);
    }
    switch (rec.type) {
      case V1.GoStart:
      case V1.GoStartLocal:
      case V1.GoStartLabel:
        this.lastG = ev.a0;
        ev.g = ev.a0;
        break;
      case V1.GoEnd:
      case V1.GoStop:
      case V1.GoSched:
      case V1.GoPreempt:
      case V1.GoSleep:
      case V1.GoBlock:
      case V1.GoBlockSend:
      case V1.GoBlockRecv:
      case V1.GoBlockSelect:
      case V1.GoBlockSync:
      case V1.GoBlockCond:
      case V1.GoBlockNet:
      case V1.GoSysBlock:
      case V1.GoBlockGC:
        this.lastG = 0;
        break;
      case V1.GoSysExit:
      case V1.GoWaiting:
      case V1.GoInSyscall:
        ev.g = ev.a0;
        break;
      case V1.UserLog: {
        // The message is stored inline; equal messages share one index (Go's inlineStrings).
        const msg = decodeGoString(rec.message!);
        let id = this.inlineIDs.get(msg);
        if (id === undefined) {
          id = this.inlineStrings.length;
          this.inlineIDs.set(msg, id);
          this.inlineStrings.push(msg);
        }
        ev.a3 = id;
        break;
      }
    }
    return ev;
  }

  private addStack(args: U64[], argc: number): void {
    if (argc < 2) throw new TraceError(`EvStack has wrong number of arguments: want at least 2, got ${argc}`);
    const size = args[1];
    if (typeof size !== 'number' || size > 1000) throw new TraceError(`EvStack has bad number of frames: ${size}`);
    const want = 2 + 4 * size;
    if (argc !== want) throw new TraceError(`EvStack has wrong number of arguments: want ${want}, got ${argc}`);
    const id = u32(args[0]);
    if (id === 0 || size === 0) return;
    const stk: U64[] = new Array(size);
    for (let i = 0; i < size; i++) {
      const pc = args[2 + i * 4];
      stk[i] = pc;
      if (!this.pcs.has(pc)) {
        this.pcs.set(pc, { pc, funcID: args[3 + i * 4], fileID: args[4 + i * 4], line: args[5 + i * 4] });
      }
    }
    this.stacks.set(id, stk);
  }
}

/** The parser's errors are TraceErrors; the record reader's carry the same (Go's) message. */
function asTraceError(e: unknown): unknown {
  return e instanceof V1RecordError ? new TraceError(e.message) : e;
}

/** A CPU sample record as Go's first pass decodes it: its own timestamp, P, G and stack. */
function cpuSample(rec: RawRecord): V1Event {
  const args = rec.args;
  const narg = argNum(V1.CPUSample, rec.argc);
  if (rec.argc !== narg) {
    throw new TraceError(`CPU sample has wrong number of arguments: want ${narg}, got ${rec.argc}`);
  }
  // args: dt, timestamp, P, G, stack. Go keeps the P and G in Args[1], Args[2] and zeroes Args[0].
  const ev = newEvent(V1.CPUSample, i32(args[2]), args[3]);
  ev.ts = u64ToI64(args[1]);
  ev.a1 = args[2];
  ev.a2 = args[3];
  ev.stk = u32(args[4]);
  return ev;
}

// The merged events of an old-format trace, all in memory as Go keeps them (the old format has
// no generations, so Go's reader loads the whole trace before the first event). One typed
// column per field rather than an object per event: 57 bytes an event, close to Go's 64, and
// nothing for the garbage collector to trace. 64-bit fields are exact (high and low halves).

import type { I64, U64 } from '../parse/int64';
import { newEvent, type V1Event } from './batches';

const TWO32 = 4294967296;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Bytes of memory per event slot. */
export const BYTES_PER_EVENT = 57;

function putU64(hi: Uint32Array, lo: Uint32Array, i: number, v: U64): void {
  if (typeof v === 'number') {
    const h = Math.floor(v / TWO32);
    hi[i] = h;
    lo[i] = v - h * TWO32;
  } else {
    hi[i] = Number(BigInt.asUintN(32, v >> 32n));
    lo[i] = Number(BigInt.asUintN(32, v));
  }
}

function getU64(hi: Uint32Array, lo: Uint32Array, i: number): U64 {
  const h = hi[i];
  if (h < 0x200000) return h * TWO32 + lo[i];
  return (BigInt(h) << 32n) | BigInt(lo[i]);
}

export class EventStore {
  length = 0;
  private readonly tsHi: Int32Array;
  private readonly tsLo: Uint32Array;
  private readonly gHi: Uint32Array;
  private readonly gLo: Uint32Array;
  private readonly aHi: Uint32Array;
  private readonly aLo: Uint32Array;
  private readonly stks: Uint32Array;
  private readonly ps: Int32Array;
  private readonly types: Uint8Array;

  constructor(readonly capacity: number) {
    this.tsHi = new Int32Array(capacity);
    this.tsLo = new Uint32Array(capacity);
    this.gHi = new Uint32Array(capacity);
    this.gLo = new Uint32Array(capacity);
    this.aHi = new Uint32Array(capacity * 4);
    this.aLo = new Uint32Array(capacity * 4);
    this.stks = new Uint32Array(capacity);
    this.ps = new Int32Array(capacity);
    this.types = new Uint8Array(capacity);
  }

  push(ev: V1Event): void {
    const i = this.length++;
    this.setTs(i, ev.ts);
    putU64(this.gHi, this.gLo, i, ev.g);
    putU64(this.aHi, this.aLo, 4 * i, ev.a0);
    putU64(this.aHi, this.aLo, 4 * i + 1, ev.a1);
    putU64(this.aHi, this.aLo, 4 * i + 2, ev.a2);
    putU64(this.aHi, this.aLo, 4 * i + 3, ev.a3);
    this.stks[i] = ev.stk;
    this.ps[i] = ev.p;
    this.types[i] = ev.type;
  }

  /** Event i into out (a scratch object the caller reuses). */
  read(i: number, out: V1Event): V1Event {
    out.ts = this.ts(i);
    out.g = this.g(i);
    out.a0 = this.arg(i, 0);
    out.a1 = this.arg(i, 1);
    out.a2 = this.arg(i, 2);
    out.a3 = this.arg(i, 3);
    out.stk = this.stks[i];
    out.p = this.ps[i];
    out.type = this.types[i];
    return out;
  }

  /** Event i as a new object. */
  event(i: number): V1Event {
    return this.read(i, newEvent(0, 0, 0));
  }

  ts(i: number): I64 {
    const h = this.tsHi[i];
    if (h >= -0x200000 && h < 0x200000) {
      const v = h * TWO32 + this.tsLo[i];
      if (v >= -MAX_SAFE) return v;
    }
    return (BigInt(h) << 32n) | BigInt(this.tsLo[i]);
  }

  setTs(i: number, v: I64): void {
    if (typeof v === 'number') {
      const h = Math.floor(v / TWO32);
      this.tsHi[i] = h;
      this.tsLo[i] = v - h * TWO32;
    } else {
      this.tsHi[i] = Number(BigInt.asIntN(32, v >> 32n));
      this.tsLo[i] = Number(BigInt.asUintN(32, v));
    }
  }

  /** ts(i) < ts(j), exactly. */
  tsLess(i: number, j: number): boolean {
    const a = this.tsHi[i];
    const b = this.tsHi[j];
    return a !== b ? a < b : this.tsLo[i] < this.tsLo[j];
  }

  g(i: number): U64 {
    return getU64(this.gHi, this.gLo, i);
  }

  arg(i: number, k: number): U64 {
    return getU64(this.aHi, this.aLo, 4 * i + k);
  }

  stk(i: number): number {
    return this.stks[i];
  }

  setStk(i: number, v: number): void {
    this.stks[i] = v;
  }

  p(i: number): number {
    return this.ps[i];
  }

  setP(i: number, v: number): void {
    this.ps[i] = v;
  }

  type(i: number): number {
    return this.types[i];
  }
}

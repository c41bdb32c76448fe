// Scheduler state kept by the ordering (Go's gState, pState, mState, seqCounter, rangeState
// in internal/trace/order.go) and the small helpers the handlers share.

import { SPECS } from '../wire/specs';
import { TraceError } from './errors';
import { dec, type I64, type U64 } from './int64';

export const NONE = -1;

export function seqString(gen: U64, seq: U64): string {
  return `${dec(seq)} (gen=${dec(gen)})`;
}

/** A kind of special range: the event type that begins it plus an optional subtype. */
export interface RangeType {
  typ: number;
  desc: U64;
}

/**
 * A goroutine's stack of open user regions, innermost last, as flat pairs: a region's task ID,
 * then its name (resolved: string IDs change between generations). No object per region: a
 * server trace opens millions.
 */
export type RegionStack = (U64 | string)[];

/** The goroutine and P an M holds (Go's mState). */
export class MState {
  constructor(
    public g: I64 = NONE,
    public p: I64 = NONE,
  ) {}
}
// IDs are usually small integers, but any int64 can appear: let the fields hold anything from
// the start, so a large ID never changes the class's field layout mid-trace (see event.ts).
{
  const ms = new MState();
  ms.g = ms.p = 0n;
}

export enum GCState {
  Undetermined = 0,
  NotRunning = 1,
  Running = 2,
}

/** Presence requirements on a context (Go's constraint). */
export enum Req {
  MustNot = 0,
  May = 1,
  Must = 2,
}

/** Go's makeRangeType: end and active events map to the type of their begin event. */
export function makeRangeType(typ: number, desc: U64): RangeType {
  const start = SPECS[typ].startEv;
  return { typ: start !== 0 ? start : typ, desc };
}

function hasRange(list: RangeType[], r: RangeType): boolean {
  return list.some((x) => x.typ === r.typ && x.desc === r.desc);
}

export function rangeTypeString(r: RangeType): string {
  return `{${r.typ} ${dec(r.desc)}}`;
}

export function beginRange(list: RangeType[], r: RangeType): void {
  if (hasRange(list, r)) {
    throw new TraceError(`discovered event already in-flight for when starting event ${SPECS[r.typ].name}`);
  }
  list.push(r);
}

export function activeRange(list: RangeType[], r: RangeType, initialGen: boolean): void {
  if (initialGen) {
    if (hasRange(list, r)) throw new TraceError(`found named active range already in first gen: ${rangeTypeString(r)}`);
    list.push(r);
  } else if (!hasRange(list, r)) {
    throw new TraceError(
      `resource is missing active range: ${SPECS[r.typ].name} [${list.map(rangeTypeString).join(' ')}]`,
    );
  }
}

/** Ends the first in-flight range begun by typ's start event; returns its subtype. */
export function endRange(list: RangeType[], typ: number): U64 {
  const st = SPECS[typ].startEv;
  const idx = list.findIndex((r) => r.typ === st);
  if (idx < 0) throw new TraceError(`tried to end event ${SPECS[st].name}, but not in-flight`);
  const desc = list[idx].desc;
  list[idx] = list[list.length - 1];
  list.pop();
  return desc;
}


/**
 * A map keyed by int64 IDs. Goroutine, proc and thread IDs are mostly small integers handed
 * out densely, so IDs below a bound live in a plain array (one indexed load per lookup, the
 * hot path of the ordering); anything else goes to a Map.
 */
export class IdMap<V> {
  private static readonly DENSE_LIMIT = 1 << 20;
  private dense: (V | undefined)[] = new Array(64).fill(undefined);
  private readonly sparse = new Map<I64, V>();

  get(k: I64): V | undefined {
    if (typeof k === 'number' && k >= 0 && k < IdMap.DENSE_LIMIT) return k < this.dense.length ? this.dense[k] : undefined;
    return this.sparse.get(k);
  }

  has(k: I64): boolean {
    return this.get(k) !== undefined;
  }

  set(k: I64, v: V): void {
    if (typeof k === 'number' && k >= 0 && k < IdMap.DENSE_LIMIT) {
      if (k >= this.dense.length) {
        let n = this.dense.length * 2;
        while (n <= k) n *= 2;
        const next: (V | undefined)[] = new Array(n).fill(undefined);
        for (let i = 0; i < this.dense.length; i++) next[i] = this.dense[i];
        this.dense = next;
      }
      this.dense[k] = v;
      return;
    }
    this.sparse.set(k, v);
  }

  delete(k: I64): void {
    if (typeof k === 'number' && k >= 0 && k < IdMap.DENSE_LIMIT) {
      if (k < this.dense.length) this.dense[k] = undefined;
      return;
    }
    this.sparse.delete(k);
  }

  /** Entries: dense IDs in increasing order, then the others in insertion order. */
  *[Symbol.iterator](): IterableIterator<[I64, V]> {
    for (let i = 0; i < this.dense.length; i++) {
      const v = this.dense[i];
      if (v !== undefined) yield [i, v];
    }
    yield* this.sparse.entries();
  }
}

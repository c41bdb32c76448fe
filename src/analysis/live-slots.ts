// Slots for the goroutines (or other IDs) a sink follows while they are alive, so their state
// can sit in columns (typed arrays indexed by slot) instead of an object each: a slot is given
// back when its ID is closed and handed out again, so the columns are as long as the most IDs
// alive at once, not as all IDs ever seen. A server trace has hundreds of thousands of
// goroutines but tens of thousands alive at a time; their state then fits in a few megabytes
// that stay in the cache, where objects spread it over the whole heap.
//
// An ID below DENSE_IDS finds its slot through a typed array indexed by the ID; any other ID
// (negative, huge, a bigint from a crafted trace) through a Map.

import type { Id } from './bounded-id-set';

/** IDs below this are indexes of a slot array (at most 16 MiB of it); others go to a Map. */
export const DENSE_IDS = 1 << 22;

/** Whether an ID is looked up through the slot array. */
export function isDenseId(id: Id): id is number {
  return typeof id === 'number' && id >= 0 && id < DENSE_IDS;
}

/** The slot array, replaced by one twice as long (as often as needed) if it has no entry for id. */
export function withRoomFor(slots: Int32Array<ArrayBuffer>, id: number): Int32Array<ArrayBuffer> {
  if (id < slots.length) return slots;
  let len = slots.length;
  while (len <= id) len *= 2;
  const next = new Int32Array(Math.min(len, DENSE_IDS));
  next.set(slots);
  return next;
}

export class LiveSlots {
  /** Per dense ID: its slot + 1, or 0 for none. */
  private slotById = new Int32Array(1024);
  private readonly otherSlots = new Map<Id, number>();
  private readonly free: number[] = [];
  /** Slots ever handed out: columns must be at least this long. */
  used = 0;

  /** The ID's slot, or -1 when it has none. */
  slotOf(id: Id): number {
    if (isDenseId(id)) return id < this.slotById.length ? this.slotById[id] - 1 : -1;
    return this.otherSlots.get(id) ?? -1;
  }

  /** A slot for an ID that has none (check slotOf first); may raise `used`. */
  open(id: Id): number {
    const s = this.free.length > 0 ? this.free.pop()! : this.used++;
    if (isDenseId(id)) {
      this.slotById = withRoomFor(this.slotById, id);
      this.slotById[id] = s + 1;
    } else {
      this.otherSlots.set(id, s);
    }
    return s;
  }

  /** Gives back the ID's slot s, to be handed out again. */
  close(id: Id, s: number): void {
    if (isDenseId(id)) this.slotById[id] = 0;
    else this.otherSlots.delete(id);
    this.free.push(s);
  }
}

/** A typed array as long as n (at least double the old one), holding the old one's values. */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2, 256));
  b.set(a);
  return b;
}

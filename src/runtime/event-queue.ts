// The simulation's timer queue: timed events taken out in (time, insertion number) order,
// so a run is fully determined by its seed. It is the hottest structure of the simulation,
// so it allocates nothing per event: every event lives in a slot of parallel typed arrays,
// heaps hold slot numbers, and a cancelled event is taken out at once (the slot's heap
// position is tracked) instead of lingering until it falls due. A busy server cancels most
// timers it arms (a worker's receive timeout, a time slice cut short); leaving them in
// made the heap twenty times larger than the live timers.
//
// Two binary heaps share the slots: one for events due soon (time slices, syscalls: many,
// short-lived) and one for events due later (a connection's next request, receive
// timeouts). pop() takes the smaller of the two tops, so the order is exactly that of a
// single heap; but the frequent near events sift through a heap of a dozen entries instead
// of one of hundreds.

/** A slot handle; NO_TIMER when none is armed. */
export const NO_TIMER = -1;

/** Events due further than this after the last one taken out go to the far heap. */
const NEAR_NS = 1_000_000;

export class EventQueue {
  private cap = 0;
  private t = new Float64Array(0);
  private seqOf = new Float64Array(0);
  private tokenOf = new Float64Array(0);
  private kindOf = new Int32Array(0);
  private objOf: unknown[] = [];
  /** posOf[slot] = its position in its heap, -1 when the slot is free. */
  private posOf = new Int32Array(0);
  /** farOf[slot] = 1 when the slot is in the far heap. */
  private farOf = new Uint8Array(0);
  private free = new Int32Array(0);
  private nFree = 0;
  // Each heap: slots, and their times kept inline (compares read no slot).
  private nearH = new Int32Array(0);
  private nearT = new Float64Array(0);
  private nNear = 0;
  private farH = new Int32Array(0);
  private farT = new Float64Array(0);
  private nFar = 0;
  private seq = 0;
  // The event pop() took out last.
  time = 0;
  kind = 0;
  obj: unknown = null;
  token = 0;

  constructor() {
    this.grow(256);
  }

  get size(): number {
    return this.nNear + this.nFar;
  }

  private grow(cap: number): void {
    const old = this.cap;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.t = f64(this.t);
    this.seqOf = f64(this.seqOf);
    this.tokenOf = f64(this.tokenOf);
    this.kindOf = i32(this.kindOf);
    this.nearH = i32(this.nearH);
    this.nearT = f64(this.nearT);
    this.farH = i32(this.farH);
    this.farT = f64(this.farT);
    const far = new Uint8Array(cap);
    far.set(this.farOf);
    this.farOf = far;
    const p = new Int32Array(cap).fill(-1);
    p.set(this.posOf);
    this.posOf = p;
    const f = new Int32Array(cap);
    f.set(this.free.subarray(0, this.nFree));
    this.free = f;
    // New slots are free, lowest numbers popped first.
    for (let i = cap - 1; i >= old; i--) this.free[this.nFree++] = i;
    for (let i = old; i < cap; i++) this.objOf.push(null);
    this.cap = cap;
  }

  /** Arms an event; returns its slot, a handle for cancel(). */
  push(time: number, kind: number, obj: unknown, token: number): number {
    if (this.nFree === 0) this.grow(this.cap * 2);
    const slot = this.free[--this.nFree];
    this.t[slot] = time;
    this.seqOf[slot] = this.seq++;
    this.tokenOf[slot] = token;
    this.kindOf[slot] = kind;
    this.objOf[slot] = obj;
    if (time - this.time > NEAR_NS) {
      this.farOf[slot] = 1;
      this.siftUp(this.farH, this.farT, this.nFar++, slot, time);
    } else {
      this.farOf[slot] = 0;
      this.siftUp(this.nearH, this.nearT, this.nNear++, slot, time);
    }
    return slot;
  }

  /**
   * Removes the event in slot if it is still the one armed for (obj, token); a handle whose
   * event already ran (and whose slot may be reused) is ignored.
   */
  cancel(slot: number, obj: unknown, token: number): void {
    if (slot < 0) return;
    const i = this.posOf[slot];
    if (i < 0 || this.objOf[slot] !== obj || this.tokenOf[slot] !== token) return;
    this.release(slot);
    if (this.farOf[slot] === 1) this.removeAt(this.farH, this.farT, --this.nFar, i);
    else this.removeAt(this.nearH, this.nearT, --this.nNear, i);
  }

  peekTime(): number {
    const a = this.nNear > 0 ? this.nearT[0] : Infinity;
    const b = this.nFar > 0 ? this.farT[0] : Infinity;
    return a < b ? a : b;
  }

  /** Takes the earliest event out into time/kind/obj/token. False when empty. */
  pop(): boolean {
    let far: boolean;
    if (this.nNear === 0) {
      if (this.nFar === 0) return false;
      far = true;
    } else if (this.nFar === 0) {
      far = false;
    } else {
      const a = this.nearT[0];
      const b = this.farT[0];
      far = b < a || (b === a && this.seqOf[this.farH[0]] < this.seqOf[this.nearH[0]]);
    }
    const top = far ? this.farH[0] : this.nearH[0];
    this.time = this.t[top];
    this.kind = this.kindOf[top];
    this.obj = this.objOf[top];
    this.token = this.tokenOf[top];
    this.release(top);
    if (far) {
      const n = --this.nFar;
      if (n > 0) this.siftDown(this.farH, this.farT, n, 0, this.farH[n], this.farT[n]);
    } else {
      const n = --this.nNear;
      if (n > 0) this.siftDown(this.nearH, this.nearT, n, 0, this.nearH[n], this.nearT[n]);
    }
    return true;
  }

  clear(): void {
    while (this.nNear > 0) this.release(this.nearH[--this.nNear]);
    while (this.nFar > 0) this.release(this.farH[--this.nFar]);
  }

  private release(slot: number): void {
    this.posOf[slot] = -1;
    this.objOf[slot] = null;
    this.free[this.nFree++] = slot;
  }

  /** Fills the hole at i with the heap's last entry (now at index n) and restores the order. */
  private removeAt(h: Int32Array, ht: Float64Array, n: number, i: number): void {
    if (i === n) return;
    const last = h[n];
    const lt = ht[n];
    if (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = ht[parent];
      if (lt < pt || (lt === pt && this.seqOf[last] < this.seqOf[h[parent]])) {
        this.siftUp(h, ht, i, last, lt);
        return;
      }
    }
    this.siftDown(h, ht, n, i, last, lt);
  }

  private siftUp(h: Int32Array, ht: Float64Array, i: number, slot: number, t: number): void {
    const pos = this.posOf;
    const seq = this.seqOf;
    const sq = seq[slot];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = ht[parent];
      if (pt < t || (pt === t && seq[h[parent]] < sq)) break;
      const ps = h[parent];
      h[i] = ps;
      ht[i] = pt;
      pos[ps] = i;
      i = parent;
    }
    h[i] = slot;
    ht[i] = t;
    pos[slot] = i;
  }

  /** Moves slot (time t) down from i in a heap of n entries. */
  private siftDown(h: Int32Array, ht: Float64Array, n: number, i: number, slot: number, t: number): void {
    const pos = this.posOf;
    const seq = this.seqOf;
    const sq = seq[slot];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = ht[c];
      const r = c + 1;
      if (r < n) {
        const rt = ht[r];
        if (rt < ct || (rt === ct && seq[h[r]] < seq[h[c]])) {
          c = r;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && sq < seq[h[c]])) break;
      const cs = h[c];
      h[i] = cs;
      ht[i] = ct;
      pos[cs] = i;
      i = c;
    }
    h[i] = slot;
    ht[i] = t;
    pos[slot] = i;
  }
}

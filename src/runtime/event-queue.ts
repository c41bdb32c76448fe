// The simulation's timer queue: a binary min-heap of timed events ordered by (time,
// insertion number), so a run is fully determined by its seed. It is the hottest structure
// of the simulation, so it allocates nothing per event: every event lives in a slot of
// parallel typed arrays, the heap holds slot numbers, and a cancelled event is taken out
// at once (the slot's heap position is tracked) instead of lingering until it falls due.
// A busy server cancels most timers it arms (a worker's receive timeout, a time slice cut
// short); leaving them in made the heap twenty times larger than the live timers.

/** A slot handle; NO_TIMER when none is armed. */
export const NO_TIMER = -1;

export class EventQueue {
  private cap = 0;
  private t = new Float64Array(0);
  private seqOf = new Float64Array(0);
  private tokenOf = new Float64Array(0);
  private kindOf = new Int32Array(0);
  private objOf: unknown[] = [];
  /** heap[i] = slot at heap position i; heapT[i] = its time (kept inline: compares read no slot). */
  private heap = new Int32Array(0);
  private heapT = new Float64Array(0);
  /** posOf[slot] = its heap position, -1 when the slot is free. */
  private posOf = new Int32Array(0);
  private free = new Int32Array(0);
  private nFree = 0;
  private n = 0;
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
    return this.n;
  }

  private grow(cap: number): void {
    const old = this.cap;
    const t = new Float64Array(cap);
    t.set(this.t);
    this.t = t;
    const s = new Float64Array(cap);
    s.set(this.seqOf);
    this.seqOf = s;
    const tk = new Float64Array(cap);
    tk.set(this.tokenOf);
    this.tokenOf = tk;
    const k = new Int32Array(cap);
    k.set(this.kindOf);
    this.kindOf = k;
    const h = new Int32Array(cap);
    h.set(this.heap);
    this.heap = h;
    const ht = new Float64Array(cap);
    ht.set(this.heapT);
    this.heapT = ht;
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
    this.siftUp(this.n++, slot, time);
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
    const n = --this.n;
    if (i === n) return;
    // The last slot fills the hole and moves whichever way restores the order.
    const last = this.heap[n];
    const lt = this.heapT[n];
    if (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.heapT[parent];
      if (lt < pt || (lt === pt && this.seqOf[last] < this.seqOf[this.heap[parent]])) {
        this.siftUp(i, last, lt);
        return;
      }
    }
    this.siftDown(i, last, lt);
  }

  peekTime(): number {
    return this.n > 0 ? this.heapT[0] : Infinity;
  }

  /** Takes the earliest event out into time/kind/obj/token. False when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const top = this.heap[0];
    this.time = this.t[top];
    this.kind = this.kindOf[top];
    this.obj = this.objOf[top];
    this.token = this.tokenOf[top];
    this.release(top);
    const n = --this.n;
    if (n > 0) this.siftDown(0, this.heap[n], this.heapT[n]);
    return true;
  }

  clear(): void {
    while (this.n > 0) this.release(this.heap[--this.n]);
  }

  private release(slot: number): void {
    this.posOf[slot] = -1;
    this.objOf[slot] = null;
    this.free[this.nFree++] = slot;
  }

  private siftUp(i: number, slot: number, t: number): void {
    const h = this.heap;
    const ht = this.heapT;
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

  private siftDown(i: number, slot: number, t: number): void {
    const h = this.heap;
    const ht = this.heapT;
    const pos = this.posOf;
    const seq = this.seqOf;
    const n = this.n;
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

// The ordering's event queue (Go's queue in order.go): a growable FIFO ring. Besides values
// (pushValue), it can hold reusable slots: a producer fills the next slot in place (push
// returns it) and a consumer reads a popped slot before anything else is pushed. Ordering a
// trace that way makes no object per event; the ring only grows to the most events ever
// queued at once (a handful: GoSwitch queues three).

export class SlotQueue<T> {
  private slots: T[] = [];
  private mask = -1;
  private head = 0;
  private count = 0;
  /**
   * A value queued while the ring was empty (most advances queue one event that is popped
   * right away): kept out of the ring, a field store instead of an array store.
   */
  private single: T | undefined = undefined;

  constructor(private readonly make: () => T) {
    this.grow();
  }

  get length(): number {
    return this.count + (this.single === undefined ? 0 : 1);
  }

  /** The slot at the back of the queue, now counted as queued; the caller fills it in. */
  push(): T {
    if (this.single !== undefined) this.spill();
    if (this.count === this.slots.length) this.grow();
    const slot = this.slots[(this.head + this.count) & this.mask];
    this.count++;
    return slot;
  }

  /**
   * The front slot, or undefined when empty. It stays as it is until the ring comes round to
   * it again, so it may be read until the next push.
   */
  pop(): T | undefined {
    const first = this.single;
    if (first !== undefined) {
      this.single = undefined;
      return first;
    }
    if (this.count === 0) return undefined;
    const slot = this.slots[this.head];
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return slot;
  }

  /** Queues v itself: the ring refers to v from now on (the slot it replaces is dropped). */
  pushValue(v: T): void {
    if (this.count === 0 && this.single === undefined) {
      this.single = v;
      return;
    }
    if (this.single !== undefined) this.spill();
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) & this.mask] = v;
    this.count++;
  }

  /** Moves the single value into the ring (it is older than anything queued after it). */
  private spill(): void {
    const v = this.single!;
    this.single = undefined;
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) & this.mask] = v;
    this.count++;
  }

  /** Replaces every free slot with a new one, so no object handed out earlier is filled again. */
  renew(): void {
    for (let i = this.count; i < this.slots.length; i++) this.slots[(this.head + i) & this.mask] = this.make();
  }

  /** Doubles the ring, keeping queued slots in order at the front. */
  private grow(): void {
    const old = this.slots;
    const n = old.length === 0 ? 4 : old.length * 2;
    const next: T[] = new Array(n);
    for (let i = 0; i < old.length; i++) next[i] = old[(this.head + i) & this.mask];
    for (let i = old.length; i < n; i++) next[i] = this.make();
    this.slots = next;
    this.mask = n - 1;
    this.head = 0;
  }
}

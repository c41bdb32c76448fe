// The ordering's event queue (Go's queue in order.go): a growable FIFO ring. Unlike Go's, it
// holds reusable slots rather than values: a producer fills the next slot in place (push
// returns it) and a consumer reads a popped slot before anything else is pushed. Ordering a
// trace then makes no object per event; the ring only grows to the most events ever queued at
// once (a handful: GoSwitch queues three).

export class SlotQueue<T> {
  private slots: T[] = [];
  private mask = -1;
  private head = 0;
  private count = 0;

  constructor(private readonly make: () => T) {
    this.grow();
  }

  get length(): number {
    return this.count;
  }

  /** The slot at the back of the queue, now counted as queued; the caller fills it in. */
  push(): T {
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
    if (this.count === 0) return undefined;
    const slot = this.slots[this.head];
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return slot;
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

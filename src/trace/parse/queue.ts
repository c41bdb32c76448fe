// The ordering's event queue (Go's queue in order.go): a growable FIFO ring of values. Nearly
// every advance queues exactly one event, which the reader pops right away, so a value queued
// while the ring is empty is kept in a field of its own (a field store instead of an array
// store and index arithmetic); the ring only holds the rest (GoSwitch queues three events).

export class EventQueue<T> {
  private slots: (T | undefined)[] = new Array(4).fill(undefined);
  private mask = 3;
  private head = 0;
  private count = 0;
  private single: T | undefined = undefined;
  /** Values queued (a field, not a getter: the reader reads it after every advance). */
  length = 0;

  push(v: T): void {
    this.length++;
    if (this.count === 0 && this.single === undefined) {
      this.single = v;
      return;
    }
    if (this.single !== undefined) {
      // The single value is older than anything queued after it: it goes in first.
      const s = this.single;
      this.single = undefined;
      this.pushRing(s);
    }
    this.pushRing(v);
  }

  /** The oldest value, or undefined when empty. The queue keeps no reference to it. */
  pop(): T | undefined {
    const first = this.single;
    if (first !== undefined) {
      this.single = undefined;
      this.length--;
      return first;
    }
    if (this.count === 0) return undefined;
    this.length--;
    const v = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return v;
  }

  private pushRing(v: T): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) & this.mask] = v;
    this.count++;
  }

  /** Doubles the ring, keeping queued values in order at the front. */
  private grow(): void {
    const old = this.slots;
    const next: (T | undefined)[] = new Array(old.length * 2).fill(undefined);
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & this.mask];
    this.slots = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}

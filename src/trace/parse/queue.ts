// A growable FIFO ring buffer, as the ordering's event queue (Go's queue in order.go).
// Popped slots are cleared so old generation tables can be collected.

export class Queue<T> {
  private buf: (T | undefined)[] = [];
  private start = 0;
  private end = 0;
  // Most advances queue exactly one event that is popped right away: keep it out of the ring.
  private single: T | undefined = undefined;

  get length(): number {
    return this.end - this.start + (this.single === undefined ? 0 : 1);
  }

  push(value: T): void {
    if (this.single === undefined && this.end === this.start) {
      this.single = value;
      return;
    }
    if (this.single !== undefined) {
      const first = this.single;
      this.single = undefined;
      this.pushRing(first);
    }
    this.pushRing(value);
  }

  private pushRing(value: T): void {
    if (this.end - this.start === this.buf.length) this.grow();
    this.buf[this.end % this.buf.length] = value;
    this.end++;
  }

  /** The front value, or undefined when empty. */
  pop(): T | undefined {
    const first = this.single;
    if (first !== undefined) {
      this.single = undefined;
      return first;
    }
    if (this.end === this.start) return undefined;
    const i = this.start % this.buf.length;
    const v = this.buf[i];
    this.buf[i] = undefined;
    this.start++;
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
    }
    return v;
  }

  private grow(): void {
    const n = this.buf.length;
    if (n === 0) {
      this.buf = new Array(2);
      return;
    }
    const next: (T | undefined)[] = new Array(n * 2);
    const pivot = this.start % n;
    let k = 0;
    for (let i = pivot; i < n; i++) next[k++] = this.buf[i];
    for (let i = 0; i < pivot; i++) next[k++] = this.buf[i];
    this.start = 0;
    this.end = n;
    this.buf = next;
  }
}

// Go's container/heap (Init, Push, Pop, Remove with its up/down sifts), step for step: which
// of two equal elements ends up where decides which worst windows the MMU keeps.

export interface GoHeap<T> {
  /** The heap's slice; changed in place. */
  items: T[];
  less(a: T, b: T): boolean;
}

function swap<T>(h: T[], i: number, j: number): void {
  const t = h[i];
  h[i] = h[j];
  h[j] = t;
}

function up<T>(h: GoHeap<T>, j: number): void {
  for (;;) {
    const i = Math.trunc((j - 1) / 2);
    if (i === j || !h.less(h.items[j], h.items[i])) break;
    swap(h.items, i, j);
    j = i;
  }
}

function down<T>(h: GoHeap<T>, i0: number, n: number): boolean {
  let i = i0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n || j1 < 0) break;
    let j = j1;
    const j2 = j1 + 1;
    if (j2 < n && h.less(h.items[j2], h.items[j1])) j = j2;
    if (!h.less(h.items[j], h.items[i])) break;
    swap(h.items, i, j);
    i = j;
  }
  return i > i0;
}

export function goHeapInit<T>(h: GoHeap<T>): void {
  const n = h.items.length;
  for (let i = Math.floor(n / 2) - 1; i >= 0; i--) down(h, i, n);
}

export function goHeapPush<T>(h: GoHeap<T>, x: T): void {
  h.items.push(x);
  up(h, h.items.length - 1);
}

export function goHeapPop<T>(h: GoHeap<T>): T {
  const n = h.items.length - 1;
  swap(h.items, 0, n);
  down(h, 0, n);
  return h.items.pop()!;
}

export function goHeapRemove<T>(h: GoHeap<T>, i: number): T {
  const n = h.items.length - 1;
  if (n !== i) {
    swap(h.items, i, n);
    if (!down(h, i, n)) up(h, i);
  }
  return h.items.pop()!;
}

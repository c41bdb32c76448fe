// Go's slices.SortFunc: pattern-defeating quicksort, not stable. Follows
// src/slices/zsortanyfunc.go (pdqsortCmpFunc and helpers) and sort.go (xorshift, the
// recursion limit bits.Len(n)) step for step, because the order it leaves equal elements in
// is observable twice: `go tool trace -d=footprint` prints tied rows in that order, and Go's
// parser sorts its frontier of per-M cursors (ties on event time) and its CPU samples, so
// which of two tied elements comes first decides which event Go emits first.

type Cmp<T> = (a: T, b: T) => number;

const enum Hint {
  Unknown,
  Increasing,
  Decreasing,
}

/** bits.Len: the number of bits needed to represent n (0 ≤ n < 2^32, any array length). */
function bitLen(n: number): number {
  return 32 - Math.clz32(n);
}

export function goSortFunc<T>(data: T[], cmp: Cmp<T>): void {
  pdqsort(data, 0, data.length, bitLen(data.length), cmp);
}

function swap<T>(d: T[], i: number, j: number): void {
  const t = d[i];
  d[i] = d[j];
  d[j] = t;
}

function insertionSort<T>(d: T[], a: number, b: number, cmp: Cmp<T>): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && cmp(d[j], d[j - 1]) < 0; j--) swap(d, j, j - 1);
  }
}

function siftDown<T>(d: T[], lo: number, hi: number, first: number, cmp: Cmp<T>): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && cmp(d[first + child], d[first + child + 1]) < 0) child++;
    if (!(cmp(d[first + root], d[first + child]) < 0)) return;
    swap(d, first + root, first + child);
    root = child;
  }
}

function heapSort<T>(d: T[], a: number, b: number, cmp: Cmp<T>): void {
  const first = a;
  const hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, first, cmp);
  for (let i = hi - 1; i >= 0; i--) {
    swap(d, first, first + i);
    siftDown(d, 0, i, first, cmp);
  }
}

function pdqsort<T>(d: T[], a: number, b: number, limit: number, cmp: Cmp<T>): void {
  const maxInsertion = 12;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(d, a, b, cmp);
      return;
    }
    if (limit === 0) {
      heapSort(d, a, b, cmp);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b, cmp);
    if (hint === Hint.Decreasing) {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = Hint.Increasing;
    }
    if (wasBalanced && wasPartitioned && hint === Hint.Increasing) {
      if (partialInsertionSort(d, a, b, cmp)) return;
    }
    if (a > 0 && !(cmp(d[a - 1], d[pivot]) < 0)) {
      a = partitionEqual(d, a, b, pivot, cmp);
      continue;
    }
    const [mid, already] = partition(d, a, b, pivot, cmp);
    wasPartitioned = already;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.floor(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(d, a, mid, limit, cmp);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit, cmp);
      b = mid;
    }
  }
}

function partition<T>(d: T[], a: number, b: number, pivot: number, cmp: Cmp<T>): [number, boolean] {
  swap(d, a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && cmp(d[i], d[a]) < 0) i++;
  while (i <= j && !(cmp(d[j], d[a]) < 0)) j--;
  if (i > j) {
    swap(d, j, a);
    return [j, true];
  }
  swap(d, i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && cmp(d[i], d[a]) < 0) i++;
    while (i <= j && !(cmp(d[j], d[a]) < 0)) j--;
    if (i > j) break;
    swap(d, i, j);
    i++;
    j--;
  }
  swap(d, j, a);
  return [j, false];
}

function partitionEqual<T>(d: T[], a: number, b: number, pivot: number, cmp: Cmp<T>): number {
  swap(d, a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !(cmp(d[a], d[i]) < 0)) i++;
    while (i <= j && cmp(d[a], d[j]) < 0) j--;
    if (i > j) break;
    swap(d, i, j);
    i++;
    j--;
  }
  return i;
}

function partialInsertionSort<T>(d: T[], a: number, b: number, cmp: Cmp<T>): boolean {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !(cmp(d[i], d[i - 1]) < 0)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    swap(d, i, i - 1);
    // Shift the smaller one to the left (Go lets this run down to index 1, not a+1).
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!(cmp(d[j], d[j - 1]) < 0)) break;
        swap(d, j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!(cmp(d[j], d[j - 1]) < 0)) break;
        swap(d, j, j - 1);
      }
    }
  }
  return false;
}

const MASK64 = (1n << 64n) - 1n;

function breakPatterns<T>(d: T[], a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  // sort.go's xorshift, seeded with the length; uint64 arithmetic (rare path, so bigint).
  let random = BigInt(length);
  const mask = BigInt(2 ** bitLen(length) - 1);
  const centre = a + Math.floor(length / 4) * 2;
  for (let idx = centre - 1; idx <= centre + 1; idx++) {
    random ^= (random << 13n) & MASK64;
    random ^= random >> 7n;
    random ^= (random << 17n) & MASK64;
    let other = Number(random & mask);
    if (other >= length) other -= length;
    swap(d, idx, a + other);
  }
}

/** Go's choosePivot; the swap count of the medians decides the hint. */
function choosePivot<T>(d: T[], a: number, b: number, cmp: Cmp<T>): [number, Hint] {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  swaps = 0;
  const q = Math.floor(l / 4);
  let i = a + q;
  let j = a + q * 2;
  let k = a + q * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = median(d, i - 1, i, i + 1, cmp);
      j = median(d, j - 1, j, j + 1, cmp);
      k = median(d, k - 1, k, k + 1, cmp);
    }
    j = median(d, i, j, k, cmp);
  }
  if (swaps === 0) return [j, Hint.Increasing];
  if (swaps === maxSwaps) return [j, Hint.Decreasing];
  return [j, Hint.Unknown];
}

/** Swaps counted by median during one choosePivot (Go passes a *int). */
let swaps = 0;

/** Go's median: sorts the three indices by their elements (order2 three times), returns the middle one. */
function median<T>(d: T[], a: number, b: number, c: number, cmp: Cmp<T>): number {
  let t: number;
  if (cmp(d[b], d[a]) < 0) {
    swaps++;
    t = a;
    a = b;
    b = t;
  }
  if (cmp(d[c], d[b]) < 0) {
    swaps++;
    t = b;
    b = c;
    c = t;
  }
  if (cmp(d[b], d[a]) < 0) {
    swaps++;
    t = a;
    a = b;
    b = t;
  }
  return b;
}

function reverseRange<T>(d: T[], a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) swap(d, i, j);
}

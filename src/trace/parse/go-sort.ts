// Go's slices.SortFunc, step for step: pattern-defeating quicksort (insertion sort for ≤ 12
// elements, heapsort fallback, deterministic xorshift pattern breaking).
//
// Why not Array.prototype.sort: the sort is unstable, and Go's parser sorts things whose keys
// tie (the frontier of per-M cursors by next event time, CPU samples by time). Which of two
// tied elements comes first decides which event Go emits first, so to agree with Go event for
// event we must permute ties exactly as Go does.

type Cmp<T> = (a: T, b: T) => number;

export function goSortFunc<T>(data: T[], cmp: Cmp<T>): void {
  const n = data.length;
  pdq(data, 0, n, bitLen(n), cmp);
}

function bitLen(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

function swap<T>(d: T[], i: number, j: number): void {
  const t = d[i];
  d[i] = d[j];
  d[j] = t;
}

function insertion<T>(d: T[], a: number, b: number, cmp: Cmp<T>): void {
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
  const hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, a, cmp);
  for (let i = hi - 1; i >= 0; i--) {
    swap(d, a, a + i);
    siftDown(d, 0, i, a, cmp);
  }
}

const INCREASING = 1;
const DECREASING = 2;

function pdq<T>(d: T[], a: number, b: number, limit: number, cmp: Cmp<T>): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) {
      insertion(d, a, b, cmp);
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
    if (hint === DECREASING) {
      reverse(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING) {
      if (partialInsertion(d, a, b, cmp)) return;
    }
    if (a > 0 && !(cmp(d[a - 1], d[pivot]) < 0)) {
      a = partitionEqual(d, a, b, pivot, cmp);
      continue;
    }
    const [mid, already] = partition(d, a, b, pivot, cmp);
    wasPartitioned = already;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const threshold = Math.floor(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= threshold;
      pdq(d, a, mid, limit, cmp);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= threshold;
      pdq(d, mid + 1, b, limit, cmp);
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

function partialInsertion<T>(d: T[], a: number, b: number, cmp: Cmp<T>): boolean {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !(cmp(d[i], d[i - 1]) < 0)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    swap(d, i, i - 1);
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
  let r = BigInt(length);
  const modulus = 2 ** bitLen(length);
  for (let idx = a + Math.floor(length / 4) * 2 - 1; idx <= a + Math.floor(length / 4) * 2 + 1; idx++) {
    r ^= (r << 13n) & MASK64;
    r ^= r >> 7n;
    r ^= (r << 17n) & MASK64;
    let other = Number(r & BigInt(modulus - 1));
    if (other >= length) other -= length;
    swap(d, idx, a + other);
  }
}

function choosePivot<T>(d: T[], a: number, b: number, cmp: Cmp<T>): [number, number] {
  const l = b - a;
  const swaps = { n: 0 };
  const q = Math.floor(l / 4);
  let i = a + q;
  let j = a + q * 2;
  let k = a + q * 3;
  if (l >= 8) {
    if (l >= 50) {
      i = median(d, i - 1, i, i + 1, swaps, cmp);
      j = median(d, j - 1, j, j + 1, swaps, cmp);
      k = median(d, k - 1, k, k + 1, swaps, cmp);
    }
    j = median(d, i, j, k, swaps, cmp);
  }
  if (swaps.n === 0) return [j, INCREASING];
  if (swaps.n === 12) return [j, DECREASING];
  return [j, 0];
}

function median<T>(d: T[], a: number, b: number, c: number, swaps: { n: number }, cmp: Cmp<T>): number {
  const order = (x: number, y: number): [number, number] => {
    if (cmp(d[y], d[x]) < 0) {
      swaps.n++;
      return [y, x];
    }
    return [x, y];
  };
  [a, b] = order(a, b);
  [b, c] = order(b, c);
  [a, b] = order(a, b);
  void c;
  return b;
}

function reverse<T>(d: T[], a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) swap(d, i, j);
}

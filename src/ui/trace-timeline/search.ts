// The goroutine search: "123" or "G123" finds the goroutine with that ID, any other text
// finds goroutines whose start function contains it (ignoring case). Lanes of
// goroutines that do not match are hidden; on the P lanes their spans are dimmed, so the
// matching goroutines' spans stand out. Pure.

export interface Query {
  /** The ID asked for, when the text is a number (optionally after G); else null. */
  readonly id: string | null;
  /** Lower-cased text to find in start functions and names; '' matches everything. */
  readonly text: string;
}

export function parseQuery(raw: string): Query {
  const q = raw.trim();
  const m = /^g?(\d{1,20})$/i.exec(q);
  if (m) return { id: m[1].replace(/^0+(?=\d)/, ''), text: '' };
  return { id: null, text: q.toLowerCase() };
}

export function isEmptyQuery(q: Query): boolean {
  return q.id === null && q.text === '';
}

/** Whether a goroutine with this decimal ID, start function and lane name matches. */
export function matches(q: Query, id: string, startFunc: string, name: string): boolean {
  if (q.id !== null) return id === q.id;
  if (q.text === '') return true;
  return startFunc.toLowerCase().includes(q.text) || name.toLowerCase().includes(q.text);
}

/** A group of goroutines sharing a start function, as the model lists them. */
export interface SearchGroup {
  readonly startFunc: string;
  readonly goroutines: ArrayLike<number>;
}

/**
 * The goroutines that match, as a bitmap over goroutine indices (1 = match) for O(1) tests in
 * the drawing loop, and how many matched. Text is matched against each group's start
 * function once, never goroutine by goroutine; an ID is looked up (index: −1 when absent).
 */
export function matchBitmap(q: Query, count: number, groups: readonly SearchGroup[], indexOfId: (id: string) => number): { bits: Uint8Array; n: number } {
  const bits = new Uint8Array(count);
  let n = 0;
  if (q.id !== null) {
    const i = indexOfId(q.id);
    if (i >= 0 && i < count) {
      bits[i] = 1;
      n = 1;
    }
    return { bits, n };
  }
  for (const g of groups) {
    if (!matches(q, '', g.startFunc, '')) continue;
    for (let k = 0; k < g.goroutines.length; k++) {
      const i = g.goroutines[k];
      if (i < count && bits[i] === 0) {
        bits[i] = 1;
        n++;
      }
    }
  }
  return { bits, n };
}

/**
 * The next (dir 1) or previous (dir −1) result after `fromNs` among results sorted by time:
 * wraps around at the ends, as search in a browser does; −1 when there are none.
 */
export function stepResult(times: ArrayLike<number>, fromNs: number, dir: 1 | -1): number {
  const n = times.length;
  if (n === 0) return -1;
  // First index with time > fromNs (for next) / last with time < fromNs (for previous).
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dir === 1 ? times[mid] <= fromNs : times[mid] < fromNs) lo = mid + 1;
    else hi = mid;
  }
  if (dir === 1) return lo < n ? lo : 0;
  return lo - 1 >= 0 ? lo - 1 : n - 1;
}

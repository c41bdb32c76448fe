// Exact 64-bit integers and trace times on JavaScript numbers where that is exact.
//
// Go's parser works on uint64 wire values, int64 IDs (2^64-1 reads as -1 = "none") and int64
// nanosecond times that pass 2^53 on hosts up more than ~104 days. We keep every such value in
// one canonical form: a plain number when it is a safe integer, a bigint otherwise. Because the
// form is canonical, `===` compares values exactly and Map keys never alias; `<` and `<=`
// compare numbers and bigints exactly even when mixed. The fast paths stay on numbers.

/** A uint64 wire value: a number when ≤ 2^53-1, else a bigint. */
export type U64 = number | bigint;
/** An int64 value (IDs, times): a number when a safe integer, else a bigint. */
export type I64 = number | bigint;
/** Nanoseconds on the traced host's monotonic clock (Go's trace.Time, an int64). */
export type Time = I64;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;
const TWO_63 = 2 ** 63;
export const MIN_INT64 = -(2n ** 63n);
export const MAX_INT64 = 2n ** 63n - 1n;
export const MAX_UINT64 = 2n ** 64n - 1n;

/** Canonical form of a bigint known to be in int64 or uint64 range. */
export function canon(b: bigint): I64 {
  return b >= MIN_SAFE_BIG && b <= MAX_SAFE_BIG ? Number(b) : b;
}

/** Reinterprets a uint64 as an int64, as Go's GoID(x) / ThreadID(x) conversions do. */
export function u64ToI64(u: U64): I64 {
  if (typeof u === 'number') return u;
  if (u === MAX_UINT64) return -1; // Go's "none" (NoGoroutine, NoThread, …): the common case
  return canon(BigInt.asIntN(64, u));
}

/** Reinterprets an int64 as a uint64, as Go's uint64(id) does. */
export function i64ToU64(i: I64): U64 {
  if (typeof i === 'number') {
    if (i >= 0) return i;
    return BigInt.asUintN(64, BigInt(i));
  }
  return canon(BigInt.asUintN(64, i));
}

/** u + 1 with uint64 wraparound. */
export function u64Inc(u: U64): U64 {
  if (typeof u === 'number' && u < MAX_SAFE) return u + 1;
  return canon(BigInt.asUintN(64, BigInt(u) + 1n));
}

/** a + b with uint64 wraparound (Go's timestamp arithmetic on raw ticks). */
export function u64Add(a: U64, b: U64): U64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (s <= MAX_SAFE) return s;
  }
  return canon(BigInt.asUintN(64, BigInt(a) + BigInt(b)));
}

/** a + b with int64 wraparound. */
export function i64Add(a: I64, b: I64): I64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (s <= MAX_SAFE && s >= -MAX_SAFE) return s;
  }
  return canon(BigInt.asIntN(64, BigInt(a) + BigInt(b)));
}

/** The low 8 bits, as Go's uint8 conversions of wire values keep. */
export function lowByte(u: U64): number {
  return typeof u === 'number' ? u % 256 : Number(u & 0xffn);
}

/** Go's uint64 → float64 conversion (round to nearest even; Number(bigint) does the same). */
export function toFloat(u: U64): number {
  return typeof u === 'number' ? u : Number(u);
}

/**
 * Go's float64 → int64 conversion on amd64: truncation toward zero, and the "integer
 * indefinite" value -2^63 for NaN and anything out of range.
 */
export function floatToI64(x: number): I64 {
  if (!(x >= -TWO_63 && x < TWO_63)) return MIN_INT64;
  const t = Math.trunc(x);
  if (t <= MAX_SAFE && t >= -MAX_SAFE) return t === 0 ? 0 : t; // drop -0
  return BigInt(t);
}

/**
 * Go's frequency.mul: ticks × (ns per tick) in float64, truncated to int64
 * (internal/trace/base.go). nsPerTick is 1/(freq/1e9), computed once per generation.
 */
export function ticksToNs(nsPerTick: number, ticks: U64): Time {
  const x = (typeof ticks === 'number' ? ticks : Number(ticks)) * nsPerTick;
  // Fast path: a safe product truncates to a safe integer.
  if (x <= MAX_SAFE && x >= 0) return Math.trunc(x);
  return floatToI64(x);
}

/** Go's frequency: ns per tick from ticks per second, with Go's exact operation order. */
export function nsPerTick(ticksPerSecond: U64): number {
  return 1.0 / (toFloat(ticksPerSecond) / 1e9);
}

/** Decimal text of a value, as Go's %d prints it (bigint text has no suffix). */
export function dec(v: I64): string {
  return typeof v === 'number' ? String(v) : v.toString();
}

/** A time as a plain number (rounded past 2^53), for drawing and arithmetic on spans. */
export function timeToNumber(t: Time): number {
  return typeof t === 'number' ? t : Number(t);
}

/** A time as a bigint, always exact. */
export function timeToBigInt(t: Time): bigint {
  return typeof t === 'bigint' ? t : BigInt(t);
}

/** Go's cmp.Compare on int64 values. */
export function cmpI64(a: I64, b: I64): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

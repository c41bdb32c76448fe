// Human units for the flight recorder's two settings: MaxBytes in B/KiB/MiB and MinAge in
// ms/s, as a number plus a unit chosen by the user. Pure, so the round trip between what is
// typed and the bytes/milliseconds sent to the worker is tested without a DOM.

export type ByteUnit = 'B' | 'KiB' | 'MiB';
export type TimeUnit = 'ms' | 's';

export const BYTE_UNITS: readonly ByteUnit[] = ['B', 'KiB', 'MiB'];
export const TIME_UNITS: readonly TimeUnit[] = ['ms', 's'];

const BYTES: Record<ByteUnit, number> = { B: 1, KiB: 1024, MiB: 1024 * 1024 };
const MS: Record<TimeUnit, number> = { ms: 1, s: 1000 };

export interface Amount<U extends string> {
  readonly value: number;
  readonly unit: U;
}

/** The largest unit in which n is a whole number or has at most two decimals: 10 MiB, 16 KiB. */
export function splitBytes(n: number): Amount<ByteUnit> {
  for (const unit of ['MiB', 'KiB'] as const) {
    const hundredths = (n / BYTES[unit]) * 100;
    if (hundredths >= 100 && Number.isInteger(hundredths)) return { value: hundredths / 100, unit };
  }
  return { value: n, unit: 'B' };
}

export function splitMs(ms: number): Amount<TimeUnit> {
  return ms >= 1000 && ms % 10 === 0 ? { value: ms / 1000, unit: 's' } : { value: ms, unit: 'ms' };
}

/** value × unit in whole bytes, or null if the text was not a positive finite number. */
export function joinBytes(value: number, unit: ByteUnit): number | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const n = Math.round(value * BYTES[unit]);
  return n >= 1 && n <= Number.MAX_SAFE_INTEGER ? n : null;
}

/** value × unit in whole milliseconds (≥ 1), or null. */
export function joinMs(value: number, unit: TimeUnit): number | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const n = Math.round(value * MS[unit]);
  return n >= 1 && n <= Number.MAX_SAFE_INTEGER ? n : null;
}

/** The same quantity re-expressed in another unit (when the user flips the unit picker). */
export function convertBytes(value: number, from: ByteUnit, to: ByteUnit): number {
  return roundTo((value * BYTES[from]) / BYTES[to], 4);
}

export function convertMs(value: number, from: TimeUnit, to: TimeUnit): number {
  return roundTo((value * MS[from]) / MS[to], 4);
}

function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

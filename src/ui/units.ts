// Human units for the flight recorder's two settings: MaxBytes in B/KiB/MiB and MinAge in
// ms/s, as a number plus a unit chosen by the user, read with Go's rules for
// FlightRecorderConfig (0 is the default, a negative MinAge is valid). Pure, so the round trip
// between what is typed and the bytes/milliseconds sent to the worker is tested without a DOM.

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

/** A typed setting read as Go would take it, or why Go (or this page) cannot take it. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * MaxBytes as FlightRecorderConfig takes it (runtime/trace/flightrecorder.go): a uint64 count
 * of bytes, where 0 means the default (10 MiB). So a negative or fractional byte count is
 * refused, with words; 0 is accepted. Past RING_MAX_BYTES_CAP the page refuses what Go would
 * take, because the ring lives in this tab's memory.
 */
export function checkMaxBytes(value: number, unit: ByteUnit, cap: number): Checked<number> {
  if (!Number.isFinite(value)) return { ok: false, error: 'Type a number of bytes.' };
  if (value < 0) return { ok: false, error: 'MaxBytes cannot be negative: Go’s MaxBytes is an unsigned byte count (uint64).' };
  const n = value * BYTES[unit];
  if (!Number.isInteger(n)) return { ok: false, error: `MaxBytes is a whole number of bytes; ${value} ${unit} is ${n} bytes.` };
  if (n > cap) return { ok: false, error: `The ring lives in this tab’s memory: Flightdeck takes at most ${cap / BYTES.MiB / 1024 / 1024} TiB.` };
  return { ok: true, value: n };
}

/**
 * MinAge as FlightRecorderConfig takes it: a time.Duration (signed nanoseconds), where 0
 * means the default (10 s) and a negative age is valid. Only its size is capped here (the
 * ring lives in this tab), and a value that is not a number is refused.
 */
export function checkMinAge(value: number, unit: TimeUnit, capMs: number): Checked<number> {
  if (!Number.isFinite(value)) return { ok: false, error: 'Type a duration.' };
  const ms = value * MS[unit];
  if (Math.abs(ms) > capMs) return { ok: false, error: `The ring lives in this tab’s memory: Flightdeck takes a MinAge of at most ${capMs / 3_600_000} h either way.` };
  return { ok: true, value: ms };
}

/** What the recorder will do with a MaxBytes the form holds, when that needs saying. */
export function maxBytesNote(bytes: number): string | null {
  return bytes === 0 ? '0 means Go’s default, 10 MiB.' : null;
}

/** What the recorder will do with a MinAge the form holds, when that needs saying. */
export function minAgeNote(ms: number): string | null {
  // FlightRecorder tests the Duration in whole nanoseconds against 0 (flight-recorder.ts).
  if (Math.round(ms * 1e6) === 0) return '0 means Go’s default, 10 s.';
  if (ms < 0) return 'A negative MinAge is a valid Go duration: every generation is older than it, so by age the ring keeps only the newest generation.';
  return null;
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

// Axis ticks for byte counts: round numbers of bytes in binary units (0, 256 KiB, 512 KiB,
// 768 KiB, 1 MiB), never a decimal step of a unit (0.2 MiB is 204.8 KiB, which no one
// counts in). Pure, tested without a DOM.

const UNITS: readonly { bytes: number; name: string }[] = [
  { bytes: 1024 ** 3, name: 'GiB' },
  { bytes: 1024 ** 2, name: 'MiB' },
  { bytes: 1024, name: 'KiB' },
  { bytes: 1, name: 'B' },
];

/** Steps as multiples of a binary unit: powers of two, so ticks fall on whole KiB and MiB. */
const MULTIPLES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

export interface ByteTicks {
  /** The tick values, from 0 to top, in bytes. */
  readonly ticks: readonly number[];
  /** The axis top: the first tick at or above the largest value. */
  readonly top: number;
  readonly step: number;
}

/** At most `count` intervals from 0 covering maxBytes, with the smallest round step that fits. */
export function byteTicks(maxBytes: number, count = 4): ByteTicks {
  const max = Number.isFinite(maxBytes) && maxBytes > 0 ? maxBytes : 1;
  const n = Math.max(1, Math.floor(count));
  let step = 1;
  search: for (const u of [1, 1024, 1024 ** 2, 1024 ** 3, 1024 ** 4]) {
    for (const m of MULTIPLES) {
      step = m * u;
      if (Math.ceil(max / step) <= n) break search;
    }
  }
  const intervals = Math.max(1, Math.ceil(max / step));
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => i * step);
  return { ticks, top: intervals * step, step };
}

/**
 * A tick label in the largest unit that writes it in at most two decimals and at least 1:
 * "512 KiB", "1 MiB", "1.5 MiB", "0 B". Exact: a tick is a whole number of bytes.
 */
export function formatByteTick(bytes: number): string {
  if (bytes === 0) return '0 B';
  for (const u of UNITS) {
    const v = bytes / u.bytes;
    if (v >= 1 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9) {
      return `${Number(v.toFixed(2))} ${u.name}`;
    }
  }
  return `${bytes} B`;
}

// Number formatting for everything the UI prints. Numbers are shown in a monospace face,
// so these keep a stable shape (thin grouping, fixed decimals) rather than the shortest text.

const group = new Intl.NumberFormat('en-US');

/** An exact integer with thousands separators: 389,579. */
export function formatInt(n: number | bigint): string {
  return group.format(n);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** A byte count in binary units with one decimal above 1 KiB: "380.4 KiB", "512 B". */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  let v = n;
  let u = 0;
  while (v >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${BYTE_UNITS[u]}`;
}

/** A duration in the largest unit that keeps it ≥ 1: "1.25 s", "830 µs", "42 ns". */
export function formatDuration(ns: number | bigint): string {
  const v = typeof ns === 'bigint' ? Number(ns) : ns;
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1e9) return `${trim(v / 1e9)} s`;
  if (a >= 1e6) return `${trim(v / 1e6)} ms`;
  if (a >= 1e3) return `${trim(v / 1e3)} µs`;
  return `${Math.round(v)} ns`;
}

/** Three significant digits without trailing zeros after the point. */
function trim(v: number): string {
  const a = Math.abs(v);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  const text = v.toFixed(d);
  return d === 0 ? text : text.replace(/\.?0+$/, '');
}

/** "1 generation", "3 generations". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

/** A byte count in at most four digits and a unit, for tight spaces: "802 KiB", "1.1 MiB", "96 B". */
export function formatBytesShort(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  let v = n;
  let u = 0;
  while (v >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 || v >= 100 ? Math.round(v) : v.toFixed(1)} ${BYTE_UNITS[u]}`;
}

/** A speed reached, as a multiple of real time: "1.3×", "0.25×", "12×". */
export function formatSpeed(x: number): string {
  if (!Number.isFinite(x) || x < 0) return '—';
  const text = x >= 10 ? String(Math.round(x)) : x < 0.5 ? x.toFixed(2) : x.toFixed(1);
  return `${text}×`;
}

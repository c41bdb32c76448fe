// The words the live view uses for the flight recorder's ring: why a generation left it,
// and the rule itself. Pure, so the wording is tested without a DOM.
//
// The rule follows Go's runtime/trace recorder (endGeneration in recorder.go): after each
// seal the recorder starts a new ring with the generation just sealed, then walks back over
// the old ring adding older generations, and stops as soon as what it has kept is bigger
// than MaxBytes or reaches back further than MinAge. Whatever it did not reach is dropped.
// So the ring always keeps the generation that crosses a limit, never one wholly past it.

import type { EvictionRecord, LiveGeneration, RingLimits } from '../../state/store';
import { formatBytes, formatDuration, plural } from '../format';

export type Cause = NonNullable<LiveGeneration['cause']>;

/** Short names for the legend and the table. */
export function causeShort(cause: Cause | undefined): string {
  switch (cause) {
    case 'max-bytes':
      return 'over MaxBytes';
    case 'min-age':
      return 'older than MinAge';
    case 'stopped':
      return 'dropped by Stop';
    default:
      return 'evicted';
  }
}

/** "g4", "g4–g6", or "g4, g7" for the generations of one eviction. */
export function genRange(gens: readonly number[]): string {
  if (gens.length === 0) return 'no generation';
  const sorted = [...gens].sort((a, b) => a - b);
  const contiguous = sorted.every((g, i) => i === 0 || g === sorted[i - 1] + 1);
  if (sorted.length === 1) return `g${sorted[0]}`;
  return contiguous ? `g${sorted[0]}–g${sorted[sorted.length - 1]}` : sorted.map((g) => `g${g}`).join(', ');
}

/** One sentence on an eviction, naming the limit and its value when known. */
export function explainEviction(e: EvictionRecord, limits: RingLimits | null): string {
  const what = `${genRange(e.gens)} (${formatBytes(e.bytes)})`;
  const verb = e.gens.length === 1 ? 'was' : 'were';
  if (e.cause === 'max-bytes') {
    const limit = limits ? ` (${formatBytes(limits.maxBytes)})` : '';
    return `${what} ${verb} evicted because the newer generations already held more than MaxBytes${limit}.`;
  }
  const limit = limits ? ` (${formatDuration(limits.minAgeMs * 1e6)})` : '';
  return `${what} ${verb} evicted because the newer generations already reached back further than MinAge${limit}.`;
}

/** The ring's rule in one paragraph, with the limits in force filled in. */
export function ringRule(limits: RingLimits | null): string {
  const mb = limits ? formatBytes(limits.maxBytes) : 'MaxBytes';
  const age = limits ? formatDuration(limits.minAgeMs * 1e6) : 'MinAge';
  if (limits && limits.minAgeMs < 0) {
    // recorder.go endGeneration: every generation is older than a negative MinAge, so the
    // walk stops right after the newest one.
    return (
      `At every seal the recorder keeps the newest generation, then walks back through older ones. ` +
      `MinAge is negative (${age}), so every generation is already older than it: the walk stops before ` +
      `the first older one, and the ring holds only the newest generation, whatever MaxBytes (${mb}) allows.`
    );
  }
  return (
    `At every seal the recorder keeps the newest generation, then walks back through older ones ` +
    `and stops as soon as it holds more than ${mb} or reaches back more than ${age}: ` +
    `what it did not reach is evicted. Whichever limit is hit first wins.`
  );
}

/** Counts of evictions by cause over the remembered events, for the legend. */
export function causeCounts(evictions: readonly EvictionRecord[]): { maxBytes: number; minAge: number } {
  let maxBytes = 0;
  let minAge = 0;
  for (const e of evictions) {
    if (e.cause === 'max-bytes') maxBytes += e.gens.length;
    else minAge += e.gens.length;
  }
  return { maxBytes, minAge };
}

/** "3 generations · 48.0 KiB of 64.0 KiB" for the ring tile. */
export function ringFill(count: number, bytes: number, limits: RingLimits | null): string {
  return `${plural(count, 'generation')} · ${formatBytes(bytes)}${limits ? ` of ${formatBytes(limits.maxBytes)}` : ''}`;
}

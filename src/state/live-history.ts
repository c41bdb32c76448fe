// The live view's memory of sealed generations: pure functions from the worker's small
// summaries to the bounded list the timeline draws. Each returns a new array (zustand
// state is replaced, never mutated).

import type { EvictionCause } from '../worker/protocol';
import { LIVE_HISTORY, type LiveGeneration } from './store';

export interface SealedSummary {
  readonly gen: number;
  readonly bytes: number;
  readonly batches: number;
  readonly startNs: number;
  readonly endNs: number;
}

/**
 * Appends a sealed generation. inRing says whether the recorder took it into its ring
 * (false when the recorder is off). Keeps the newest `limit` generations.
 */
export function appendSealed(
  history: readonly LiveGeneration[],
  g: SealedSummary,
  inRing: boolean,
  limit = LIVE_HISTORY,
): LiveGeneration[] {
  const next = history.filter((h) => h.gen !== g.gen);
  next.push({ ...g, inRing, evicted: false });
  next.sort((a, b) => a.gen - b.gen);
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/**
 * Applies the recorder's ring after a seal: generations listed are in the ring; any that
 * was in the ring before and is not listed now was evicted. Generations that never entered
 * the ring (sealed while the recorder was off) stay as they were.
 */
export function applyRing(history: readonly LiveGeneration[], ringGens: readonly number[]): LiveGeneration[] {
  const ring = new Set(ringGens);
  let changed = false;
  const next = history.map((h) => {
    const inRing = ring.has(h.gen);
    if (inRing === h.inRing) return h;
    changed = true;
    return { ...h, inRing, evicted: h.evicted || (h.inRing && !inRing) };
  });
  return changed ? next : (history as LiveGeneration[]);
}

/**
 * Applies an `evicted` event: the listed generations left the ring because of `cause`.
 * Works whichever of `ring` and `evicted` arrives first for the same seal.
 */
export function applyEvicted(history: readonly LiveGeneration[], gens: readonly number[], cause: EvictionCause): LiveGeneration[] {
  const out = new Set(gens);
  let changed = false;
  const next = history.map((h) => {
    if (!out.has(h.gen) || (h.evicted && !h.inRing && h.cause === cause)) return h;
    changed = true;
    return { ...h, inRing: false, evicted: true, cause };
  });
  return changed ? next : (history as LiveGeneration[]);
}

/** Marks every generation out of the ring, as when the recorder stops and drops its ring. */
export function clearRing(history: readonly LiveGeneration[]): LiveGeneration[] {
  const next = applyRing(history, []);
  if (next === history) return next;
  return next.map((h, i) => (history[i].inRing ? { ...h, cause: 'stopped' as const } : h));
}

export interface RingExtent {
  readonly count: number;
  readonly bytes: number;
  readonly startNs: number;
  readonly endNs: number;
  readonly firstGen: number;
  readonly lastGen: number;
}

/** The ring's retained window: the span of the generations it holds, or null if empty. */
export function ringExtent(history: readonly LiveGeneration[]): RingExtent | null {
  let r: RingExtent | null = null;
  for (const h of history) {
    if (!h.inRing) continue;
    r = r
      ? {
          count: r.count + 1,
          bytes: r.bytes + h.bytes,
          startNs: Math.min(r.startNs, h.startNs),
          endNs: Math.max(r.endNs, h.endNs),
          firstGen: Math.min(r.firstGen, h.gen),
          lastGen: Math.max(r.lastGen, h.gen),
        }
      : { count: 1, bytes: h.bytes, startNs: h.startNs, endNs: h.endNs, firstGen: h.gen, lastGen: h.gen };
  }
  return r;
}

/** The time covered by the listed generations (a snapshot's), or null if none is remembered. */
export function spanOf(history: readonly LiveGeneration[], gens: readonly number[]): { startNs: number; endNs: number } | null {
  const want = new Set(gens);
  let span: { startNs: number; endNs: number } | null = null;
  for (const h of history) {
    if (!want.has(h.gen)) continue;
    span = span ? { startNs: Math.min(span.startNs, h.startNs), endNs: Math.max(span.endNs, h.endNs) } : { startNs: h.startNs, endNs: h.endNs };
  }
  return span;
}

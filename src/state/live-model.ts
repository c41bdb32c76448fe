// The runtime worker's unprompted events and status, folded into the live state: pure
// functions from (state, message) to a patch, so the whole live view's bookkeeping is tested
// without a worker or a DOM. live-actions.ts applies the patches to the store.

import type { RuntimeEvent, RuntimeStatus } from '../worker/protocol';
import { appendSealed, applyEvicted, applyRing, clearRing } from './live-history';
import {
  GO_DEFAULT_MAX_BYTES,
  GO_DEFAULT_MIN_AGE_MS,
  LIVE_EVICTIONS,
  LIVE_MARKS,
  LIVE_RATES,
  type Clock,
  type LiveError,
  type LiveState,
  type RateSample,
  type TriggerMark,
} from './store';

/** Appends to a bounded list, dropping the oldest. */
export function pushBounded<T>(list: readonly T[], item: T, limit: number): T[] {
  const next = list.length >= limit ? list.slice(list.length - limit + 1) : list.slice();
  next.push(item);
  return next;
}

/** What a fresh run of the runtime starts from: the timeline and its counters emptied. */
export function freshRun(live: LiveState): Partial<LiveState> {
  return {
    run: live.run + 1, history: [], evictions: [], evictedTotal: 0, rates: [], ringBytes: 0, nowNs: 0, clock: null, currentGen: 0 };
}

function clockAt(live: LiveState, nowNs: number, wallMs: number, running: boolean, speed: number): Clock {
  const measured = live.rates.length > 0 ? live.rates[live.rates.length - 1].traceNsPerSec : 0;
  return { nowNs, wallMs, traceNsPerSec: running ? measured || speed * 1e9 : 0 };
}

/** A status (reply or event) applied over the live state. */
export function applyStatus(live: LiveState, st: RuntimeStatus, wallMs: number): Partial<LiveState> {
  // Simulated time restarts at 0 with each runtime.start: an earlier "now" is a new run.
  const base: LiveState = st.nowNs < live.nowNs ? { ...live, ...freshRun(live) } : live;
  // While stopped, the controls own what the next runtime.start sends; while running, the
  // worker's status is the truth.
  const settings = st.running ? { workload: st.workload, seed: st.seed, go: st.go, speed: st.speed, params: st.params } : {};
  const patch: { -readonly [K in keyof LiveState]?: LiveState[K] } = {
    ...(base === live ? {} : freshRun(live)),
    ...settings,
    running: st.running,
    recording: st.recording,
    fullTracing: st.fullTracing,
    currentGen: st.currentGen,
    nowNs: Math.max(base.nowNs, st.nowNs),
    clock: clockAt(base, Math.max(base.nowNs, st.nowNs), wallMs, st.running, st.running ? st.speed : live.speed),
  };
  if (st.recording && !live.recording) {
    patch.limits = { maxBytes: st.maxBytes || GO_DEFAULT_MAX_BYTES, minAgeMs: st.minAgeMs || GO_DEFAULT_MIN_AGE_MS };
  } else if (!st.recording && live.recording) {
    // FlightRecorder.Stop drops the ring: nothing is held any more.
    patch.limits = null;
    patch.history = clearRing(patch.history ?? base.history);
    patch.ringBytes = 0;
  }
  return patch;
}

let errorSeq = 0;

export function liveError(action: string, code: string, message: string): LiveError {
  return { action, code, message, seq: ++errorSeq };
}

/** One unprompted event from the worker applied over the live state. */
export function applyEvent(live: LiveState, ev: RuntimeEvent, wallMs: number): Partial<LiveState> {
  switch (ev.kind) {
    case 'sealed': {
      const last = live.history.length > 0 ? live.history[live.history.length - 1] : null;
      const restarted = last !== null && ev.gen <= last.gen && ev.endNs < last.endNs;
      const base: LiveState = restarted ? { ...live, ...freshRun(live) } : live;
      return {
        ...(restarted ? freshRun(live) : {}),
        history: appendSealed(base.history, ev, ev.recording),
        nowNs: Math.max(base.nowNs, ev.endNs),
        currentGen: Math.max(base.currentGen, ev.gen + 1),
      };
    }
    case 'ring':
      return { history: applyRing(live.history, ev.gens), ringBytes: ev.bytes };
    case 'evicted':
      return {
        history: applyEvicted(live.history, ev.gens, ev.cause),
        evictedTotal: live.evictedTotal + ev.count,
        evictions: pushBounded(live.evictions, { gens: ev.gens, bytes: ev.bytes, cause: ev.cause, atNs: live.nowNs }, LIVE_EVICTIONS),
      };
    case 'throughput': {
      const sample: RateSample = {
        bytesPerSec: ev.bytesPerSec,
        eventsPerSec: ev.eventsPerSec,
        traceNsPerSec: ev.traceNsPerSec,
        totalBytes: ev.totalBytes,
        nowNs: ev.nowNs,
        speed: ev.speed ?? null,
        openBytes: ev.openBytes ?? null,
      };
      const nowNs = Math.max(live.nowNs, ev.nowNs);
      return {
        rates: pushBounded(live.rates, sample, LIVE_RATES),
        nowNs,
        clock: { nowNs, wallMs, traceNsPerSec: live.running ? ev.traceNsPerSec || live.speed * 1e9 : 0 },
      };
    }
    case 'status':
      return applyStatus(live, ev.status, wallMs);
    case 'fault':
      return { error: liveError('Runtime', 'fault', ev.message) };
    case 'triggered': {
      const mark: TriggerMark = {
        trigger: ev.trigger,
        atNs: ev.atNs,
        valueNs: ev.valueNs,
        thresholdNs: ev.thresholdNs,
        run: live.run,
        entry: null,
        error: ev.error ?? null,
      };
      return { triggerMarks: pushBounded(live.triggerMarks, mark, LIVE_MARKS) };
    }
  }
}

/**
 * "Now" between messages: the last known simulated time moved on at the measured rate,
 * but never more than maxAheadMs of wall time past the last message (a stalled worker
 * must not look like a running one).
 */
export function extrapolateNow(clock: Clock | null, fallbackNs: number, wallMs: number, maxAheadMs = 1500): number {
  if (!clock || clock.traceNsPerSec <= 0) return fallbackNs;
  const ahead = Math.min(maxAheadMs, Math.max(0, wallMs - clock.wallMs));
  return Math.max(fallbackNs, clock.nowNs + (ahead / 1000) * clock.traceNsPerSec);
}

/**
 * Bytes written so far into the generation still open, at simulated time nowNs. The worker
 * reports the open generation's bytes with each throughput sample (about once a wall second)
 * and the bytes per simulated ns over that second; between samples the count grows at that
 * rate. If a seal came after the sample, the open generation started at that seal. This is
 * the one estimate the tiles and the timeline show. Null before the first sample.
 */
export function openGenerationBytes(live: Pick<LiveState, 'rates' | 'history'>, nowNs: number): number | null {
  if (live.rates.length === 0) return null;
  const r = live.rates[live.rates.length - 1];
  if (r.traceNsPerSec <= 0) return null;
  const perNs = r.bytesPerSec / r.traceNsPerSec;
  const sealedAt = live.history.length > 0 ? live.history[live.history.length - 1].endNs : 0;
  if (r.openBytes !== null && r.nowNs >= sealedAt) return Math.round(r.openBytes + perNs * Math.max(0, nowNs - r.nowNs));
  return Math.round(perNs * Math.max(0, nowNs - sealedAt));
}

/** How many recent samples at one asked speed must fall short before the view warns. */
export const SLOW_SAMPLES = 2;
/** A speed reached below this fraction of the one asked counts as falling behind. */
export const KEEP_UP_FRACTION = 0.9;

export interface SpeedReached {
  /** Simulated seconds per wall second over the last sample at this speed. */
  readonly reached: number;
  readonly asked: number;
  /** The last SLOW_SAMPLES samples at this speed all fell short of it. */
  readonly behind: boolean;
}

/**
 * The speed the simulation really reaches (the Speed control must not claim 8×
 * when the runtime manages 1×): measured by the worker from simulated time covered per
 * wall second, over the samples taken at the speed asked now. Null until one arrives.
 */
export function speedReached(live: Pick<LiveState, 'rates' | 'speed' | 'running'>): SpeedReached | null {
  if (!live.running) return null;
  const same = live.rates.filter((r) => r.speed === live.speed);
  if (same.length === 0) return null;
  const last = same.slice(-SLOW_SAMPLES);
  const reached = last[last.length - 1].traceNsPerSec / 1e9;
  const behind = last.length === SLOW_SAMPLES && last.every((r) => r.traceNsPerSec / 1e9 < live.speed * KEEP_UP_FRACTION);
  return { reached, asked: live.speed, behind };
}

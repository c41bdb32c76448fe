// Triggers: Go's flight-recorder pattern (the "Flight recorder in Go 1.25" blog post), built
// in. The simulated program reports each request's latency and each stop-the-world pause
// (SimulatedRuntime.observe); when one passes its threshold the watch notes a firing, and the
// worker then calls FlightRecorder.WriteTo exactly as the Snapshot button does. The recorder
// itself knows nothing of triggers. After firing, a trigger rests for `cooldownMs` of
// simulated time, so one burst of slow requests gives one snapshot, not hundreds.
// Pure (no worker globals): driven by the handler, tested in Node.

import type { RuntimeObserver } from '../runtime/index';
import type { TriggerKind, TriggerSettings } from './protocol';

/** A trigger that fired, waiting for the worker to take the snapshot. */
export interface Firing {
  readonly trigger: TriggerKind;
  /** The request's latency or the pause's length. */
  readonly valueNs: number;
  readonly thresholdNs: number;
  /** Simulated time the request or pause ended. */
  readonly atNs: number;
}

export const DEFAULT_TRIGGERS: TriggerSettings = { slowRequestMs: null, gcPauseMs: null, cooldownMs: 5000 };

export class TriggerWatch implements RuntimeObserver {
  settings: TriggerSettings = DEFAULT_TRIGGERS;
  /** The firing not yet acted on (at most one: the first wins until the snapshot is taken). */
  pending: Firing | null = null;
  private readonly lastFiredNs: Record<TriggerKind, number> = { 'slow-request': -Infinity, 'gc-pause': -Infinity };

  get armed(): boolean {
    return this.settings.slowRequestMs !== null || this.settings.gcPauseMs !== null;
  }

  request(latencyNs: number, endNs: number): void {
    this.check('slow-request', this.settings.slowRequestMs, latencyNs, endNs);
  }

  gcPause(durationNs: number, endNs: number): void {
    this.check('gc-pause', this.settings.gcPauseMs, durationNs, endNs);
  }

  /** Hands over the pending firing (the worker is about to snapshot) and starts its rest. */
  take(): Firing | null {
    const f = this.pending;
    this.pending = null;
    if (f !== null) this.lastFiredNs[f.trigger] = f.atNs;
    return f;
  }

  /** A new run of the runtime: simulated time starts again at 0. */
  reset(): void {
    this.pending = null;
    this.lastFiredNs['slow-request'] = -Infinity;
    this.lastFiredNs['gc-pause'] = -Infinity;
  }

  private check(trigger: TriggerKind, thresholdMs: number | null, valueNs: number, atNs: number): void {
    if (thresholdMs === null || this.pending !== null) return;
    const thresholdNs = thresholdMs * 1e6;
    if (!(valueNs > thresholdNs)) return;
    if (atNs - this.lastFiredNs[trigger] < this.settings.cooldownMs * 1e6) return;
    this.pending = { trigger, valueNs, thresholdNs, atNs };
  }
}

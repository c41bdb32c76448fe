import { describe, expect, it } from 'vitest';
import { TriggerWatch } from './triggers';

describe('trigger watch', () => {
  it('fires on a request slower than its threshold, once, then rests for the cooldown', () => {
    const w = new TriggerWatch();
    w.request(500e6, 1e9); // off: nothing
    expect(w.pending).toBeNull();
    w.settings = { slowRequestMs: 100, gcPauseMs: null, cooldownMs: 5000 };
    w.request(99e6, 1e9);
    w.request(100e6, 1.1e9); // not longer than the threshold
    expect(w.pending).toBeNull();
    w.request(150e6, 2e9);
    w.request(300e6, 2.1e9); // the first one wins until taken
    expect(w.take()).toEqual({ trigger: 'slow-request', valueNs: 150e6, thresholdNs: 100e6, atNs: 2e9 });
    expect(w.take()).toBeNull();
    w.request(400e6, 6.9e9); // resting: 4.9 s after the firing
    expect(w.pending).toBeNull();
    w.request(400e6, 7e9);
    expect(w.take()?.atNs).toBe(7e9);
  });

  it('watches GC pauses on their own threshold and rest, and starts afresh with a new run', () => {
    const w = new TriggerWatch();
    w.settings = { slowRequestMs: 100, gcPauseMs: 0.1, cooldownMs: 1000 };
    w.gcPause(90e3, 1e9);
    expect(w.pending).toBeNull();
    w.gcPause(120e3, 1e9);
    expect(w.take()).toEqual({ trigger: 'gc-pause', valueNs: 120e3, thresholdNs: 100e3, atNs: 1e9 });
    // A slow request right after is another trigger: not resting.
    w.request(200e6, 1.2e9);
    expect(w.take()?.trigger).toBe('slow-request');
    w.reset();
    w.gcPause(120e3, 0.5e9); // a new run's clock starts at 0
    expect(w.take()?.atNs).toBe(0.5e9);
  });
});

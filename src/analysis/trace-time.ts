// Times in the analyses are plain numbers: nanoseconds since the trace's first event, the
// timeline's origin (navigation.ts's TimelineFocus uses the same). Go keeps int64 absolute
// times; every number Go shows is a difference of two of them, so relative times give the same
// results exactly while the trace spans less than 2^53 ns (~104 days).

import type { Time } from '../trace/parse/index';

export class TraceClock {
  private origin: Time | null = null;
  private originNum = 0;
  private big = false;

  /** Nanoseconds since the first time this clock was given (which becomes 0). */
  rel(t: Time): number {
    if (this.origin === null) {
      this.origin = t;
      this.big = typeof t === 'bigint';
      this.originNum = typeof t === 'number' ? t : 0;
      return 0;
    }
    if (!this.big && typeof t === 'number') return t - this.originNum;
    return Number(BigInt(t) - BigInt(this.origin));
  }

  /**
   * Shown every event's time, so relative 0 is the trace's first event even for a sink that
   * looks at few kinds (the timeline and every other page measure from that event).
   */
  see(t: Time): void {
    if (this.origin === null) this.rel(t);
  }

  /** The absolute time of relative 0 (Go's trace.Time of the first event); null before any. */
  get originTime(): Time | null {
    return this.origin;
  }
}

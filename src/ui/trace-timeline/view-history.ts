// When a change of view becomes a new Back/Forward entry. A deliberate jump (zoom to a
// selection, show all, following a link to another goroutine) always pushes one. Continuous
// movement (a wheel burst, a drag, a held key) pushes once when it starts, then rewrites that
// entry while it goes on, so Back returns to where the gesture began rather than stepping
// through every frame of it. A gesture ends after GESTURE_GAP_MS without movement.
// Pure: the caller passes the time.

export const GESTURE_GAP_MS = 600;

export type HistoryMode = 'push' | 'replace';

export class ViewHistory {
  private lastMoveMs = -Infinity;

  /** A step of continuous movement at nowMs. */
  move(nowMs: number): HistoryMode {
    const starts = nowMs - this.lastMoveMs > GESTURE_GAP_MS;
    this.lastMoveMs = nowMs;
    return starts ? 'push' : 'replace';
  }

  /** A deliberate jump: its own entry, and the next movement starts a new gesture. */
  jump(): HistoryMode {
    this.lastMoveMs = -Infinity;
    return 'push';
  }
}

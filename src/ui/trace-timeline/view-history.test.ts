import { describe, expect, it } from 'vitest';
import { GESTURE_GAP_MS, ViewHistory } from './view-history';

describe('ViewHistory', () => {
  it('pushes when a movement starts and replaces while it goes on', () => {
    const h = new ViewHistory();
    expect([h.move(0), h.move(16), h.move(32), h.move(32 + GESTURE_GAP_MS - 1)]).toEqual(['push', 'replace', 'replace', 'replace']);
    expect(h.move(32 + 2 * GESTURE_GAP_MS + 10)).toBe('push');
  });

  it('a jump is its own entry and ends the gesture before it', () => {
    const h = new ViewHistory();
    h.move(0);
    expect(h.jump()).toBe('push');
    expect(h.move(10)).toBe('push');
  });
});

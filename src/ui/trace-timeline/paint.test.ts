import { describe, expect, it } from 'vitest';
import { LABEL_CHAR_CSS_PX, LabelQueue } from './paint';

describe('LabelQueue', () => {
  it('cuts the earlier label where a later one on the same line begins, so they never overprint', () => {
    const q = new LabelQueue();
    q.add(0, 400, 10, 'request 1 (a long task name)', 'x');
    q.add(60, 400, 10, 'request 2', 'x');
    q.add(60, 400, 30, 'db 1', 'x'); // another line: untouched
    const [a, b, c] = q.items;
    expect(a.x + a.text.length * LABEL_CHAR_CSS_PX).toBeLessThanOrEqual(b.x - 4);
    expect(a.text.endsWith('…')).toBe(true);
    expect(b.text).toBe('request 2');
    expect(c.text).toBe('db 1');
  });

  it('keeps both labels whole when they do not meet', () => {
    const q = new LabelQueue();
    q.add(0, 100, 10, 'req 1', 'x');
    q.add(200, 400, 10, 'req 2', 'x');
    expect(q.items.map((l) => l.text)).toEqual(['req 1', 'req 2']);
  });

  it('drops the labels of rows hidden under pinned headers, keeps the rest in order', () => {
    const q = new LabelQueue();
    q.add(0, 100, 5, 'under the header', 'x');
    q.add(0, 100, 40, 'below it', 'x');
    q.add(200, 300, 12, 'also under', 'x');
    q.add(200, 300, 60, 'further down', 'x');
    q.dropAbove(30);
    expect(q.items.map((l) => l.text)).toEqual(['below it', 'further down']);
  });
});

import { describe, expect, it } from 'vitest';
import type { EvictionRecord } from '../../state/store';
import { causeCounts, causeShort, explainEviction, genRange, ringFill, ringRule } from './eviction-text';

const ev = (gens: number[], bytes: number, cause: EvictionRecord['cause']): EvictionRecord => ({ gens, bytes, cause, atNs: 0 });

describe('eviction wording', () => {
  it('names generation runs compactly', () => {
    expect(genRange([7])).toBe('g7');
    expect(genRange([6, 4, 5])).toBe('g4–g6');
    expect(genRange([4, 7])).toBe('g4, g7');
    expect(genRange([])).toBe('no generation');
  });

  it('explains each cause with the limit in force', () => {
    const limits = { maxBytes: 16 * 1024, minAgeMs: 2500 };
    expect(explainEviction(ev([3], 20480, 'max-bytes'), limits)).toBe(
      'g3 (20.0 KiB) was evicted because the newer generations already held more than MaxBytes (16.0 KiB).',
    );
    expect(explainEviction(ev([3, 4], 2048, 'min-age'), limits)).toBe(
      'g3–g4 (2.0 KiB) were evicted because the newer generations already reached back further than MinAge (2.5 s).',
    );
    expect(explainEviction(ev([9], 1, 'min-age'), null)).toMatch(/further than MinAge\.$/);
  });

  it('states the rule with the numbers, or with the names before the recorder starts', () => {
    expect(ringRule({ maxBytes: 10 << 20, minAgeMs: 10_000 })).toContain('more than 10.0 MiB or reaches back more than 10 s');
    expect(ringRule(null)).toContain('more than MaxBytes or reaches back more than MinAge');
    expect(ringRule({ maxBytes: 10 << 20, minAgeMs: -1000 })).toContain('MinAge is negative (-1 s)');
    expect(ringRule({ maxBytes: 10 << 20, minAgeMs: -1000 })).toContain('the ring holds only the newest generation');
  });

  it('counts evicted generations by cause and words the short forms', () => {
    expect(causeCounts([ev([1, 2], 10, 'max-bytes'), ev([3], 5, 'min-age'), ev([4], 5, 'max-bytes')])).toEqual({ maxBytes: 3, minAge: 1 });
    expect([causeShort('max-bytes'), causeShort('min-age'), causeShort('stopped'), causeShort(undefined)]).toEqual([
      'over MaxBytes',
      'older than MinAge',
      'dropped by Stop',
      'evicted',
    ]);
    expect(ringFill(2, 3072, { maxBytes: 4096, minAgeMs: 1 })).toBe('2 generations · 3.0 KiB of 4.0 KiB');
    expect(ringFill(1, 10, null)).toBe('1 generation · 10 B');
  });
});

import { describe, expect, it } from 'vitest';
import { parsePreference, resolveTheme } from './theme';

describe('theme preference', () => {
  it('reads only the values it writes; anything else follows the system', () => {
    expect(parsePreference('light')).toBe('light');
    expect(parsePreference('dark')).toBe('dark');
    for (const raw of [null, undefined, '', 'system', 'Dark', 'auto', '{"theme":"dark"}']) expect(parsePreference(raw)).toBe('system');
  });

  it('system follows prefers-color-scheme; a choice overrides it', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

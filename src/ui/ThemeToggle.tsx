// The theme switch in the top bar: follow the system, or force light or dark. A radio group
// (arrow keys move and choose, as the ARIA radio pattern expects) of three icon buttons.

import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { setThemePreference, THEME_PREFERENCES, useEffectiveTheme, useThemePreference, type ThemePreference } from './theme';
import './shell.css';

const LABEL: Record<ThemePreference, string> = {
  system: 'Theme: follow the system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

const ICON: Record<ThemePreference, ReactNode> = {
  system: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  light: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  dark: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />,
};

export function ThemeToggle() {
  const pref = useThemePreference();
  const effective = useEffectiveTheme();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKey = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = (i + step + THEME_PREFERENCES.length) % THEME_PREFERENCES.length;
    setThemePreference(THEME_PREFERENCES[next]);
    refs.current[next]?.focus();
  };

  return (
    <div className="theme-toggle" role="radiogroup" aria-label="Theme" data-effective={effective}>
      {THEME_PREFERENCES.map((p, i) => (
        <button
          key={p}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={pref === p}
          aria-label={LABEL[p]}
          title={p === 'system' ? `${LABEL[p]} (now ${effective})` : LABEL[p]}
          tabIndex={pref === p ? 0 : -1}
          onClick={() => setThemePreference(p)}
          onKeyDown={(e) => onKey(e, i)}
        >
          <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            {ICON[p]}
          </svg>
        </button>
      ))}
    </div>
  );
}

// Light and dark themes. The user picks system / light / dark (remembered in localStorage);
// the effective theme is written to <html data-theme="light|dark">, and styles.css overrides
// its custom properties under html[data-theme='dark']. Canvas code reads colours through
// getComputedStyle, so it subscribes here (onThemeChange or useEffectiveTheme) and re-reads
// its palette and redraws when the theme changes.

import { useSyncExternalStore } from 'react';

export type ThemePreference = 'system' | 'light' | 'dark';
export type EffectiveTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'flightdeck.theme';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** Anything unknown in storage (another version, a hand edit) means "follow the system". */
export function parsePreference(raw: string | null | undefined): ThemePreference {
  return raw === 'light' || raw === 'dark' ? raw : 'system';
}

export function resolveTheme(pref: ThemePreference, systemDark: boolean): EffectiveTheme {
  if (pref === 'system') return systemDark ? 'dark' : 'light';
  return pref;
}

type Listener = (theme: EffectiveTheme) => void;
const listeners = new Set<Listener>();
let preference: ThemePreference = 'system';
let effective: EffectiveTheme = 'light';
let media: MediaQueryList | null = null;
let installed = false;

function readStored(): ThemePreference {
  try {
    return parsePreference(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system'; // storage disabled (privacy settings): the system decides
  }
}

function systemDark(): boolean {
  return media?.matches ?? false;
}

function apply(): void {
  const next = resolveTheme(preference, systemDark());
  const root = document.documentElement;
  // Written only when different: observers of the attribute (canvas code) redraw on each write.
  if (root.dataset.theme !== next) root.dataset.theme = next;
  if (root.dataset.themePreference !== preference) root.dataset.themePreference = preference;
  // The browser's own chrome (address bar on mobile, installed-app title bar) follows too.
  const meta = document.querySelector('meta[name="theme-color"]');
  if (meta) meta.setAttribute('content', getComputedStyle(root).getPropertyValue('--panel').trim() || (next === 'dark' ? '#171b22' : '#ffffff'));
  const changed = next !== effective;
  effective = next;
  if (changed) for (const l of [...listeners]) l(next);
}

/**
 * Applies the stored preference before the first render and follows the system setting and
 * other tabs from then on. Called once from main.tsx; later calls do nothing.
 */
export function installTheme(): void {
  if (installed) return;
  installed = true;
  media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  preference = readStored();
  effective = resolveTheme(preference, systemDark());
  apply();
  media?.addEventListener('change', apply);
  // A choice made in another tab of the app applies here as well.
  window.addEventListener('storage', (e) => {
    if (e.key !== THEME_STORAGE_KEY) return;
    preference = parsePreference(e.newValue);
    apply();
    notifyPreference();
  });
}

export function themePreference(): ThemePreference {
  return preference;
}

export function effectiveTheme(): EffectiveTheme {
  return effective;
}

export function setThemePreference(pref: ThemePreference): void {
  preference = pref;
  try {
    if (pref === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, pref);
  } catch {
    // not remembered, but still applied to this tab
  }
  apply();
  notifyPreference();
}

/** Calls f with the new effective theme after each change; returns the unsubscribe. */
export function onThemeChange(f: Listener): () => void {
  listeners.add(f);
  return () => {
    listeners.delete(f);
  };
}

const prefListeners = new Set<() => void>();
function notifyPreference(): void {
  for (const l of [...prefListeners]) l();
}

/** The effective theme, re-rendering the component when it changes (canvas redraws key on it). */
export function useEffectiveTheme(): EffectiveTheme {
  return useSyncExternalStore(onThemeChange, effectiveTheme, effectiveTheme);
}

/** What the user chose (system / light / dark), for the toggle. */
export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(
    (f) => {
      prefListeners.add(f);
      return () => {
        prefListeners.delete(f);
      };
    },
    themePreference,
    themePreference,
  );
}

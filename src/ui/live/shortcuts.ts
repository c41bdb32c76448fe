// Keyboard shortcuts of the live view, for a speaker who should not hunt for buttons:
// R starts or stops the runtime, E the flight recorder, S takes a snapshot, T turns the
// triggers on or off, P toggles presenter mode (Escape leaves it). Single letters without
// modifiers, ignored while typing in a field or when a focused control (the timeline) has
// already used the key.

import { useEffect } from 'react';
import * as live from '../../state/live-actions';
import { useApp } from '../../state/store';

export interface Shortcut {
  readonly key: string;
  readonly what: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'R', what: 'start / stop the runtime' },
  { key: 'E', what: 'start / stop the flight recorder' },
  { key: 'S', what: 'snapshot' },
  { key: 'T', what: 'triggers on / off' },
  { key: 'P', what: 'presenter mode on / off' },
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'select' || tag === 'textarea' || el.isContentEditable;
}

/** What a key does right now, or null; exported for the buttons' aria-keyshortcuts. */
export function actionFor(key: string): (() => void) | null {
  const s = useApp.getState().live;
  switch (key.toLowerCase()) {
    case 'r':
      return s.connected ? () => void (s.running ? live.stopRuntime() : live.startRuntime()) : null;
    case 'e':
      return s.connected && (s.recording || s.running) ? () => void (s.recording ? live.stopRecorder() : live.startRecorder()) : null;
    case 's':
      return s.connected && s.recording ? () => void live.takeSnapshot() : null;
    case 't':
      return () => void live.toggleTriggers();
    case 'p':
      return () => live.setPresenter(!s.presenter);
    case 'escape':
      return s.presenter ? () => live.setPresenter(false) : null;
    default:
      return null;
  }
}

export function useLiveShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat || typing(e.target)) return;
      const act = actionFor(e.key);
      if (act === null) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

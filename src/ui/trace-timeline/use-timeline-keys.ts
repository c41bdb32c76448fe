// The timeline's keys, on the whole page while the timeline is shown (as in Perfetto): W/S/A/D
// go to the controller, which keeps moving while they are held; the rest are actions from
// shortcuts.ts. Keys typed into a text field, or with Ctrl/Alt/⌘, are left alone.

import { useEffect, useRef, type RefObject } from 'react';
import type { TimelineController } from './controller';
import { shortcutFor, type ShortcutAction } from './shortcuts';
import { keyMove } from './viewport';

function typing(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT';
}

export function useTimelineKeys(controller: RefObject<TimelineController | null>, onAction: (a: ShortcutAction, shift: boolean) => void, enabled: boolean): void {
  const act = useRef(onAction);
  act.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const down = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || e.defaultPrevented) return;
      const move = keyMove(e.key);
      if (move) {
        controller.current?.keyDown(move, e.shiftKey, e.repeat);
        e.preventDefault();
        return;
      }
      const a = shortcutFor(e.key, e.shiftKey);
      // Enter on a focused button is the button's own; only N steps through results there.
      if (!a || (e.key === 'Enter' && e.target instanceof HTMLButtonElement)) return;
      e.preventDefault();
      act.current(a, e.shiftKey);
    };
    const up = (e: KeyboardEvent) => {
      const move = keyMove(e.key);
      if (move) controller.current?.keyUp(move);
    };
    const blur = () => controller.current?.keyUp(null);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      controller.current?.keyUp(null);
    };
  }, [controller, enabled]);
}

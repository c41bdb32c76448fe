// Every shortcut of the timeline, in one list: the `?` overlay prints it and the key handler
// dispatches from it, so the two cannot disagree. The keys follow Perfetto and Catapult
// (W/S/A/D, F, ?), which Go developers know from `go tool trace`.

export type ShortcutAction =
  | 'zoom-in'
  | 'zoom-out'
  | 'pan-left'
  | 'pan-right'
  | 'zoom-selection'
  | 'show-all'
  | 'clear'
  | 'search'
  | 'next-match'
  | 'prev-match'
  | 'help';

export interface Shortcut {
  /** Key names as KeyboardEvent.key gives them (letters lower-case). */
  readonly keys: readonly string[];
  /** What the overlay shows for the keys. */
  readonly label: string;
  readonly action: ShortcutAction;
  readonly text: string;
  readonly group: 'Move' | 'Select and search' | 'Help';
  /** Shift is part of the shortcut (N for the previous match). */
  readonly shift?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['w'], label: 'W', action: 'zoom-in', text: 'Zoom in at the pointer (hold to keep zooming, Shift for faster)', group: 'Move' },
  { keys: ['s'], label: 'S', action: 'zoom-out', text: 'Zoom out', group: 'Move' },
  { keys: ['a'], label: 'A', action: 'pan-left', text: 'Move to earlier time', group: 'Move' },
  { keys: ['d'], label: 'D', action: 'pan-right', text: 'Move to later time', group: 'Move' },
  { keys: ['f'], label: 'F', action: 'zoom-selection', text: 'Zoom to the selected span, or to the measured interval', group: 'Move' },
  { keys: ['0'], label: '0', action: 'show-all', text: 'Show the whole trace', group: 'Move' },
  { keys: ['escape'], label: 'Esc', action: 'clear', text: 'Clear the selection and the measurement', group: 'Select and search' },
  { keys: ['/'], label: '/', action: 'search', text: 'Search goroutines by ID or start function', group: 'Select and search' },
  { keys: ['n', 'enter'], label: 'N or Enter', action: 'next-match', text: 'Next search result', group: 'Select and search' },
  { keys: ['n', 'enter'], label: 'Shift+N or Shift+Enter', action: 'prev-match', text: 'Previous search result', group: 'Select and search', shift: true },
  { keys: ['?'], label: '?', action: 'help', text: 'Show or hide this list', group: 'Help' },
];

/** Pointer gestures, listed in the overlay after the keys. */
export const GESTURES: readonly { readonly label: string; readonly text: string }[] = [
  { label: 'Ctrl+wheel or pinch', text: 'Zoom at the pointer (the wheel alone zooms over the time ruler)' },
  { label: 'Wheel', text: 'Scroll the lanes up and down; Shift+wheel moves through time' },
  { label: 'Drag', text: 'Move through time' },
  { label: 'Shift+drag', text: 'Measure a duration' },
  { label: 'Click', text: 'Select a span: its goroutine, stack, states and who woke it' },
  { label: 'Alt+← / Alt+→', text: 'Back and Forward through earlier views (the browser’s own)' },
];

/** The action for a key press, or null. `?` arrives as Shift+/ on most layouts: shift is ignored for it. */
export function shortcutFor(key: string, shift: boolean): ShortcutAction | null {
  const k = key.length === 1 ? key.toLowerCase() : key.toLowerCase();
  if (k === '?') return 'help';
  for (const s of SHORTCUTS) {
    if (!s.keys.includes(k)) continue;
    if (s.action === 'next-match' || s.action === 'prev-match') {
      if ((s.shift ?? false) === shift) return s.action;
      continue;
    }
    return s.action;
  }
  return null;
}

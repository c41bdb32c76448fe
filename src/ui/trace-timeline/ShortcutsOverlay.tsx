// The `?` overlay: every key and gesture of the timeline, from the one list the key handler
// uses (shortcuts.ts). A modal dialog: focus moves into it, Escape or ? closes it and focus
// returns to where it was.

import { useEffect, useRef } from 'react';
import { GESTURES, SHORTCUTS } from './shortcuts';

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.focus();
    return () => before?.focus?.();
  }, []);
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  return (
    <div className="tl-help-backdrop" onClick={onClose}>
      <div
        className="tl-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="tl-help-title"
        tabIndex={-1}
        ref={box}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <button type="button" className="btn small" style={{ float: 'right' }} onClick={onClose} aria-label="Close the shortcuts list">
          Close
        </button>
        <h2 id="tl-help-title">Timeline shortcuts</h2>
        {groups.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <dl>
              {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                <div key={s.label + s.action} style={{ display: 'contents' }}>
                  <dt>
                    <kbd>{s.label}</kbd>
                  </dt>
                  <dd>{s.text}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section>
          <h3>Pointer</h3>
          <dl>
            {GESTURES.map((g) => (
              <div key={g.label} style={{ display: 'contents' }}>
                <dt>
                  <kbd>{g.label}</kbd>
                </dt>
                <dd>{g.text}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}

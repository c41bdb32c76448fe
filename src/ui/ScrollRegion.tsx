// A box that scrolls its content (a long table). Chromium makes any scrolling box a tab stop,
// so that keyboard users can scroll it; a tab stop must say what it is, so the box is a
// region named after what it holds.

import type { ReactNode } from 'react';

export function ScrollRegion({ label, className = 'table-wrap', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} role="region" aria-label={`${label} (scrolls)`} tabIndex={0}>
      {children}
    </div>
  );
}

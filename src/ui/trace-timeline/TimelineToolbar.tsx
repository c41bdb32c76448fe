// The toolbar over the timeline: Back/Forward through earlier views, zoom, show all, zoom to
// the selection, the goroutine search with previous/next, the visible range and the measured
// duration, and the shortcuts list. Every control is a button or input with a name.

import type { RefObject } from 'react';
import { formatDuration, formatInt } from '../format';

export interface ToolbarProps {
  readonly filterText: string;
  readonly matchCount: number | null;
  readonly resultLabel: string | null;
  /** The visible range is written here directly while the view moves (no render per frame). */
  readonly rangeRef: RefObject<HTMLSpanElement | null>;
  readonly measureText: string | null;
  readonly canZoomToSelection: boolean;
  readonly searchRef: RefObject<HTMLInputElement | null>;
  onFilter(text: string): void;
  onStep(dir: 1 | -1): void;
  onZoom(factor: number): void;
  onShowAll(): void;
  onZoomToSelection(): void;
  onHelp(): void;
}

const Icon = ({ d }: { d: string }) => (
  <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d={d} />
  </svg>
);

export function TimelineToolbar(p: ToolbarProps) {
  return (
    <div className="card tl-toolbar" role="toolbar" aria-label="Timeline controls">
      <button type="button" className="btn" onClick={() => history.back()} aria-label="Back to the previous view" title="Back (Alt+←)">
        <Icon d="M15 18l-6-6 6-6" />
      </button>
      <button type="button" className="btn" onClick={() => history.forward()} aria-label="Forward to the next view" title="Forward (Alt+→)">
        <Icon d="M9 18l6-6-6-6" />
      </button>
      <span className="sep" aria-hidden="true" />
      <button type="button" className="btn" onClick={() => p.onZoom(1.6)} aria-label="Zoom in" title="Zoom in (W)">
        <Icon d="M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM21 21l-5-5M11 8v6M8 11h6" />
      </button>
      <button type="button" className="btn" onClick={() => p.onZoom(1 / 1.6)} aria-label="Zoom out" title="Zoom out (S)">
        <Icon d="M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM21 21l-5-5M8 11h6" />
      </button>
      <button type="button" className="btn" onClick={p.onShowAll} title="Show the whole trace (0)">
        Show all
      </button>
      <button type="button" className="btn" onClick={p.onZoomToSelection} disabled={!p.canZoomToSelection} title="Zoom to the selection or the measured interval (F)">
        Zoom to selection
      </button>
      <span className="sep" aria-hidden="true" />
      <div className="tl-search" role="search">
        <input
          ref={p.searchRef}
          type="search"
          value={p.filterText}
          placeholder="Goroutine ID or function"
          aria-label="Filter goroutines by ID or start function"
          aria-describedby="tl-match-count"
          onChange={(e) => p.onFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              p.onStep(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              if (p.filterText !== '') p.onFilter('');
              else e.currentTarget.blur();
              e.preventDefault();
            }
          }}
        />
        <button type="button" className="btn" onClick={() => p.onStep(-1)} disabled={!p.matchCount} aria-label="Previous result" title="Previous result (Shift+N)">
          <Icon d="M18 15l-6-6-6 6" />
        </button>
        <button type="button" className="btn" onClick={() => p.onStep(1)} disabled={!p.matchCount} aria-label="Next result" title="Next result (N)">
          <Icon d="M6 9l6 6 6-6" />
        </button>
        <span id="tl-match-count" className="count" aria-live="polite" data-testid="match-count">
          {p.matchCount === null ? '' : `${formatInt(p.matchCount)} goroutine${p.matchCount === 1 ? '' : 's'}`}
          {p.resultLabel ? ` · ${p.resultLabel}` : ''}
        </span>
      </div>
      {p.measureText && (
        <span className="tl-measure" data-testid="measure" aria-live="polite">
          measured {p.measureText}
        </span>
      )}
      <span className="range mono" data-testid="visible-range" title="Visible time range" ref={p.rangeRef} />
      <button type="button" className="btn" onClick={p.onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
}

/** "1.2 ms – 3.4 ms (2.2 ms)". */
export function rangeText(startNs: number, endNs: number): string {
  return `${formatDuration(Math.max(0, startNs))} – ${formatDuration(endNs)} (${formatDuration(endNs - startNs)})`;
}

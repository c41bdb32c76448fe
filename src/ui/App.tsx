// The shell: a top bar with the two screens as tabs, page-wide drag and drop, ?url=, the URL
// hash (screen, page, view; see state/route.ts) and the idle signal.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApp, type Screen } from '../state/store';
import { setScreen } from '../state/navigation';
import { openBlob, openUrl } from '../state/inspect-actions';
import { useIdleSignal } from './idle';
import { useHashRouter } from './router';
import { InspectScreen } from './inspect/InspectScreen';
import { LiveScreen } from './live/LiveScreen';
import { CompareScreen } from './compare/CompareScreen';
import { compareBlobs, nextSlot, setSide } from '../state/compare-actions';
import { Logo } from './Logo';
import { ThemeToggle } from './ThemeToggle';
import { UpdateNotice } from './UpdateNotice';


const TABS: { id: Screen; label: string }[] = [
  { id: 'inspect', label: 'Inspect a trace' },
  { id: 'live', label: 'Live flight recorder' },
  { id: 'compare', label: 'Compare' },
];

export function App() {
  useIdleSignal();
  useHashRouter();
  const screen = useApp((s) => s.screen);
  const dragging = usePageDrop();
  useUrlParam();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onTabKey = (e: KeyboardEvent, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    setScreen(TABS[next].id);
    tabRefs.current[next]?.focus();
  };

  return (
    <>
      <header className="topbar">
        <div className="brand">
          <Logo />
          Flightdeck
        </div>
        <nav className="tabs" role="tablist" aria-label="Screens">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={screen === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={screen === t.id ? 0 : -1}
              className="tab"
              onClick={() => setScreen(t.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label}
            </button>
          ))}
        </nav>
        <div className="spacer" />
        <div className="privacy">
          <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <rect x="4" y="11" width="16" height="10" rx="2" /><path d="M8 11V7a4 4 0 0 1 8 0v4" />
          </svg>
          Everything runs in this tab. Nothing is uploaded.
        </div>
        <UpdateNotice />
        <ThemeToggle />
      </header>
      <main id={`panel-${screen}`} role="tabpanel" aria-labelledby={`tab-${screen}`}>
        {screen === 'inspect' ? <InspectScreen /> : screen === 'live' ? <LiveScreen /> : <CompareScreen />}
      </main>
      {dragging && <div className="drop-overlay">{screen === 'compare' ? 'Drop one or two traces to compare' : 'Drop to inspect the trace'}</div>}
    </>
  );
}

/** Drag and drop anywhere on the page opens the dropped file on the first screen (or compares, there). */
function usePageDrop(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      // On the compare screen files fill its sides (two at once go to A and B).
      if (useApp.getState().screen === 'compare') {
        if (files.length >= 2) void compareBlobs(asInput(files[0]), asInput(files[1]));
        else if (files.length === 1) void setSide(nextSlot(), asInput(files[0]));
        return;
      }
      const f = files[0];
      if (f) void openBlob(f, f.name, 'drop');
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

function asInput(f: File) {
  return { blob: f, name: f.name, detail: 'dropped file' };
}

/** ?url=… opens a same-origin trace on load. */
function useUrlParam(): void {
  useEffect(() => {
    const url = new URLSearchParams(window.location.search).get('url');
    if (url) void openUrl(url);
  }, []);
}

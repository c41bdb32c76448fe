// The first screen: drop or pick a Go trace; see what the wire layer finds in it at once, then
// what Go's parser finds when it has read every event.

import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../state/store';
import { clearInspect } from '../../state/inspect-actions';
import { MAX_FILE_TEXT } from '../../state/inspect-limits';
import { setTraceView } from '../../state/navigation';
import { formatInt } from '../format';
import { EmbedTitle } from './EmbedTitle';
import { FilePicker } from './FilePicker';
import { TRACE_PAGES } from './trace-pages';
import './inspect.css';

export function InspectScreen() {
  // What this frame shows, not the whole open (the parse's progress ticks would re-render it).
  const ins = useApp(
    useShallow((s) => ({
      status: s.inspect.status,
      fileName: s.inspect.fileName,
      fileSize: s.inspect.fileSize,
      origin: s.inspect.origin,
      loadError: s.inspect.loadError,
      summary: s.inspect.summary,
    })),
  );

  if (ins.status === 'empty') return <EmptyState />;

  return (
    <>
      <EmbedTitle />
      <div className="card card-pad file-row">
        <h1 className="name" data-testid="file-name">{ins.fileName}</h1>
        {ins.fileSize !== null && <span className="meta num">{formatInt(ins.fileSize)} bytes</span>}
        {ins.origin === 'snapshot' && <span className="status-pill rec">flight-recorder snapshot</span>}
        {ins.origin === 'full-trace' && <span className="status-pill live">full trace from the live runtime</span>}
        <span className="spacer" style={{ flex: 1 }} />
        <FilePicker primary={false} text="Open another…" />
        <button type="button" className="btn" onClick={clearInspect}>Close</button>
      </div>

      {(ins.status === 'reading' || ins.status === 'inspecting') && (
        <div className="card card-pad file-row" role="status" aria-live="polite">
          <div className="spinner" aria-hidden="true" />
          <span>{ins.status === 'reading' ? `Reading ${ins.fileName}…` : `Inspecting ${ins.fileName} in a background worker…`}</span>
        </div>
      )}

      {ins.status === 'failed' && ins.loadError && (
        <div className="error-banner" role="alert">{ins.loadError}</div>
      )}

      {ins.status === 'done' && ins.summary && <TracePages />}
    </>
  );
}


/**
 * The open trace's pages as tabs (shown once there is more than one), then the page. A file
 * whose header is not a trace we read (a profile, a web page, Go 1.5–1.10) has only its
 * summary, which says what the file is: no empty timeline or analysis tabs.
 */
function TracePages() {
  const view = useApp((s) => s.traceView);
  const headerFault = useApp((s) => s.inspect.summary?.error != null && s.inspect.summary.error.fault !== 'damaged');
  const pages = headerFault ? TRACE_PAGES.slice(0, 1) : TRACE_PAGES;
  const page = pages.find((p) => p.view === view) ?? pages[0];
  const Page = page.component;
  return (
    <>
      {pages.length > 1 && (
        <nav className="tabs page-tabs" role="tablist" aria-label="Pages of this trace">
          {pages.map((p) => (
            <button
              key={p.view}
              type="button"
              role="tab"
              id={`page-${p.view}`}
              aria-selected={p.view === page.view}
              aria-controls="trace-page"
              tabIndex={p.view === page.view ? 0 : -1}
              className="tab"
              onClick={() => setTraceView(p.view)}
              onKeyDown={(e) => {
                // Arrow keys move between the pages, as the ARIA tabs pattern expects.
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const i = pages.findIndex((x) => x.view === p.view);
                const next = pages[(i + (e.key === 'ArrowRight' ? 1 : pages.length - 1)) % pages.length];
                setTraceView(next.view);
                document.getElementById(`page-${next.view}`)?.focus();
              }}
            >
              {p.label}
            </button>
          ))}
        </nav>
      )}
      <div id="trace-page" role={pages.length > 1 ? 'tabpanel' : undefined} aria-labelledby={pages.length > 1 ? `page-${page.view}` : undefined}>
        <Page />
      </div>
    </>
  );
}

function EmptyState() {
  const loadError = useApp((s) => s.inspect.loadError);
  return (
    <section className="dropzone" aria-labelledby="drop-title">
      <svg width="56" height="56" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="var(--accent)" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 3v12" /><path d="m7 10 5 5 5-5" /><path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      <h1 id="drop-title">Drop a Go execution trace anywhere on this page</h1>
      <p>
        A flight-recorder snapshot, <code>go test -trace</code> output or a <code>/debug/pprof/trace</code> download, from Go 1.11 or later.
        Flightdeck reads it here, in your browser: nothing is uploaded. Files of up to {MAX_FILE_TEXT}.
      </p>
      <FilePicker />
      <p className="hint">or open one by URL from this site: <code>?url=/path/to/file.trace</code></p>
      {loadError && <div className="error-banner" role="alert">{loadError}</div>}
    </section>
  );
}

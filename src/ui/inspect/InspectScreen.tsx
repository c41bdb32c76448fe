// The first screen: drop or pick a Go trace; see what the wire layer finds in it at once, then
// what Go's parser finds when it has read every event.

import { useMemo } from 'react';
import { useApp } from '../../state/store';
import { clearInspect } from '../../state/inspect-actions';
import { MAX_FILE_TEXT } from '../../state/inspect-limits';
import { Stat } from '../Stat';
import { formatBytes, formatInt } from '../format';
import { BytesChart } from './BytesChart';
import { FilePicker } from './FilePicker';
import { GenerationTable } from './GenerationTable';
import { ParsedSection } from './ParsedSection';
import { inspectView } from './inspect-model';
import { Verdict } from './Verdict';

export function InspectScreen() {
  const ins = useApp((s) => s.inspect);
  const view = useMemo(() => (ins.summary ? inspectView(ins.summary) : null), [ins.summary]);

  if (ins.status === 'empty') return <EmptyState />;

  return (
    <>
      <div className="card card-pad file-row">
        <span className="name" data-testid="file-name">{ins.fileName}</span>
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

      {ins.status === 'done' && view && (
        <>
          <Verdict view={view} />
          {(view.verdict === 'ok' || view.verdict === 'damaged') && (
            <dl className="stats" aria-label="Trace summary">
              <Stat label="Go version" value={view.goVersion ?? "—"} testId="go-version" />
              <Stat label="Generations" value={formatInt(view.generations.length)} testId="generation-count" />
              <Stat label="Batches" value={formatInt(view.batches)} testId="batch-count" />
              <Stat label="Generation bytes" value={formatInt(view.genBytes)} sub={formatBytes(view.genBytes)} testId="gen-bytes" />
              <Stat label="File size" value={formatInt(view.fileBytes)} sub="bytes" testId="file-bytes" />
            </dl>
          )}
          <ParsedSection parse={ins.parse} />
          {view.generations.length > 0 && (
            <div className="two-col">
              <section className="card card-pad" aria-labelledby="bytes-chart-title">
                <h3 className="section-title" id="bytes-chart-title">
                  Bytes per generation <span className="sub">each generation is a self-contained slice of the trace</span>
                </h3>
                <BytesChart rows={view.generations} label={`Bar chart of bytes in each of ${view.generations.length} generations`} />
              </section>
              <section className="card card-pad" aria-labelledby="gen-table-title">
                <h3 className="section-title" id="gen-table-title">Generations</h3>
                <GenerationTable rows={view.generations} caption="Generations in this trace" parse={ins.parse} />
              </section>
            </div>
          )}
        </>
      )}
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
        A flight-recorder snapshot, <code>go test -trace</code> output or a <code>/debug/pprof/trace</code> download from Go 1.22 or later.
        Flightdeck reads it here, in your browser: nothing is uploaded. Files of up to {MAX_FILE_TEXT}.
      </p>
      <FilePicker />
      <p className="hint">or open one by URL from this site: <code>?url=/path/to/file.trace</code></p>
      {loadError && <div className="error-banner" role="alert">{loadError}</div>}
    </section>
  );
}

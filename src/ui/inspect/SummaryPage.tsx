// The summary page of an open trace: what the wire layer found at once (verdict, generations,
// batches, bytes) and what Go's parser found when it had read every event.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../state/store';
import { Stat } from '../Stat';
import { formatBytes, formatInt } from '../format';
import { BytesChart } from './BytesChart';
import { GenerationTable } from './GenerationTable';
import { ParsedSection } from './ParsedSection';
import { inspectView } from './inspect-model';
import { Verdict } from './Verdict';
import { TriageList } from '../analysis/TriageList';
import './summary.css';

export function SummaryPage() {
  // Not the parse's progress: a tick re-renders the progress line (ParsedSection), not the page.
  const ins = useApp(
    useShallow((s) => ({ summary: s.inspect.summary, fileName: s.inspect.fileName, fileKind: s.inspect.fileKind, fetched: s.inspect.fetched })),
  );
  const parse = useApp(useShallow((s) => ({ status: s.inspect.parse.status, summary: s.inspect.parse.summary })));
  const view = useMemo(
    () => (ins.summary ? inspectView(ins.summary, { fileName: ins.fileName ?? '', fileKind: ins.fileKind, fetched: ins.fetched }) : null),
    [ins.summary, ins.fileName, ins.fileKind, ins.fetched],
  );
  if (!view) return null;
  return (
    <div className="summary-page">
      <Verdict view={view} />
      {/* Tiles only for something read: no row of zeros under an error. */}
      {(view.verdict === 'ok' || (view.verdict === 'damaged' && view.generations.length > 0)) && (
        <dl className="stats" aria-label="Trace summary">
          <Stat label="Go version" value={view.goVersion ?? '—'} testId="go-version" />
          <Stat label="Generations" value={formatInt(view.generations.length)} testId="generation-count" />
          <Stat label="Batches" value={formatInt(view.batches)} testId="batch-count" />
          <Stat label="Generation bytes" value={formatInt(view.genBytes)} sub={formatBytes(view.genBytes)} testId="gen-bytes" />
          <Stat label="File size" value={formatInt(view.fileBytes)} sub="bytes" testId="file-bytes" />
        </dl>
      )}
      <TriageList />
      {/* Go's parser has nothing to add to a header that is not a readable trace's. */}
      {(view.verdict === 'ok' || view.verdict === 'damaged') && <ParsedSection />}
      {view.generations.length > 0 && (
        <div className="summary-cols">
          <section className="card card-pad" aria-labelledby="bytes-chart-title">
            <h3 className="section-title" id="bytes-chart-title">
              Bytes per generation <span className="sub">each generation is a self-contained slice of the trace</span>
            </h3>
            <BytesChart rows={view.generations} label={`Bar chart of bytes in each of ${view.generations.length} generations`} />
          </section>
          <section className="card card-pad" aria-labelledby="gen-table-title">
            <h3 className="section-title" id="gen-table-title">Generations</h3>
            <GenerationTable rows={view.generations} caption="Generations in this trace" parse={parse} />
          </section>
        </div>
      )}
    </div>
  );
}

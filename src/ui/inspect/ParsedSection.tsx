// "Go's parser": what the full parse found, under the wire summary. While the worker reads,
// a progress line; then the verdict (clean, or Go's message and what was kept), stat tiles
// and events by kind.

import { useMemo } from 'react';
import { useApp } from '../../state/store';
import { ProgressBar } from '../ProgressBar';
import { Stat } from '../Stat';
import { formatInt } from '../format';
import { KindBars } from './KindBars';
import { parsedView } from './parsed-model';
import './parsed.css';

export function ParsedSection() {
  const parse = useApp((s) => s.inspect.parse);
  const view = useMemo(() => (parse.summary ? parsedView(parse.summary) : null), [parse.summary]);

  if (parse.status === 'idle' || parse.status === 'cancelled') return null;
  if (parse.status === 'failed') {
    return (
      <section className="card card-pad parsed error" aria-labelledby="parsed-title" data-parsed="failed">
        <div className="kind">Go’s parser</div>
        <h2 id="parsed-title">The parser could not finish</h2>
        <p role="alert">{parse.error}</p>
      </section>
    );
  }
  if (parse.status === 'parsing' || !view) {
    const p = parse.progress;
    const frac = p && p.byteLength > 0 ? Math.min(1, p.bytesRead / p.byteLength) : 0;
    return (
      <section className="card card-pad parsed pending" aria-labelledby="parsed-title" data-parsed="parsing">
        <div className="kind">Go’s parser</div>
        <div className="file-row" role="status" aria-live="polite">
          <h2 id="parsed-title" style={{ margin: 0, fontSize: 16 }}>
            {p ? `Reading events… ${formatInt(p.events)} so far, ${Math.round(frac * 100)}% of the file` : 'Reading every event in a background worker…'}
          </h2>
        </div>
        <ProgressBar fraction={frac} />
      </section>
    );
  }

  return (
    <section className={`card card-pad parsed ${view.ok ? 'ok' : 'error'}`} aria-labelledby="parsed-title" data-parsed={view.ok ? 'ok' : 'error'}>
      <div className="parsed-head">
        <div className="parsed-text">
          <div className="kind">Go’s parser</div>
          <h2 id="parsed-title" data-testid="parsed-verdict">{view.title}</h2>
          {view.kept && <p className="kept" data-testid="parsed-kept">{view.kept}</p>}
          <p>{view.explanation}</p>
          {view.goMessage && <code className="go-message" data-testid="parsed-go-message">{view.goMessage}</code>}
        </div>
      </div>
      {/* No tiles of zeros under an error that kept nothing. */}
      {view.tiles.length > 0 && (view.ok || parse.summary!.total.events > 0) && (
        <dl className="stats" aria-label="What Go's parser found">
          {view.tiles.map((t) => (
            <Stat key={t.testId} label={t.label} value={t.value} sub={t.sub} testId={t.testId} />
          ))}
        </dl>
      )}
      {view.kinds.length > 0 && (
        <div className="kinds">
          <h3 className="section-title" id="kinds-title">
            Events by kind <span className="sub">as go tool trace -d=parsed names them</span>
          </h3>
          <KindBars kinds={view.kinds} label={`Bar chart of events by kind, ${view.kinds.filter((k) => !k.child).length} kinds`} />
        </div>
      )}
    </section>
  );
}

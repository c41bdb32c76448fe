// The last snapshot: downloaded as a .trace file, parsed back with the wire layer, and
// offered to the inspector.

import { useMemo } from 'react';
import { openBlob } from '../../state/inspect-actions';
import { useApp } from '../../state/store';
import { formatInt, plural } from '../format';
import { inspectView } from '../inspect/inspect-model';

export function SnapshotPanel() {
  const snap = useApp((s) => s.live.snapshot);
  const view = useMemo(() => (snap ? inspectView(snap.summary) : null), [snap]);
  return (
    <section className="card card-pad" aria-labelledby="snapshot-title">
      <h3 className="section-title" id="snapshot-title">
        Snapshot <span className="sub">what FlightRecorder.WriteTo wrote: the ring's generations</span>
      </h3>
      {!snap || !view ? (
        <p className="empty-note">Start the flight recorder, let a few generations seal, then press Snapshot. The file downloads and is read back here.</p>
      ) : (
        <div className="snapshot" data-testid="snapshot">
          <div>
            <div className="mono" style={{ fontWeight: 600 }} data-testid="snapshot-name">{snap.fileName}</div>
            <div style={{ color: 'var(--ink-2)', marginTop: 4 }}>
              {view.verdict === 'ok' ? `${view.goVersion} trace, read back by the wire layer: ` : `${view.title}: `}
              <span className="mono" data-testid="snapshot-gens">{plural(view.generations.length, 'generation')}</span>,{' '}
              <span className="mono" data-testid="snapshot-batches">{plural(view.batches, 'batch', 'batches')}</span>,{' '}
              <span className="mono" data-testid="snapshot-bytes">{formatInt(view.fileBytes)} bytes</span>
              {view.generations.length > 0 && (
                <> (generations {view.generations[0].gen}–{view.generations[view.generations.length - 1].gen})</>
              )}
            </div>
          </div>
          <div className="actions">
            <a className="btn" href={snap.url} download={snap.fileName}>
              Download again
            </a>
            <button type="button" className="btn primary" onClick={() => void openBlob(snap.blob, snap.fileName, 'snapshot')}>
              Open in viewer
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

// The last snapshot: downloaded as a .trace file, parsed back with the wire layer, and
// offered to the inspector. The generations the worker said it wrote are checked against
// the ones read back.

import { useMemo } from 'react';
import { openBlob } from '../../state/inspect-actions';
import { useApp } from '../../state/store';
import { formatInt, plural } from '../format';
import { inspectView } from '../inspect/inspect-model';
import { genRange } from './eviction-text';

export function SnapshotPanel() {
  const snap = useApp((s) => s.live.snapshot);
  const view = useMemo(() => (snap ? inspectView(snap.summary) : null), [snap]);
  const readGens = snap ? snap.summary.generations.map((g) => Number(g.gen)) : [];
  const agrees = snap !== null && readGens.length === snap.gens.length && readGens.every((g, i) => g === snap.gens[i]);
  return (
    <section className="card card-pad" aria-labelledby="snapshot-title">
      <h3 className="section-title" id="snapshot-title">
        Snapshot <span className="sub">what FlightRecorder.WriteTo wrote: the ring's generations</span>
      </h3>
      {!snap || !view ? (
        <p className="empty-note">
          Start the flight recorder, let a few generations seal, then press Snapshot. The file downloads and is read back here.
        </p>
      ) : (
        <div className="snapshot" data-testid="snapshot">
          <div>
            <div className="mono snapshot-name" data-testid="snapshot-name">
              {snap.fileName}
            </div>
            <div className="snapshot-facts">
              {view.verdict === 'ok' ? `${view.goVersion} trace, read back by the wire layer: ` : `${view.title}: `}
              <span className="mono" data-testid="snapshot-gens">{plural(view.generations.length, 'generation')}</span>,{' '}
              <span className="mono" data-testid="snapshot-batches">{plural(view.batches, 'batch', 'batches')}</span>,{' '}
              <span className="mono" data-testid="snapshot-bytes">{formatInt(view.fileBytes)} bytes</span>
              {readGens.length > 0 && (
                <>
                  {' '}
                  (<span className="mono" data-testid="snapshot-range">{genRange(readGens)}</span>)
                </>
              )}
            </div>
            <p className="snapshot-note">
              Like Go's, WriteTo first ends the generation being written, so the file reaches up to the click.
            </p>
            <div className={agrees ? 'check ok' : 'check bad'} data-testid="snapshot-check">
              {agrees
                ? `Matches the ring at WriteTo: ${genRange(snap.gens)}.`
                : `The recorder said it wrote ${genRange(snap.gens)}, but ${genRange(readGens)} were read back.`}
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

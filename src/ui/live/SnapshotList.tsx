// The last few snapshots, manual and triggered, newest first: when each was taken and why (a
// slow request's latency, a GC pause), what it holds, and buttons to download it, open it in
// the viewer, or pick two to compare side by side.

import { useState } from 'react';
import { compareBlobs } from '../../state/compare-actions';
import { openBlob } from '../../state/inspect-actions';
import { useApp, type SnapshotEntry } from '../../state/store';
import { formatBytes, formatDuration } from '../format';
import { ScrollRegion } from '../ScrollRegion';
import { genRange } from './eviction-text';

/** Why a snapshot was taken, in words: "Slow request: 212 ms > 100 ms". */
export function snapshotReason(e: Pick<SnapshotEntry, 'source' | 'valueNs' | 'thresholdNs'>): string {
  if (e.source === 'manual' || e.valueNs === null || e.thresholdNs === null) return 'Snapshot button';
  const what = e.source === 'slow-request' ? 'Slow request' : 'GC pause';
  return `${what}: ${formatDuration(e.valueNs)} > ${formatDuration(e.thresholdNs)}`;
}

export function SnapshotList() {
  const snapshots = useApp((s) => s.live.snapshots);
  const [picked, setPicked] = useState<number[]>([]);
  const rows = [...snapshots].reverse();
  const chosen = picked.filter((id) => snapshots.some((s) => s.id === id));
  const pick = (id: number, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== id), id].slice(-2) : p.filter((x) => x !== id)));
  const compare = () => {
    const [a, b] = chosen.map((id) => snapshots.find((s) => s.id === id)!).sort((x, y) => x.id - y.id);
    void compareBlobs(
      { blob: a.blob, name: a.fileName, detail: snapshotReason(a) },
      { blob: b.blob, name: b.fileName, detail: snapshotReason(b) },
    );
  };
  return (
    <section className="card card-pad" aria-labelledby="snapshots-title">
      <h3 className="section-title" id="snapshots-title">
        Snapshots <span className="sub">the last {snapshots.length > 1 ? snapshots.length : 'few'}, from the button and from triggers</span>
      </h3>
      {rows.length === 0 ? (
        <p className="empty-note">None yet. Press Snapshot, or turn on a trigger and let it fire.</p>
      ) : (
        <>
          <ScrollRegion label="Snapshots">
            <table className="data snapshot-list" aria-label="Snapshots">
              <thead>
                <tr>
                  <th scope="col">At</th>
                  <th scope="col" style={{ textAlign: 'left' }}>Taken by</th>
                  <th scope="col">Generations</th>
                  <th scope="col">Size</th>
                  <th scope="col" style={{ textAlign: 'left' }}>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id} data-source={e.source} data-testid="snapshot-row">
                    <td>{formatDuration(e.atNs)}</td>
                    <td className="state-cell">{snapshotReason(e)}</td>
                    <td>{e.gens.length > 0 ? genRange(e.gens) : '—'}</td>
                    <td>{formatBytes(e.blob.size)}</td>
                    <td className="row-actions">
                      <a className="btn small" href={e.url} download={e.fileName} aria-label={`Download ${e.fileName}`}>
                        Download
                      </a>
                      <button type="button" className="btn small" aria-label={`Open ${e.fileName} in the viewer`} onClick={() => void openBlob(e.blob, e.fileName, 'snapshot')}>
                        Open
                      </button>
                      <label className="check">
                        <input type="checkbox" checked={chosen.includes(e.id)} onChange={(ev) => pick(e.id, ev.currentTarget.checked)} />
                        <span className="visually-hidden">Compare {e.fileName}</span>
                        <span aria-hidden="true">compare</span>
                      </label>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="group-note">
            <button type="button" className="btn" disabled={chosen.length !== 2} onClick={compare}>
              Compare the two picked
            </button>{' '}
            {chosen.length === 2 ? 'Side by side, with the differences marked.' : 'Pick two snapshots to compare them side by side.'}
          </p>
        </>
      )}
    </section>
  );
}

// The newest generations as a table, with their ring state in words: the same facts as
// the timeline, readable by a screen reader and by tests.

import type { LiveGeneration } from '../../state/store';
import { formatDuration, formatInt } from '../format';
import { ScrollRegion } from '../ScrollRegion';
import { causeShort } from './eviction-text';

const SHOWN = 12;

export function RecentGenerations({ history }: { history: readonly LiveGeneration[] }) {
  const rows = history.slice(-SHOWN).reverse();
  return (
    <section className="card card-pad" aria-labelledby="recent-title">
      <h3 className="section-title" id="recent-title">
        Newest generations{' '}
        <span className="sub">
          {history.length <= SHOWN ? `all ${formatInt(history.length)} remembered` : `last ${SHOWN} of ${formatInt(history.length)} remembered`}
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="empty-note">Start the runtime: a generation is sealed about once a second of simulated time.</p>
      ) : (
        <ScrollRegion label="Newest generations">
          <table className="data" aria-label="Newest generations">
            <thead>
              <tr>
                <th scope="col">Gen</th>
                <th scope="col" style={{ textAlign: 'left' }}>State</th>
                <th scope="col">Batches</th>
                <th scope="col">Bytes</th>
                <th scope="col">Time span</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((g) => (
                <tr key={g.gen} className={g.evicted ? 'evicted' : undefined} data-state={g.inRing ? 'ring' : g.evicted ? 'evicted' : 'unrecorded'} data-cause={g.cause}>
                  <td>{g.gen}</td>
                  <td className="state-cell">{g.inRing ? 'in ring' : g.evicted ? causeShort(g.cause) : 'not recorded'}</td>
                  <td>{formatInt(g.batches)}</td>
                  <td>{formatInt(g.bytes)}</td>
                  <td>{formatDuration(g.endNs - g.startNs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

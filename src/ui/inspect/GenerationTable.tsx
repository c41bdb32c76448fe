// The generations as a table: the exact numbers behind the chart, for reading aloud and
// for tests. Byte counts are exact integers; the chart rounds. Events and time spans come
// from Go's parser once it has read the file (joined on the generation number); until then
// the cells say so.

import type { ParsedState } from '../../state/store';
import { formatInt } from '../format';
import { ScrollRegion } from '../ScrollRegion';
import type { GenRow } from './inspect-model';
import { parsedGenerations, spanMs } from './parsed-model';

export function GenerationTable({ rows, caption, parse }: { rows: readonly GenRow[]; caption: string; parse: Pick<ParsedState, 'status' | 'summary'> }) {
  const parsed = parsedGenerations(parse.summary);
  const pending = parse.status === 'parsing';
  const missing = pending ? '…' : '—';
  const batches = rows.reduce((n, r) => n + r.batches, 0);
  const bytes = rows.reduce((n, r) => n + r.bytes, 0);
  return (
    <ScrollRegion label={caption}>
      <table className="data" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Generation</th>
            <th scope="col">Batches</th>
            <th scope="col">Bytes</th>
            <th scope="col">File offset</th>
            <th scope="col" title="Events Go's parser read in this generation">Events</th>
            <th scope="col" title="From the generation's first to its last event, as Go's parser times them">Span (ms)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const g = parsed.get(r.gen);
            return (
              <tr key={r.gen}>
                <td>{r.gen}</td>
                <td>{formatInt(r.batches)}</td>
                <td>{formatInt(r.bytes)}</td>
                <td>{formatInt(r.offset)}</td>
                <td className={g ? undefined : 'pending'}>{g ? formatInt(g.events) : missing}</td>
                <td className={g ? undefined : 'pending'} title={g ? `${formatInt(g.durationNs)} ns` : undefined}>
                  {g ? spanMs(g.durationNs) : missing}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td>Total</td>
            <td data-testid="total-batches">{formatInt(batches)}</td>
            <td data-testid="total-gen-bytes">{formatInt(bytes)}</td>
            <td />
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

// The generations as a table: the exact numbers behind the chart, for reading aloud and
// for tests. Byte counts are exact integers; the chart rounds.

import { formatInt } from '../format';
import type { GenRow } from './inspect-model';

export function GenerationTable({ rows, caption }: { rows: readonly GenRow[]; caption: string }) {
  const batches = rows.reduce((n, r) => n + r.batches, 0);
  const bytes = rows.reduce((n, r) => n + r.bytes, 0);
  return (
    <div className="table-wrap">
      <table className="data" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Generation</th>
            <th scope="col">Batches</th>
            <th scope="col">Bytes</th>
            <th scope="col">File offset</th>
            <th scope="col" title="From the first to the last batch start, in the trace clock's ticks">Span (ticks)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.gen}>
              <td>{r.gen}</td>
              <td>{formatInt(r.batches)}</td>
              <td>{formatInt(r.bytes)}</td>
              <td>{formatInt(r.offset)}</td>
              <td>{r.spanTicks === null ? '—' : formatInt(r.spanTicks)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>Total</td>
            <td data-testid="total-batches">{formatInt(batches)}</td>
            <td data-testid="total-gen-bytes">{formatInt(bytes)}</td>
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

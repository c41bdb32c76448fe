// A table whose columns sort on a click (numbers largest first, text A→Z), with a CSV download
// of every row. Cells render through each column's own function; the CSV takes raw values.

import { useMemo, useState, type ReactNode } from 'react';
import { downloadText } from './download';
import { toCsv, type Cell } from './csv';

export interface Column<R> {
  readonly key: string;
  readonly label: string;
  readonly title?: string;
  /** The value sorted on and written to CSV. */
  readonly value: (r: R) => number | string | bigint | null;
  readonly render?: (r: R) => ReactNode;
  readonly align?: 'left' | 'right';
  /** Left out of the CSV (a picture of other columns). */
  readonly noCsv?: boolean;
}

export function SortableTable<R>(props: {
  rows: readonly R[];
  columns: readonly Column<R>[];
  caption: string;
  csvName: string;
  rowKey: (r: R) => string;
  initialSort?: string;
  /** Every row for the CSV when the table shows only some; defaults to rows. */
  csvRows?: () => Promise<readonly R[]>;
  testId?: string;
  onRowClick?: (r: R) => void;
  selectedKey?: string | null;
}) {
  const { rows, columns } = props;
  // Text columns start A→Z, numbers largest first.
  const [sort, setSort] = useState<{ key: string; desc: boolean }>(() => {
    const key = props.initialSort ?? columns[0].key;
    const col = columns.find((c) => c.key === key) ?? columns[0];
    return { key, desc: rows.length === 0 || typeof col.value(rows[0]) !== 'string' };
  });
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0];
    const out = [...rows];
    out.sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      let c: number;
      if (typeof x === 'string' || typeof y === 'string') c = String(x ?? '').localeCompare(String(y ?? ''));
      else c = x === y ? 0 : (x ?? -Infinity) < (y ?? -Infinity) ? -1 : 1;
      return sort.desc ? -c : c;
    });
    return out;
  }, [rows, columns, sort]);

  const csv = async () => {
    const all = props.csvRows ? await props.csvRows() : sorted;
    const cols = columns.filter((c) => !c.noCsv);
    const body: Cell[][] = all.map((r) => cols.map((c) => c.value(r)));
    downloadText(toCsv(cols.map((c) => c.label), body), props.csvName);
  };

  return (
    <div className="analysis-table">
      <div className="table-tools">
        <span className="sub">{rows.length.toLocaleString('en-US')} rows</span>
        <button type="button" className="btn small" onClick={() => void csv()} data-testid={props.testId ? `${props.testId}-csv` : undefined}>
          Download CSV
        </button>
      </div>
      <div className="table-wrap">
        <table className="data" aria-label={props.caption} data-testid={props.testId}>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = c.key === sort.key;
                return (
                  <th key={c.key} scope="col" title={c.title} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} style={c.align === 'left' ? { textAlign: 'left' } : undefined}>
                    <button type="button" className="sort" onClick={() => setSort({ key: c.key, desc: active ? !sort.desc : typeof c.value(rows[0] as R) !== 'string' })}>
                      {c.label}
                      {active ? (sort.desc ? ' ▾' : ' ▴') : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => {
              const key = props.rowKey(r);
              return (
                <tr
                  key={key}
                  className={[props.onRowClick ? 'clickable' : '', props.selectedKey === key ? 'selected' : ''].join(' ')}
                  onClick={props.onRowClick ? () => props.onRowClick!(r) : undefined}
                >
                  {columns.map((c) => (
                    <td key={c.key} style={c.align === 'left' ? { textAlign: 'left' } : undefined}>
                      {c.render ? c.render(r) : String(c.value(r) ?? '')}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

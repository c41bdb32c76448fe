// Two traces side by side (two flight-recorder snapshots, or any two files dropped here):
// generations, time span, events by kind, goroutines, GC cycles and more, with every figure
// that differs marked, and the generations lined up by number.

import { useId, useMemo, useRef } from 'react';
import { clearCompare, setSide, type Slot } from '../../state/compare-actions';
import { useApp, type CompareSide } from '../../state/store';
import { formatBytes, plural } from '../format';
import { ScrollRegion } from '../ScrollRegion';
import { compareView, type CompareRow } from './compare-model';
import './compare.css';

export function CompareScreen() {
  const { a, b } = useApp((s) => s.compare);
  const view = useMemo(() => (a?.wire && b?.wire ? compareView({ wire: a.wire, parsed: a.parsed }, { wire: b.wire, parsed: b.parsed }) : null), [a, b]);
  const parsing = a?.status !== 'done' || b?.status !== 'done';
  return (
    <div className="compare-page">
      <div className="card card-pad compare-head">
        <h1>Compare two traces</h1>
        <p>
          Pick two snapshots in the live view’s list, or drop two trace files here (the first goes to A, the next to B). Figures that
          differ are marked; a change of a quarter or more is marked strongly.
        </p>
        {(a || b) && (
          <button type="button" className="btn" onClick={clearCompare}>
            Clear both
          </button>
        )}
      </div>
      <div className="compare-sides">
        <SideCard slot="a" side={a} />
        <SideCard slot="b" side={b} />
      </div>
      {view && (
        <>
          <p className="compare-summary" role="status" data-testid="compare-summary">
            {view.differences === 0 ? 'No figure differs.' : `${plural(view.differences, 'figure')} differ${view.differences === 1 ? 's' : ''}.`}
            {parsing && ' Go’s parser is still reading; more figures follow.'}
          </p>
          <CompareTable title="Overview" rows={view.overview} a={a!} b={b!} />
          {view.kinds.length > 0 && <CompareTable title="Events by kind" rows={view.kinds} a={a!} b={b!} />}
          <section className="card card-pad" aria-labelledby="cmp-gens">
            <h2 className="section-title" id="cmp-gens">
              Generations <span className="sub">lined up by generation number</span>
            </h2>
            <ScrollRegion label="Generations of A and B">
              <table className="data compare-table" aria-label="Generations of A and B">
                <thead>
                  <tr>
                    <th scope="col">Generation</th>
                    <th scope="col">A</th>
                    <th scope="col">B</th>
                    <th scope="col" style={{ textAlign: 'left' }}>In</th>
                  </tr>
                </thead>
                <tbody>
                  {view.generations.map((g) => (
                    <tr key={g.gen} data-where={g.where} className={g.where === 'both' ? undefined : 'diff'}>
                      <th scope="row">g{g.gen}</th>
                      <td>{g.a}</td>
                      <td>{g.b}</td>
                      <td className="where">{g.where === 'both' ? 'both' : g.where === 'a' ? 'A only' : 'B only'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </>
      )}
    </div>
  );
}

function SideCard({ slot, side }: { slot: Slot; side: CompareSide | null }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const name = slot.toUpperCase();
  return (
    <section className={`card card-pad compare-side side-${slot}`} aria-labelledby={`${id}-t`} data-testid={`compare-side-${slot}`} data-status={side?.status ?? 'empty'}>
      <h2 id={`${id}-t`} className="section-title">
        <span className={`side-tag side-${slot}`}>{name}</span>
        {side ? <span className="mono side-name">{side.name}</span> : <span className="sub">empty</span>}
      </h2>
      {side ? (
        <p className="side-detail">
          {side.detail} · {formatBytes(side.size)} ·{' '}
          {side.status === 'failed' ? (
            <span className="bad" role="alert">
              {side.error}
            </span>
          ) : side.status === 'done' ? (
            side.wire?.error ? `read with an error: ${side.wire.error.message}` : 'read'
          ) : (
            'reading…'
          )}
        </p>
      ) : (
        <p className="side-detail">Drop a trace file on this page, or choose one.</p>
      )}
      <input
        ref={input}
        id={id}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={`Open a trace as ${name}`}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) void setSide(slot, { blob: f, name: f.name, detail: 'file' });
          e.currentTarget.value = '';
        }}
      />
      <button type="button" className="btn small" onClick={() => input.current?.click()}>
        Choose a file for {name}…
      </button>
    </section>
  );
}

function CompareTable({ title, rows, a, b }: { title: string; rows: readonly CompareRow[]; a: CompareSide; b: CompareSide }) {
  const id = useId();
  return (
    <section className="card card-pad" aria-labelledby={id}>
      <h2 className="section-title" id={id}>
        {title}
      </h2>
      <table className="data compare-table" aria-label={`${title}: A and B`}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left' }}>
              Figure
            </th>
            <th scope="col" title={a.name}>
              A
            </th>
            <th scope="col" title={b.name}>
              B
            </th>
            <th scope="col">B − A</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.change === 'same' ? undefined : `diff ${r.change}`} data-change={r.change} data-figure={r.label}>
              <th scope="row">
                {r.label}
                {r.change !== 'same' && <span className="visually-hidden"> (differs)</span>}
              </th>
              <td>{r.a}</td>
              <td>{r.b}</td>
              <td className="delta">{r.delta ?? (r.change === 'same' ? '' : 'differs')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

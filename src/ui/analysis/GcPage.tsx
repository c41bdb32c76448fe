// Garbage collection: the MMU curve with go tool trace's options and the worst windows at a
// chosen size, the GC cycles and stop-the-world pauses (start, duration, reason), and the heap
// over time. Every pause, cycle and window links to the timeline.

import { useState } from 'react';
import * as d3 from 'd3';
import type { GcCycle, HeapPoint, StwPause } from '../../analysis/gc/gc-events';
import { DEFAULT_MMU, type MmuOptions } from '../../analysis/gc/mmu';
import { openOnTimeline } from '../../state/navigation';
import { useApp } from '../../state/store';
import { goDuration } from '../../trace/go/duration';
import { formatBytes } from '../format';
import { AnalysisPending } from './AnalysisPending';
import { MmuPlot } from './MmuPlot';
import { SortableTable, type Column } from './SortableTable';
import { useAnalysisQuery } from './use-analysis';
import './analysis.css';

const ms = (ns: number | null) => (ns === null ? '—' : `${(ns / 1e6).toFixed(3)} ms`);

export function GcPage() {
  const overview = useApp((s) => s.inspect.analysis);
  if (!overview) return <AnalysisPending />;
  const { gc } = overview;
  const end = overview.endNs;
  const pauseCols: Column<StwPause>[] = [
    { key: 'start', label: 'Start', value: (p) => p.startNs, render: (p) => <button type="button" className="linkish" onClick={() => openOnTimeline({ startNs: p.startNs, endNs: p.endNs ?? end })}>{ms(p.startNs)}</button> },
    { key: 'dur', label: 'Duration', value: (p) => (p.endNs === null ? null : p.endNs - p.startNs), render: (p) => (p.endNs === null ? 'still stopped at the end' : goDuration(p.endNs - p.startNs)) },
    { key: 'reason', label: 'Reason', align: 'left', value: (p) => p.reason },
  ];
  const cycleCols: Column<GcCycle>[] = [
    { key: 'n', label: 'Cycle', value: (c) => c.n },
    { key: 'start', label: 'Start', value: (c) => c.startNs, render: (c) => <button type="button" className="linkish" onClick={() => openOnTimeline({ startNs: c.startNs ?? 0, endNs: c.endNs ?? end })}>{c.startNs === null ? 'before the trace' : ms(c.startNs)}</button> },
    { key: 'dur', label: 'Mark phase', value: (c) => (c.startNs === null || c.endNs === null ? null : c.endNs - c.startNs), render: (c) => (c.startNs === null || c.endNs === null ? '—' : goDuration(c.endNs - c.startNs)) },
  ];
  return (
    <div className="analysis-page">
      <MmuCard endNs={end} />
      <div className="two-col">
        <section className="card card-pad" aria-labelledby="pauses-title">
          <h3 className="section-title" id="pauses-title">
            Stop-the-world pauses <span className="sub">{gc.pauses.length}</span>
          </h3>
          <SortableTable rows={gc.pauses} columns={pauseCols} caption="Stop-the-world pauses" csvName="stw-pauses.csv" rowKey={(p) => `${p.startNs} ${String(p.g)}`} initialSort="dur" testId="stw-pauses" />
        </section>
        <section className="card card-pad" aria-labelledby="cycles-title">
          <h3 className="section-title" id="cycles-title">
            GC cycles <span className="sub">{gc.cycles.length} concurrent mark phases</span>
          </h3>
          {gc.cycles.length === 0 ? <p className="analysis-empty">No GC ran during this trace.</p> : <SortableTable rows={gc.cycles} columns={cycleCols} caption="GC cycles" csvName="gc-cycles.csv" rowKey={(c) => String(c.n)} initialSort="n" testId="gc-cycles" />}
        </section>
      </div>
      <section className="card card-pad heap" aria-labelledby="heap-title">
        <h3 className="section-title" id="heap-title">
          Heap <span className="sub">live heap (filled) and heap goal (dashed)</span>
        </h3>
        <HeapChart heap={gc.heap} goal={gc.goal} endNs={end} />
      </section>
    </div>
  );
}

function MmuCard({ endNs }: { endNs: number }) {
  const [o, setO] = useState<MmuOptions>(DEFAULT_MMU);
  const [picked, setPicked] = useState<number | null>(null);
  const plot = useAnalysisQuery({ q: 'mmu', options: o });
  const worst = useAnalysisQuery(picked === null ? null : { q: 'mmu-worst', options: o, windowNs: picked });
  const box = (k: keyof MmuOptions, label: string) => (
    <label>
      <input type="checkbox" checked={o[k]} onChange={(e) => setO({ ...o, [k]: e.target.checked })} /> {label}
    </label>
  );
  return (
    <section className="card card-pad" aria-labelledby="mmu-title">
      <h3 className="section-title" id="mmu-title">
        Minimum mutator utilization <span className="sub">the least CPU left to your code in any window of a given size; click the plot for the worst windows</span>
      </h3>
      <div className="filters">
        <label>
          <input type="radio" name="mmu-view" checked={!o.perProc} onChange={() => setO({ ...o, perProc: false })} /> System
        </label>
        <label>
          <input type="radio" name="mmu-view" checked={o.perProc} onChange={() => setO({ ...o, perProc: true })} /> Per goroutine
        </label>
        {box('stw', 'STW')}
        {box('background', 'Background workers')}
        {box('assist', 'Mark assist')}
        {box('sweep', 'Sweep')}
        {box('percentiles', 'Percentiles (p99.9, p99, p95)')}
      </div>
      {plot.status === 'done' && plot.answer.plot === null && <p className="analysis-empty">No GOMAXPROCS in this trace, so no utilization.</p>}
      {plot.status === 'failed' && <p role="alert">{plot.error}</p>}
      {plot.status === 'done' && plot.answer.plot && <MmuPlot plot={plot.answer.plot} picked={picked} onPick={setPicked} />}
      {picked !== null && (
        <div data-testid="mmu-worst">
          <p>
            Lowest mutator utilization in {goDuration(picked)} windows:
          </p>
          {worst.status === 'done' && (
            <ol>
              {worst.answer.windows.map((w) => (
                <li key={w.time}>
                  <button type="button" className="linkish" onClick={() => openOnTimeline({ startNs: w.time, endNs: Math.min(endNs, w.time + picked) })}>
                    {(w.mutatorUtil * 100).toFixed(1)}% at {ms(w.time)}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}

function HeapChart({ heap, goal, endNs }: { heap: HeapPoint[]; goal: HeapPoint[]; endNs: number }) {
  if (heap.length === 0) return <p className="analysis-empty">No heap metrics in this trace.</p>;
  const W = 900;
  const H = 200;
  const x = d3.scaleLinear().domain([0, Math.max(1, endNs)]).range([50, W - 10]);
  const max = Math.max(...heap.map((p) => p.bytes), ...goal.map((p) => p.bytes));
  const y = d3.scaleLinear().domain([0, max]).range([H - 20, 10]);
  const area = d3.area<HeapPoint>().x((p) => x(p.timeNs)).y0(y(0)).y1((p) => y(p.bytes)).curve(d3.curveStepAfter)(heap) ?? '';
  const line = d3.line<HeapPoint>().x((p) => x(p.timeNs)).y((p) => y(p.bytes)).curve(d3.curveStepAfter)(goal) ?? '';
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`Heap over time, up to ${formatBytes(max)}`} data-testid="heap-chart">
      <path className="alloc" d={area} />
      {goal.length > 0 && <path className="goal" d={line} />}
      <text x={46} y={14} textAnchor="end" fontSize={11} fill="var(--ink-3)">{formatBytes(max)}</text>
      <text x={46} y={H - 20} textAnchor="end" fontSize={11} fill="var(--ink-3)">0</text>
    </svg>
  );
}

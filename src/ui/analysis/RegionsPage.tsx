// User tasks and regions (go tool trace's /usertasks, /usertask, /userregions, /userregion):
// per type a count and a latency histogram with Go's buckets, the slowest one linked to the
// timeline; for a chosen task type every task with its events, child tasks and goroutines;
// for a chosen region type every region with where its goroutine's time went.

import { useMemo, useState } from 'react';
import { regionKey, type RegionRow, type RegionType } from '../../analysis/annotations/region-stats';
import type { TaskRow, TaskType } from '../../analysis/annotations/task-stats';
import { queryAnalysis } from '../../state/inspect-actions';
import { openOnTimeline, setTraceView, setViewParams } from '../../state/navigation';
import { useApp } from '../../state/store';
import { goDuration } from '../../trace/go/duration';
import { dec } from '../../trace/parse/int64';
import { AnalysisPending } from './AnalysisPending';
import { Histogram } from './Histogram';
import { SortableTable, type Column } from './SortableTable';
import { StatBar } from './StatBar';
import { useAnalysisQuery } from './use-analysis';
import './analysis.css';

const fmtMs = (ns: number) => `${(ns / 1e6).toFixed(3)} ms`;

export function RegionsPage() {
  const overview = useApp((s) => s.inspect.analysis);
  const params = useApp((s) => s.viewParams);
  if (!overview) return <AnalysisPending />;
  const taskCols: Column<TaskType>[] = [
    { key: 'name', label: 'Task type', align: 'left', value: (t) => t.name, render: (t) => <span className="name">{t.name || '(no type)'}</span> },
    { key: 'count', label: 'Count', value: (t) => t.count },
    { key: 'hist', label: 'Duration of complete tasks', noCsv: true, value: (t) => t.hist.count, render: (t) => <Histogram hist={t.hist} label={`Durations of ${t.name} tasks`} /> },
    { key: 'slowest', label: 'Slowest', value: (t) => t.slowestNs, render: (t) => (t.slowestSpan === null ? '—' : <SlowestLink span={t.slowestSpan} ns={t.slowestNs} />) },
  ];
  const regionCols: Column<RegionType>[] = [
    { key: 'name', label: 'Region type', align: 'left', value: (t) => t.name, render: (t) => <span className="name">{t.name || '(inherited by a new goroutine)'}</span> },
    { key: 'func', label: 'Outermost frame', title: 'go tool trace groups regions by type and the outermost frame of the stack that began them', align: 'left', value: (t) => `${t.frame.func} ${t.frame.file}:${t.frame.line}`, render: (t) => <span className="name" title={`${t.frame.file}:${t.frame.line} @ 0x${t.frame.pc.toString(16)}`}>{t.frame.func || '—'}</span> },
    { key: 'count', label: 'Count', value: (t) => t.count },
    { key: 'hist', label: 'Durations', noCsv: true, value: (t) => t.hist.count, render: (t) => <Histogram hist={t.hist} label={`Durations of ${t.name} regions`} /> },
    { key: 'slowest', label: 'Slowest', value: (t) => t.slowestNs, render: (t) => <SlowestLink span={t.slowestSpan} ns={t.slowestNs} /> },
  ];
  return (
    <div className="analysis-page">
      <section className="card card-pad" aria-labelledby="tasks-title">
        <h3 className="section-title" id="tasks-title">
          Tasks <span className="sub">{overview.tasks} tasks; choose a type for every task with its events</span>
        </h3>
        {overview.taskTypes.length === 0 ? (
          <p className="analysis-empty">This trace has no user tasks (runtime/trace.NewTask).</p>
        ) : (
          <SortableTable rows={overview.taskTypes} columns={taskCols} caption="Task types" csvName="task-types.csv" rowKey={(t) => t.name} initialSort="name" testId="task-types" selectedKey={params.task ?? null} onRowClick={(t) => setViewParams({ task: t.name || '-' }, 'push')} />
        )}
      </section>
      {params.task !== undefined && <TaskList name={params.task === '-' ? '' : params.task} />}
      <section className="card card-pad" aria-labelledby="regions-title">
        <h3 className="section-title" id="regions-title">
          Regions <span className="sub">{overview.regions} regions, grouped by type and the function that began them</span>
        </h3>
        {overview.regionTypes.length === 0 ? (
          <p className="analysis-empty">This trace has no user regions (runtime/trace.WithRegion, StartRegion).</p>
        ) : (
          <SortableTable rows={overview.regionTypes} columns={regionCols} caption="Region types" csvName="region-types.csv" rowKey={(t) => t.key} initialSort="name" testId="region-types" selectedKey={params.region ?? null} onRowClick={(t) => setViewParams({ region: t.key }, 'push')} />
        )}
      </section>
      {params.region !== undefined && <RegionList regionKeyParam={params.region} types={overview.regionTypes} />}
    </div>
  );
}

function SlowestLink({ span, ns }: { span: { startNs: number; endNs: number; g: unknown }; ns: number }) {
  return (
    <button type="button" className="linkish" title="Open the slowest on the timeline" onClick={(e) => (e.stopPropagation(), openOnTimeline({ startNs: span.startNs, endNs: span.endNs, goroutine: Number(span.g) }))}>
      {goDuration(ns)}
    </button>
  );
}

function TaskList({ name }: { name: string }) {
  // Go's "search log text": tasks whose type, regions or logs contain the text.
  const [text, setText] = useState('');
  const filter = text === '' ? { name } : { name, logText: text };
  const res = useAnalysisQuery({ q: 'tasks', filter });
  const cols: Column<TaskRow>[] = [
    {
      key: 'id',
      label: 'Task',
      align: 'left',
      value: (t) => t.id,
      render: (t) => (
        <button type="button" className="linkish" onClick={(e) => (e.stopPropagation(), openOnTimeline({ startNs: t.startNs, endNs: t.endNs, goroutine: t.goroutines.length > 0 ? Number(t.goroutines[0]) : undefined }))}>
          task {dec(t.id)}
        </button>
      ),
    },
    { key: 'start', label: 'Start', value: (t) => t.startNs, render: (t) => fmtMs(t.startNs) },
    { key: 'dur', label: 'Duration', value: (t) => t.durationNs, render: (t) => goDuration(t.durationNs) },
    { key: 'complete', label: 'Complete', value: (t) => (t.complete ? 'yes' : 'no') },
    { key: 'parent', label: 'Parent', value: (t) => (t.parent === null ? '' : dec(t.parent)) },
    { key: 'children', label: 'Child tasks', value: (t) => t.children.map(dec).join(' ') },
    {
      key: 'profile',
      label: 'Profile',
      noCsv: true,
      value: (t) => t.durationNs,
      render: (t) => (
        <button type="button" className="linkish" onClick={(e) => (e.stopPropagation(), setTraceView('profiles', { kind: 'sync', by: 'task', id: dec(t.id) }))}>
          profiles
        </button>
      ),
    },
    { key: 'events', label: 'Events', align: 'left', value: (t) => t.events.map((e) => e.what).join('; '), render: (t) => <TaskEvents t={t} /> },
  ];
  return (
    <section className="card card-pad" aria-labelledby="task-list-title" data-testid="task-list">
      <h3 className="section-title" id="task-list-title">
        Tasks of type <code>{name || '(no type)'}</code>
      </h3>
      <div className="filters">
        <label>
          Search logs and region types <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="task-search" />
        </label>
      </div>
      {res.status === 'loading' && <p className="analysis-empty">Loading…</p>}
      {res.status === 'failed' && <p role="alert">{res.error}</p>}
      {res.status === 'done' && (
        <SortableTable rows={res.answer.rows} columns={cols} caption={`Tasks of type ${name}`} csvName={`tasks-${name || 'untyped'}.csv`} rowKey={(t) => dec(t.id)} initialSort="dur" testId="tasks" csvRows={async () => (await queryAnalysis({ q: 'tasks', filter, all: true })).rows} />
      )}
    </section>
  );
}

function TaskEvents({ t }: { t: TaskRow }) {
  return (
    <details>
      <summary>{t.events.length} events</summary>
      <table className="task-events">
        <tbody>
          {t.events.map((e, i) => (
            <tr key={i}>
              <td>{fmtMs(e.timeNs)}</td>
              <td>+{goDuration(e.elapsedNs)}</td>
              <td>G{dec(e.g)}</td>
              <td>{e.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function RegionList({ regionKeyParam, types }: { regionKeyParam: string; types: readonly RegionType[] }) {
  const type = types.find((t) => t.key === regionKeyParam);
  const filter = type ? { name: type.name, pc: type.frame.pc } : null;
  const res = useAnalysisQuery(filter ? { q: 'regions', filter } : null);
  const detail = res.status === 'done' ? res.answer.detail : null;
  const cols = useMemo<Column<RegionRow>[]>(() => {
    if (!detail) return [];
    return [
      {
        key: 'g',
        label: 'Goroutine',
        align: 'left',
        value: (r) => r.id,
        render: (r) => (
          <button type="button" className="linkish" onClick={(e) => (e.stopPropagation(), openOnTimeline({ startNs: r.startNs, endNs: r.endNs, goroutine: Number(r.id) }))}>
            G{dec(r.id)}
          </button>
        ),
      },
      { key: 'task', label: 'Task', value: (r) => (r.task === 0 ? '' : dec(r.task)) },
      { key: 'start', label: 'Start', value: (r) => r.startNs, render: (r) => fmtMs(r.startNs) },
      { key: 'dur', label: 'Duration', value: (r) => r.endNs - r.startNs, render: (r) => goDuration(r.endNs - r.startNs) },
      { key: 'bar', label: 'Breakdown', noCsv: true, value: (r) => r.totalNs, render: (r) => <StatBar stats={r.stats} columns={detail.columns} maxNs={detail.maxTotalNs} /> },
      ...detail.columns.map<Column<RegionRow>>((c) => ({ key: c, label: c, value: (r) => r.stats.get(c) ?? 0, render: (r) => goDuration(r.stats.get(c) ?? 0) })),
    ];
  }, [detail]);
  if (!type || !filter) return null;
  return (
    <section className="card card-pad" aria-labelledby="region-list-title" data-testid="region-list">
      <h3 className="section-title" id="region-list-title">
        Regions <code>{type.name}</code> under <code>{type.frame.func}</code>
        <button type="button" className="btn small" onClick={() => setTraceView('profiles', { kind: 'sync', by: 'region', region: regionKey(type.name, type.frame.pc) })}>Profiles</button>
      </h3>
      {res.status === 'loading' && <p className="analysis-empty">Loading…</p>}
      {detail && (
        <SortableTable rows={detail.rows} columns={cols} caption={`Regions ${type.name}`} csvName={`regions-${type.name}.csv`} rowKey={(r) => String(r.index)} initialSort="dur" testId="regions" csvRows={async () => (await queryAnalysis({ q: 'regions', filter, all: true })).detail.rows} />
      )}
    </section>
  );
}

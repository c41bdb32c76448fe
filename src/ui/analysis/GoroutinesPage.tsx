// Goroutines grouped by start function (go tool trace's /goroutines) and, for the chosen
// group, where each goroutine's time went (its /goroutine page): sortable, downloadable, each
// goroutine a link to the timeline.

import { useMemo } from 'react';
import type { GoroutineGroup } from '../../analysis/goroutines/groups';
import type { GoroutineRow } from '../../analysis/goroutines/groups';
import { queryAnalysis } from '../../state/inspect-actions';
import { openOnTimeline, setTraceView, setViewParams } from '../../state/navigation';
import { useApp } from '../../state/store';
import { goDuration } from '../../trace/go/duration';
import { dec } from '../../trace/parse/int64';
import { AnalysisPending } from './AnalysisPending';
import { SortableTable, type Column } from './SortableTable';
import { StatBar, StatLegend } from './StatBar';
import { useAnalysisQuery } from './use-analysis';
import './analysis.css';

/** The route names the group without a start function '-' (no Go function is called that). */
export const NO_NAME = '-';
export const groupLabel = (name: string) => name || '(no stack seen)';

export function GoroutinesPage() {
  const overview = useApp((s) => s.inspect.analysis);
  const params = useApp((s) => s.viewParams);
  if (!overview) return <AnalysisPending />;
  const selected = params.group === undefined ? null : params.group === NO_NAME ? '' : params.group;
  const total = overview.groups.reduce((n, g) => n + g.execNs, 0);
  const columns: Column<GoroutineGroup>[] = [
    { key: 'name', label: 'Start function', align: 'left', value: (g) => g.name, render: (g) => <span className="name">{groupLabel(g.name)}</span> },
    { key: 'count', label: 'Goroutines', value: (g) => g.count },
    { key: 'exec', label: 'Execution time', value: (g) => g.execNs, render: (g) => goDuration(g.execNs) },
    { key: 'share', label: 'Share', value: (g) => (total > 0 ? g.execNs / total : 0), render: (g) => (total > 0 ? `${((g.execNs / total) * 100).toFixed(1)}%` : '—') },
  ];
  return (
    <div className="analysis-page">
      <section className="card card-pad" aria-labelledby="groups-title">
        <h3 className="section-title" id="groups-title">
          Goroutines by start function <span className="sub">{overview.goroutines.toLocaleString('en-US')} goroutines in {overview.groups.length} groups; choose a group for its breakdown</span>
        </h3>
        <SortableTable
          rows={overview.groups}
          columns={columns}
          caption="Goroutine groups"
          csvName="goroutine-groups.csv"
          rowKey={(g) => g.name}
          initialSort="exec"
          testId="goroutine-groups"
          selectedKey={selected}
          onRowClick={(g) => setViewParams({ group: g.name === '' ? NO_NAME : g.name }, 'push')}
        />
      </section>
      {selected !== null && <GroupDetailCard name={selected} endNs={overview.endNs} />}
    </div>
  );
}

function GroupDetailCard({ name, endNs }: { name: string; endNs: number }) {
  const res = useAnalysisQuery({ q: 'group', name });
  const detail = res.status === 'done' ? res.answer.detail : null;
  const columns = useMemo<Column<GoroutineRow>[]>(() => {
    if (!detail) return [];
    return [
      {
        key: 'id',
        label: 'Goroutine',
        align: 'left',
        value: (r) => r.id,
        render: (r) => (
          <button
            type="button"
            className="linkish"
            title="Open on the timeline"
            onClick={(e) => {
              e.stopPropagation();
              openOnTimeline({ startNs: r.creationNs, endNs: r.endNs ?? endNs, goroutine: Number(r.id) });
            }}
          >
            G{dec(r.id)}
          </button>
        ),
      },
      { key: 'total', label: 'Total', value: (r) => r.totalNs, render: (r) => goDuration(r.totalNs) },
      { key: 'bar', label: 'Breakdown', noCsv: true, value: (r) => r.totalNs, render: (r) => <StatBar stats={r.stats} columns={detail.columns} maxNs={detail.maxTotalNs} /> },
      ...detail.columns.map<Column<GoroutineRow>>((c) => ({ key: c, label: c, value: (r) => r.stats.get(c) ?? 0, render: (r) => goDuration(r.stats.get(c) ?? 0) })),
      ...detail.rangeColumns.map<Column<GoroutineRow>>((c) => ({ key: `range:${c}`, label: c, title: 'Time in this range (overlaps the columns before)', value: (r) => r.ranges.get(c) ?? 0, render: (r) => goDuration(r.ranges.get(c) ?? 0) })),
    ];
  }, [detail, endNs]);
  return (
    <section className="card card-pad" aria-labelledby="group-title" data-testid="group-detail">
      <h3 className="section-title" id="group-title">
        <code>{groupLabel(name)}</code>
        {detail && (
          <span className="sub">
            {detail.count} goroutines, {detail.execPercent || '0%'} of all execution time
          </span>
        )}
      </h3>
      <p className="filters">
        Profiles of this group:
        {(['sync', 'net', 'syscall', 'sched', 'cpu'] as const).map((k) => (
          <button key={k} type="button" className="btn small" onClick={() => setTraceView('profiles', { kind: k, by: 'group', name: name === '' ? NO_NAME : name })}>
            {k}
          </button>
        ))}
      </p>
      {res.status === 'loading' && <p className="analysis-empty">Loading…</p>}
      {res.status === 'failed' && <p role="alert">{res.error}</p>}
      {detail && (
        <>
          <StatLegend columns={detail.columns} />
          <SortableTable
            rows={detail.rows}
            columns={columns}
            caption={`Goroutines of ${groupLabel(name)}`}
            csvName={`goroutines-${name || 'no-stack'}.csv`}
            rowKey={(r) => dec(r.id)}
            initialSort="total"
            testId="group-goroutines"
            csvRows={async () => (await queryAnalysis({ q: 'group', name, all: true })).detail.rows}
          />
        </>
      )}
    </section>
  );
}

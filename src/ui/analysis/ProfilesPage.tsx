// The blocking profiles (network, sync, syscall, scheduler latency) and the CPU samples of the
// whole trace, a goroutine group, a region type or a task, as a flame graph, the top stacks,
// and a gzipped pprof file that `go tool pprof` reads (the same samples as
// `go tool trace -pprof=TYPE` for the whole trace).

import type { ProfileKind } from '../../analysis/profiles/profile-sink';
import type { ProfileRecord, ProfileSelection } from '../../analysis/profiles/select';
import type { AnalysisOverview } from '../../analysis/queries';
import { queryAnalysis } from '../../state/inspect-actions';
import { openOnTimeline, setViewParams } from '../../state/navigation';
import type { RouteParams } from '../../state/route';
import { useApp } from '../../state/store';
import { goDuration } from '../../trace/go/duration';
import { downloadBlob } from './download';
import { FlameGraph } from './FlameGraph';
import { AnalysisPending } from './AnalysisPending';
import { groupLabel, NO_NAME } from './GoroutinesPage';
import { SortableTable, type Column } from './SortableTable';
import { useAnalysisQuery } from './use-analysis';
import './analysis.css';

export const KIND_LABELS: Record<ProfileKind, string> = {
  sync: 'Sync blocking',
  net: 'Network wait',
  syscall: 'Syscalls',
  sched: 'Scheduler latency',
  cpu: 'CPU samples',
};
const KINDS: ProfileKind[] = ['sync', 'net', 'syscall', 'sched', 'cpu'];

/** The selection a page's parameters name, and its words; null when they name nothing known. */
export function selectionOf(p: RouteParams, o: AnalysisOverview): { sel: ProfileSelection; label: string } | null {
  switch (p.by ?? 'all') {
    case 'group': {
      const name = p.name === NO_NAME ? '' : p.name ?? '';
      return { sel: { by: 'group', name }, label: `goroutines of ${groupLabel(name)}` };
    }
    case 'region': {
      const t = o.regionTypes.find((r) => r.key === p.region);
      return t ? { sel: { by: 'regions', filter: { name: t.name, pc: t.frame.pc } }, label: `regions ${t.name || '(inherited)'} under ${t.frame.func}` } : null;
    }
    case 'task': {
      if (!p.id || !/^\d+$/.test(p.id)) return null;
      const id = BigInt(p.id) <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(p.id) : BigInt(p.id);
      return { sel: { by: 'task', id }, label: `task ${p.id} and its child tasks` };
    }
    default:
      return { sel: { by: 'all' }, label: 'the whole trace' };
  }
}

export function ProfilesPage() {
  const overview = useApp((s) => s.inspect.analysis);
  const params = useApp((s) => s.viewParams);
  if (!overview) return <AnalysisPending />;
  const kind = (KINDS as string[]).includes(params.kind ?? '') ? (params.kind as ProfileKind) : 'sync';
  const chosen = selectionOf(params, overview);
  return (
    <div className="analysis-page">
      <section className="card card-pad" aria-labelledby="profiles-title">
        <h3 className="section-title" id="profiles-title">
          Profiles <span className="sub">of {chosen?.label ?? 'nothing: the link names no known group, region or task'}</span>
        </h3>
        <div className="filters" role="group" aria-label="Profile">
          {KINDS.map((k) => {
            const t = overview.profiles.find((p) => p.kind === k)!;
            return (
              <button key={k} type="button" className={`btn small${k === kind ? ' on' : ''}`} aria-pressed={k === kind} onClick={() => setViewParams({ ...params, kind: k }, 'push')}>
                {KIND_LABELS[k]} <span className="sub">({k === 'cpu' ? `${t.count} samples` : goDuration(t.ns)} in all)</span>
              </button>
            );
          })}
          {(params.by ?? 'all') !== 'all' && (
            <button type="button" className="btn small" onClick={() => setViewParams({ kind }, 'push')}>
              Whole trace
            </button>
          )}
        </div>
      </section>
      {chosen && <ProfileView kind={kind} sel={chosen.sel} label={chosen.label} />}
    </div>
  );
}

function ProfileView({ kind, sel, label }: { kind: ProfileKind; sel: ProfileSelection; label: string }) {
  const res = useAnalysisQuery({ q: 'profile', kind, selection: sel });
  const by = kind === 'cpu' ? 'count' : 'ns';
  const download = async () => {
    const a = await queryAnalysis({ q: 'pprof', kind, selection: sel });
    downloadBlob(new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), `${kind}.pb.gz`);
  };
  const cols: Column<ProfileRecord>[] = [
    { key: 'leaf', label: 'Where', align: 'left', value: (r) => r.stack.map((f) => f.func).join(' ← '), render: (r) => <span className="name" title={r.stack.map((f) => `${f.func} ${f.file}:${f.line}`).join('\n')}>{r.stack.slice(0, 3).map((f) => f.func || '?').join(' ← ') || '(no stack)'}</span> },
    { key: 'count', label: kind === 'cpu' ? 'Samples' : 'Count', value: (r) => r.count },
    { key: 'ns', label: kind === 'cpu' ? 'CPU time' : 'Delay', value: (r) => r.ns, render: (r) => goDuration(r.ns) },
    {
      key: 'longest',
      label: 'Longest',
      value: (r) => (r.longest ? r.longest.endNs - r.longest.startNs : 0),
      render: (r) =>
        r.longest ? (
          <button type="button" className="linkish" onClick={() => openOnTimeline({ startNs: r.longest!.startNs, endNs: r.longest!.endNs, goroutine: r.longest!.g === -1 ? undefined : Number(r.longest!.g) })}>
            {goDuration(r.longest.endNs - r.longest.startNs)}
          </button>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <section className="card card-pad" aria-labelledby="profile-title" data-testid="profile-view">
      <h3 className="section-title" id="profile-title">
        {KIND_LABELS[kind]}
        {res.status === 'done' && (
          <span className="sub" data-testid="profile-total">
            {res.answer.profile.totalCount} {kind === 'cpu' ? 'samples' : 'intervals'}, {goDuration(res.answer.profile.totalNs)}
          </span>
        )}
        <button type="button" className="btn small" data-testid="download-pprof" onClick={() => void download()}>
          Download pprof (.pb.gz)
        </button>
      </h3>
      {res.status === 'loading' && <p className="analysis-empty">Loading…</p>}
      {res.status === 'failed' && <p role="alert">{res.error}</p>}
      {res.status === 'done' && res.answer.profile.records.length === 0 && <p className="analysis-empty">Nothing of this kind in {label}.</p>}
      {res.status === 'done' && res.answer.profile.records.length > 0 && (
        <>
          <FlameGraph records={res.answer.profile.records} by={by} label={`Flame graph of ${KIND_LABELS[kind]} in ${label}`} />
          <SortableTable rows={res.answer.profile.records} columns={cols} caption="Stacks" csvName={`${kind}-stacks.csv`} rowKey={(r) => r.stack.map((f) => String(f.pc)).join(',')} initialSort="ns" testId="profile-stacks" />
        </>
      )}
    </section>
  );
}

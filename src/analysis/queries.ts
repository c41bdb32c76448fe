// What the pages of an open trace ask of its analysis, and the answers. The parse worker keeps
// the analysis of the open trace (analyse.ts) and answers these from it; only the overview
// and the rows a page shows cross to the page, never the per-goroutine state.

import type { TaskID } from '../trace/parse/index';
import type { TraceAnalysis } from './analyse';
import { regionDetail, regionTypes, type RegionDetail, type RegionFilter, type RegionType } from './annotations/region-stats';
import { taskDetail, taskTypes, type TaskFilter, type TaskRow, type TaskType } from './annotations/task-stats';
import { goroutineGroups, groupDetail, type GoroutineGroup, type GroupDetail } from './goroutines/groups';
import { encodePprofGzip } from './profiles/pprof';
import { PROFILE_KINDS, type ProfileKind } from './profiles/profile-sink';
import { selectProfile, type Profile, type ProfileSelection } from './profiles/select';
import type { GcSummary } from './gc/gc-events';
import { mmuPlot, worstWindows, type MmuOptions, type MmuPlot } from './gc/mmu';
import type { UtilWindow } from './gc/mmu-curve';
import type { TriageItem } from './triage';

export interface ProfileTotal {
  kind: ProfileKind;
  count: number;
  ns: number;
}

/** What every page needs at once; small (one row per group or type). */
export interface AnalysisOverview {
  goroutines: number;
  groups: GoroutineGroup[];
  tasks: number;
  taskTypes: TaskType[];
  regions: number;
  regionTypes: RegionType[];
  /** Whole-trace totals of each profile. */
  profiles: ProfileTotal[];
  /** Trace span, ns since the first event. */
  endNs: number;
  logsDropped: number;
  gc: GcSummary;
  triage: TriageItem[];
}

export type AnalysisQuery =
  | { readonly q: 'group'; readonly name: string; readonly sortBy?: string; readonly all?: boolean }
  | { readonly q: 'regions'; readonly filter: RegionFilter; readonly sortBy?: string; readonly all?: boolean }
  | { readonly q: 'tasks'; readonly filter: TaskFilter; readonly all?: boolean }
  | { readonly q: 'profile'; readonly kind: ProfileKind; readonly selection: ProfileSelection }
  | { readonly q: 'pprof'; readonly kind: ProfileKind; readonly selection: ProfileSelection }
  | { readonly q: 'mmu'; readonly options: MmuOptions }
  | { readonly q: 'mmu-worst'; readonly options: MmuOptions; readonly windowNs: number };

export type AnalysisAnswer =
  | { readonly q: 'group'; readonly detail: GroupDetail }
  | { readonly q: 'regions'; readonly detail: RegionDetail }
  | { readonly q: 'tasks'; readonly rows: TaskRow[] }
  | { readonly q: 'profile'; readonly profile: Profile }
  | { readonly q: 'pprof'; readonly bytes: Uint8Array }
  | { readonly q: 'mmu'; readonly plot: MmuPlot | null }
  | { readonly q: 'mmu-worst'; readonly windows: UtilWindow[] };

/** At most this many rows cross to the page for one table (the rest stay in the worker). */
export const MAX_ROWS = 5_000;

export function overview(t: TraceAnalysis): AnalysisOverview {
  const a = t.annotations;
  return {
    goroutines: a.goroutines.length,
    groups: goroutineGroups(a.goroutines),
    tasks: a.tasks.length,
    taskTypes: taskTypes(a),
    regions: a.goroutines.reduce((n, g) => n + g.regions.length, 0),
    regionTypes: regionTypes(a),
    profiles: PROFILE_KINDS.map((kind) => {
      const p = selectProfile(t.profiles, a, kind, { by: 'all' });
      return { kind, count: p.totalCount, ns: p.totalNs };
    }),
    endNs: a.endNs,
    logsDropped: a.logsDropped,
    gc: t.gc,
    triage: t.triage,
  };
}

export async function answer(t: TraceAnalysis, query: AnalysisQuery): Promise<AnalysisAnswer> {
  const a = t.annotations;
  // A page gets the first MAX_ROWS rows; a download (all) gets every row.
  const cap = <T>(rows: T[]) => ('all' in query && query.all ? rows : rows.slice(0, MAX_ROWS));
  switch (query.q) {
    case 'group': {
      const detail = groupDetail(a.goroutines, query.name, query.sortBy);
      return { q: 'group', detail: { ...detail, rows: cap(detail.rows) } };
    }
    case 'regions': {
      const detail = regionDetail(a, query.filter, query.sortBy);
      return { q: 'regions', detail: { ...detail, rows: cap(detail.rows) } };
    }
    case 'tasks':
      return { q: 'tasks', rows: cap(taskDetail(a, query.filter)) };
    case 'profile':
      return { q: 'profile', profile: selectProfile(t.profiles, a, query.kind, query.selection) };
    case 'pprof':
      return { q: 'pprof', bytes: await encodePprofGzip(selectProfile(t.profiles, a, query.kind, query.selection)) };
    case 'mmu':
      return { q: 'mmu', plot: mmuPlot(t.mmu, query.options) };
    case 'mmu-worst':
      return { q: 'mmu-worst', windows: worstWindows(t.mmu, query.options, query.windowNs) };
  }
}

export type { TaskID };

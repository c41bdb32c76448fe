// A profile for a selection of the trace, from the totals the profile sink kept: the whole
// trace (what `go tool trace -pprof=TYPE` writes), a goroutine group (/io?name=… and friends),
// the regions a filter selects (/regionio?type=…), or a task (its regions and those of its
// child tasks; go tool trace has no such page). Follows cmd/trace/pprof.go.

import type { GoID, StackFrame, TaskID } from '../../trace/parse/index';
import type { TraceAnnotations } from '../goroutines/summary-types';
import { regionMatches, regionSpan, type RegionFilter } from '../annotations/region-stats';
import { KIND_INDEX, ProfileTotals, type Longest, type ProfileKind, type ProfileState } from './profile-sink';

export type ProfileSelection =
  | { readonly by: 'all' }
  | { readonly by: 'group'; readonly name: string }
  | { readonly by: 'regions'; readonly filter: RegionFilter }
  | { readonly by: 'task'; readonly id: TaskID };

export interface ProfileRecord {
  /** Leaf first. */
  stack: StackFrame[];
  count: number;
  ns: number;
  /** The longest single interval with this stack in the whole trace (for a timeline link). */
  longest: Longest | null;
}

export interface Profile {
  kind: ProfileKind;
  records: ProfileRecord[];
  totalCount: number;
  totalNs: number;
}

export function selectProfile(state: ProfileState, a: TraceAnnotations, kind: ProfileKind, sel: ProfileSelection): Profile {
  const k = KIND_INDEX[kind];
  const sum = new ProfileTotals();
  if (sel.by === 'all' && kind === 'cpu') sum.addAll(state.cpu);
  else if (sel.by === 'all' || sel.by === 'group') {
    // Go gives each goroutine the interval from its first start to its end: what blocked before
    // it first ran counts only when it never ran.
    const names = sel.by === 'group' ? new Map(a.goroutines.map((g) => [g.id, g.name])) : null;
    for (const [id, g] of state.byGoroutine) {
      if (names !== null && names.get(id) !== (sel as { name: string }).name) continue;
      sum.addAll(g.all);
      if (g.started && kind !== 'cpu' && g.beforeStart !== null) sum.addAll(g.beforeStart, -1);
    }
  } else {
    const tasks = sel.by === 'task' ? taskAndDescendants(a, sel.id) : null;
    for (const g of a.goroutines) {
      const spans: { i: number; startNs: number; endNs: number }[] = [];
      for (const i of g.regions) {
        const r = a.regions[i];
        if (tasks !== null ? !tasks.has(r.task) : !regionMatches(a, r, (sel as { filter: RegionFilter }).filter)) continue;
        spans.push({ i, ...regionSpan(a, r) });
      }
      // Only the outermost regions: nested ones would count the same time twice.
      spans.sort((x, y) => x.startNs - y.startNs || x.endNs - y.endNs);
      let last = Number.NEGATIVE_INFINITY;
      for (const s of spans) {
        if (last > s.startNs) continue;
        last = s.endNs;
        const t = state.byRegion[s.i];
        if (t) sum.addAll(t);
      }
    }
  }
  // Go merges stacks whose PCs agree and shows the frames of the one it met last.
  const merged = new Map<string, { rec: ProfileRecord; seq: number }>();
  let totalCount = 0;
  let totalNs = 0;
  sum.forEach((key, count, ns, seq) => {
    if (key % 8 !== k || count === 0) return;
    const stack = Math.floor(key / 8);
    const mk = state.stacks.mergeKey[stack];
    const longest = state.longest.get(key) ?? null;
    const m = merged.get(mk);
    if (!m) merged.set(mk, { rec: { stack: state.stacks.frames[stack], count, ns, longest }, seq });
    else {
      m.rec.count += count;
      m.rec.ns += ns;
      if (longest && (!m.rec.longest || longest.endNs - longest.startNs > m.rec.longest.endNs - m.rec.longest.startNs)) m.rec.longest = longest;
      if (seq > m.seq) {
        m.seq = seq;
        m.rec.stack = state.stacks.frames[stack];
      }
    }
    totalCount += count;
    totalNs += ns;
  });
  const records = [...merged.values()].map((x) => x.rec);
  records.sort((x, y) => y.ns - x.ns || y.count - x.count);
  return { kind, records, totalCount, totalNs };
}

function taskAndDescendants(a: TraceAnnotations, id: TaskID): Set<TaskID> {
  const byId = new Map(a.tasks.map((t) => [t.id, t]));
  const out = new Set<TaskID>();
  const walk = (t: TaskID) => {
    if (out.has(t)) return;
    out.add(t);
    for (const c of byId.get(t)?.children ?? []) walk(c);
  };
  walk(id);
  return out;
}

export type { GoID };

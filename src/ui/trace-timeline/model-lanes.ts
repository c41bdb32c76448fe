// The lanes of a trace, top to bottom, from the timeline model: generations; GC and
// stop-the-world; counters; one lane per P; one per M (folded by default, as most readers
// start from Ps and goroutines); user tasks, logs and CPU samples; then one lane per goroutine,
// grouped by start function (go tool trace's /goroutines groups) with the goroutine search
// applied. Pure: a function of the model and the search.

import type { TimelineQueries } from '../../analysis/timeline/index';
import { formatInt } from '../format';
import type { GroupSpec, SectionSpec } from './lane-layout';
import { isEmptyQuery, matchBitmap, type Query } from './search';

export const LANE_PX = { gens: 22, gc: 20, stw: 20, heap: 46, gcount: 36, tcount: 30, proc: 24, thread: 20, tasks: 22, logs: 18, cpu: 18 };

export interface GroupView {
  readonly key: string;
  readonly startFunc: string;
  /** Goroutine indices shown in this group (after the search), ascending by ID. */
  readonly members: Uint32Array;
  /** Goroutines in the group before the search. */
  readonly total: number;
}

export interface ModelLanes {
  readonly sections: SectionSpec[];
  readonly groups: readonly GroupView[];
  /** Goroutine index → position of its group in `groups` (−1: hidden by the search). */
  readonly groupOf: Int32Array;
  /** Goroutine index → its row within the group. */
  readonly rowOf: Uint32Array;
  /** Search matches as a bitmap over goroutine indices; null when there is no search. */
  readonly matchBits: Uint8Array | null;
  readonly matchCount: number;
}

export function groupKey(startFunc: string): string {
  return `grp:${startFunc}`;
}

export function buildLanes(m: TimelineQueries, query: Query, tasks: { readonly count: number; readonly maxDepth: number }): ModelLanes {
  const n = m.goroutineCount;
  const all = m.goroutineGroups();
  const search = isEmptyQuery(query) ? null : matchBitmap(query, n, all, (id) => m.goroutineIndex(BigInt(id)));
  const groupOf = new Int32Array(n).fill(-1);
  const rowOf = new Uint32Array(n);
  const groups: GroupView[] = [];
  for (const g of all) {
    let members = g.goroutines;
    if (search) members = members.filter((i) => search.bits[i] === 1);
    if (members.length === 0) continue;
    const gi = groups.length;
    for (let r = 0; r < members.length; r++) {
      groupOf[members[r]] = gi;
      rowOf[members[r]] = r;
    }
    groups.push({ key: groupKey(g.startFunc), startFunc: g.startFunc, members, total: g.count });
  }

  // By Go's ID, as go tool trace lists them (the model lists them as they first appeared).
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id.length - b.id.length) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const procs = byId(m.procs());
  const threads = byId(m.threads());
  const sections: SectionSpec[] = [
    { key: 'sec-gens', title: 'Generations', lanes: [{ key: 'gens', label: 'Generations', sub: formatInt(m.generations.length), heightCssPx: LANE_PX.gens }] },
    {
      key: 'sec-gc',
      title: 'Garbage collection',
      lanes: [
        { key: 'gc', label: 'GC', sub: 'mark, sweep', heightCssPx: LANE_PX.gc },
        { key: 'stw', label: 'Stop the world', heightCssPx: LANE_PX.stw },
      ],
    },
    {
      key: 'sec-counters',
      title: 'Counters',
      lanes: [
        { key: 'heap', label: 'Heap', sub: 'live, goal', heightCssPx: LANE_PX.heap },
        { key: 'gcount', label: 'Goroutines', sub: 'run/wait', heightCssPx: LANE_PX.gcount },
        { key: 'tcount', label: 'Threads', sub: 'P, syscall', heightCssPx: LANE_PX.tcount },
      ],
    },
    { key: 'sec-procs', title: `Processors (${procs.length})`, lanes: procs.map((p) => ({ key: `p${p.index}`, label: p.label, heightCssPx: LANE_PX.proc })) },
    {
      key: 'sec-threads',
      title: `Threads (${threads.length})`,
      collapsedByDefault: true,
      lanes: threads.map((t) => ({ key: `m${t.index}`, label: t.label, heightCssPx: LANE_PX.thread })),
    },
    {
      key: 'sec-user',
      title: 'Tasks, logs, CPU samples',
      lanes: [
        { key: 'tasks', label: 'Tasks', sub: formatInt(tasks.count), heightCssPx: Math.max(1, tasks.maxDepth) * LANE_PX.tasks },
        { key: 'logs', label: 'Logs', heightCssPx: LANE_PX.logs },
        { key: 'cpu', label: 'CPU samples', heightCssPx: LANE_PX.cpu },
      ],
    },
    {
      key: 'sec-goroutines',
      title: search ? `Goroutines (${formatInt(search.n)} of ${formatInt(n)} match)` : `Goroutines (${formatInt(n)})`,
      groups: groups.map((g): GroupSpec => ({ key: g.key, title: g.startFunc || '(no start function seen)', count: g.members.length })),
    },
  ];
  return { sections, groups, groupOf, rowOf, matchBits: search?.bits ?? null, matchCount: search?.n ?? n };
}

/** How deep each task nests (a task under a task under …), for the tasks lane's rows. */
export function taskDepths(m: TimelineQueries): Int32Array {
  const tasks = m.tasks();
  const depth = new Int32Array(tasks.length).fill(-1);
  const chain: number[] = [];
  for (let i = 0; i < tasks.length; i++) {
    // Walk up to a task whose depth is known or to a root; a chain longer than the task list
    // is a cycle in a crafted trace, cut there.
    chain.length = 0;
    let t = i;
    while (t >= 0 && t < tasks.length && depth[t] < 0 && chain.length <= tasks.length) {
      chain.push(t);
      t = tasks[t].parent;
    }
    let d = t >= 0 && t < tasks.length && depth[t] >= 0 ? depth[t] : -1;
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k]] = ++d;
  }
  return depth;
}

/** Lane key → proc/thread index for 'p3' / 'm7'; null for other lanes. */
export function laneIndex(key: string, prefix: 'p' | 'm'): number | null {
  if (key.length < 2 || key[0] !== prefix) return null;
  const n = Number(key.slice(1));
  return Number.isInteger(n) && n >= 0 ? n : null;
}

// User tasks by nesting depth, each depth an IntervalIndex, for the tasks lane, with what the
// lane prints of each (ID, type, parent) copied out once. A busy server's trace holds hundreds
// of thousands of tasks and the model makes a record per task for tasks(): that list is
// asked for only when the index is rebuilt — when the model has grown and, while generations
// are still arriving, at most every REBUILD_MS.

import type { TimelineQueries } from '../../analysis/timeline/index';
import { IntervalIndex } from './interval-index';
import { taskDepths } from './model-lanes';

const REBUILD_MS = 5000;

export interface TasksIndex {
  readonly count: number;
  readonly maxDepth: number;
  readonly byDepth: readonly IntervalIndex[];
  /** By task index: Go's ID, type, parent task index (−1 none), start and end (ns). */
  readonly ids: readonly string[];
  readonly types: readonly string[];
  readonly parents: Int32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

const cache = new WeakMap<TimelineQueries, { version: number; at: number; ix: TasksIndex }>();

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export function tasksIndex(m: TimelineQueries): TasksIndex {
  const hit = cache.get(m);
  const t = now();
  if (hit && (hit.version === m.version || (!m.complete && t - hit.at < REBUILD_MS))) return hit.ix;
  const tasks = m.tasks();
  const depths = taskDepths(m);
  let maxDepth = 0;
  for (const d of depths) maxDepth = Math.max(maxDepth, d + 1);
  const n = tasks.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const parents = new Int32Array(n);
  const ids: string[] = new Array(n);
  const types: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = tasks[i].startNs ?? 0;
    ends[i] = tasks[i].endNs ?? m.endNs;
    parents[i] = tasks[i].parent;
    ids[i] = tasks[i].id;
    types[i] = tasks[i].type;
  }
  const byDepth: IntervalIndex[] = [];
  for (let d = 0; d < maxDepth; d++) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (depths[i] === d) members.push(i);
    byDepth.push(
      new IntervalIndex(
        members.map((i) => starts[i]),
        members.map((i) => ends[i]),
        members,
        0,
        Math.max(1, m.endNs),
      ),
    );
  }
  const ix = { count: n, maxDepth, byDepth, ids, types, parents, starts, ends };
  cache.set(m, { version: m.version, at: t, ix });
  return ix;
}

/** The deepest task whose span contains t (task index), or −1. */
export function taskAt(ix: TasksIndex, t: number): number {
  for (let d = ix.byDepth.length - 1; d >= 0; d--) {
    let found = -1;
    ix.byDepth[d].forEach(t, t, (i) => {
      found = ix.byDepth[d].ids[i];
    });
    if (found >= 0) return found;
  }
  return -1;
}

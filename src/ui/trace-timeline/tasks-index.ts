// User tasks by nesting depth, each depth an IntervalIndex, for the tasks lane. A busy
// server's trace holds hundreds of thousands of tasks; sorting them is done again only when
// the count has grown and, while generations are still arriving, at most every REBUILD_MS.

import type { TimelineQueries } from '../../analysis/timeline/index';
import { IntervalIndex } from './interval-index';
import { taskDepths } from './model-lanes';

const REBUILD_MS = 2000;

export interface TasksIndex {
  readonly depths: Int32Array;
  readonly maxDepth: number;
  readonly byDepth: readonly IntervalIndex[];
}

const cache = new WeakMap<TimelineQueries, { n: number; at: number; ix: TasksIndex }>();

export function tasksIndex(m: TimelineQueries): TasksIndex {
  const tasks = m.tasks();
  const hit = cache.get(m);
  const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
  if (hit && (hit.n === tasks.length || (!m.complete && now - hit.at < REBUILD_MS))) return hit.ix;
  const depths = taskDepths(m);
  let maxDepth = 0;
  for (const d of depths) maxDepth = Math.max(maxDepth, d + 1);
  const byDepth: IntervalIndex[] = [];
  for (let d = 0; d < maxDepth; d++) {
    const s: number[] = [];
    const e: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < tasks.length; i++) {
      if (depths[i] !== d) continue;
      s.push(tasks[i].startNs ?? 0);
      e.push(tasks[i].endNs ?? m.endNs);
      ids.push(i);
    }
    byDepth.push(new IntervalIndex(s, e, ids, 0, Math.max(1, m.endNs)));
  }
  const ix = { depths, maxDepth, byDepth };
  cache.set(m, { n: tasks.length, at: now, ix });
  return ix;
}

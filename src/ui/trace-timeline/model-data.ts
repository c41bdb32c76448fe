// The timeline view's data (TimelineData) from the timeline model: the lanes of
// model-lanes.ts, each with its painter, and goroutine rows by group. Made again when the
// model grows (a generation arrived) or the search changes; painters are made on first use
// and kept for the life of this object.

import { LaneKind, RangeKind, type TimelineQueries } from '../../analysis/timeline/index';
import type { Row } from './lane-layout';
import { ModelContext } from './model-context';
import { buildLanes, LANE_PX, laneIndex } from './model-lanes';
import { tasksIndex, type TasksIndex } from './tasks-index';
import type { LaneContent } from './paint';
import { goroutinesLane, heapLane, threadsLane } from './paint-counters';
import { generationsLane, pointsLane, rangesLane, tasksLane } from './paint-global';
import { goroutineLane, runnerLane } from './paint-spans';
import type { Query } from './search';
import type { GoroutinePlace, RowLabel, TimelineData } from './timeline-data';

export class ModelData implements TimelineData {
  readonly ctx: ModelContext;
  readonly sections;
  private readonly fixed = new Map<string, LaneContent | null>();
  private readonly rows = new Map<number, LaneContent>();
  private readonly tasks: TasksIndex;

  constructor(
    readonly model: TimelineQueries,
    query: Query,
  ) {
    this.tasks = tasksIndex(model);
    const lanes = buildLanes(model, query, this.tasks);
    this.ctx = new ModelContext(model, lanes);
    this.sections = lanes.sections;
  }

  get durationNs(): number {
    return this.model.endNs;
  }

  content(row: Row): LaneContent | null {
    if (row.kind === 'lane') {
      let c = this.fixed.get(row.key);
      if (c === undefined) {
        c = this.makeFixed(row.key);
        this.fixed.set(row.key, c);
      }
      return c;
    }
    if (row.kind === 'row') {
      const g = this.goroutineOf(row.groupIndex, row.index);
      if (g < 0) return null;
      let c = this.rows.get(g);
      if (!c) {
        // Rows leave the view as it scrolls: keep the cache to about a few screens.
        if (this.rows.size > 2000) this.rows.clear();
        c = goroutineLane(this.ctx, g);
        this.rows.set(g, c);
      }
      return c;
    }
    return null;
  }

  private makeFixed(key: string): LaneContent | null {
    const ctx = this.ctx;
    switch (key) {
      case 'gens':
        return generationsLane(ctx);
      case 'gc':
        return rangesLane(ctx, RangeKind.GCMark);
      case 'stw':
        return rangesLane(ctx, RangeKind.STW);
      case 'heap':
        return heapLane(ctx);
      case 'gcount':
        return goroutinesLane(ctx);
      case 'tcount':
        return threadsLane(ctx);
      case 'tasks':
        return tasksLane(ctx, this.tasks, LANE_PX.tasks);
      case 'logs':
        return pointsLane(ctx, 'logs');
      case 'cpu':
        return pointsLane(ctx, 'cpu');
    }
    const p = laneIndex(key, 'p');
    if (p !== null) return runnerLane(ctx, LaneKind.Proc, p, this.model.procs()[p]?.label ?? key);
    const m = laneIndex(key, 'm');
    if (m !== null) return runnerLane(ctx, LaneKind.Thread, m, this.model.threads()[m]?.label ?? key);
    return null;
  }

  /** Goroutine index at row `index` of shown group `groupIndex`; −1 when out of range. */
  goroutineOf(groupIndex: number, index: number): number {
    const g = this.ctx.lanes.groups[groupIndex];
    return g && index < g.members.length ? g.members[index] : -1;
  }

  rowLabel(groupIndex: number, index: number): RowLabel {
    const g = this.goroutineOf(groupIndex, index);
    if (g < 0) return { text: '', aria: '', goroutine: null };
    const info = this.ctx.info(g);
    const id = Number(info.id);
    const label = info.name.replace(/^G\d+ /, '');
    return {
      text: `G${info.id}`,
      sub: label !== info.startFunc ? label : undefined,
      aria: `Select goroutine ${info.id}, ${info.name}`,
      goroutine: Number.isSafeInteger(id) ? id : null,
    };
  }

  goroutinePlace(id: number): GoroutinePlace | null {
    const g = this.model.goroutineIndex(id);
    if (g < 0) return null;
    const gi = this.ctx.lanes.groupOf[g];
    if (gi < 0) return null;
    return { group: this.ctx.lanes.groups[gi].key, index: this.ctx.lanes.rowOf[g] };
  }
}

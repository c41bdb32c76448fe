// User tasks, regions and logs as Go's internal/trace/summary.go (Summarizer) records them for
// cmd/trace's /usertasks, /usertask, /userregions and /userregion pages: a record per task,
// region and log, never per event. The summarizer (summarizer.ts) finds the goroutine an event
// is on and hands it here; a region's stats are the difference of two of its goroutine's
// snapshots (goroutine-pending.ts).
//
// Go's quirk is kept: the first RegionEnd pops whichever region is on top, even the one a new
// goroutine inherits from its creator.

import type { GoRelease } from '../../trace/go/strconv';
import { quoteGo } from '../../trace/go/string';
import { EventKind, NO_TASK, type GoID, type Stack, type StackFrame, type TaskID, type TraceEvent } from '../../trace/parse/index';
import type { EvTable } from '../../trace/parse/tables';
import { EventTexts } from './event-texts';
import { emptyStats, subStats, type ExecStats } from './exec-stats';
import type { LiveGoroutines } from './goroutine-pending';
import { regionFingerprintFrame, type EventRef, type LogRef, type RegionSummary, type TaskSummary, type TraceAnnotations } from './summary-types';

/**
 * Caps on what grows with annotations rather than goroutines: logs are events, and a
 * program can write millions. Past the cap the summary says how many were dropped.
 */
export const MAX_LOGS = 200_000;
/** Up to this many a task's goroutines are searched in its list. */
const SMALL = 8;

export class AnnotationBook {
  /** The words for the events that begin and end tasks and regions (and goroutines in them). */
  readonly texts: EventTexts;
  private readonly tasks = new Map<TaskID, TaskSummary>();
  private readonly regions: RegionSummary[] = [];
  /** The goroutines of tasks with more than SMALL, for join(). */
  private readonly taskGoroutines = new Map<TaskID, Set<GoID>>();
  private logs = 0;
  private logsDropped = 0;
  private readonly frames = new WeakMap<EvTable, Map<Stack['id'], StackFrame>>();

  /** `go`: the release whose strconv tables quote names and messages in event texts. */
  constructor(
    private readonly go: GoRelease,
    private readonly live: LiveGoroutines,
  ) {
    this.texts = new EventTexts(go);
  }

  /**
   * A goroutine made inside a region (ev creates the goroutine of live slot s on the one of
   * slot `creator`, -1 if that one is not alive) inherits that region's task, as a region with
   * no name that starts at its creation.
   */
  inheritRegion(s: number, creator: number, ev: TraceEvent, t: number): void {
    if (creator < 0) return;
    const act = this.live.active[creator];
    if (act.length > 0) {
      const top = act[act.length - 1];
      const g = this.live.summary[s]!;
      const r = this.newRegion(g.id, top.task, '', this.texts.ref(ev, t), this.fingerprint(ev.stack()), emptyStats());
      this.live.regionsOpen(s).push(r);
    }
  }

  /** RegionBegin on the goroutine of live slot s: a region opens with a snapshot of its stats. */
  regionBegin(s: number, ev: TraceEvent, t: number): void {
    const id = this.live.summary[s]!.id;
    const info = ev.region();
    const region = this.newRegion(id, info.task, info.type, this.texts.ref(ev, t), this.fingerprint(ev.stack()), this.live.snapshot(s, t));
    this.live.regionsOpen(s).push(region);
    const task = this.task(info.task);
    task.regions.push(region.index);
    this.join(task, id);
  }

  /** RegionEnd on the goroutine of live slot s; `onMadeUp` is told of a region made up for an end without a begin. */
  regionEnd(s: number, ev: TraceEvent, t: number, onMadeUp: ((r: RegionSummary) => void) | null): void {
    const g = this.live.summary[s]!;
    const info = ev.region();
    let r = this.live.active[s].pop();
    if (!r) {
      // An end without a begin (the region began before the trace): made up now.
      r = this.newRegion(g.id, info.task, info.type, null, { pc: 0, func: '', file: '', line: 0 }, emptyStats());
      const task = this.task(info.task);
      this.join(task, g.id);
      task.regions.push(r.index);
      onMadeUp?.(r);
    }
    r.stats = subStats(this.live.snapshot(s, t), r.stats);
    r.end = this.texts.ref(ev, t);
    g.regions.push(r.index);
  }

  /** TaskBegin or TaskEnd. */
  taskEvent(ev: TraceEvent, t: number): void {
    const info = ev.task();
    const task = this.task(info.id);
    task.name = info.type;
    this.join(task, ev.g);
    if (ev.kind() === EventKind.TaskBegin) task.start = this.texts.ref(ev, t);
    else task.end = this.texts.ref(ev, t);
    if (info.parent !== NO_TASK && task.parent === null) {
      const parent = this.task(info.parent);
      task.parent = parent.id;
      parent.children.push(task.id);
    }
  }

  log(ev: TraceEvent, t: number): void {
    const l = ev.log();
    const task = this.task(l.task);
    this.join(task, ev.g);
    if (this.logs >= MAX_LOGS) {
      this.logsDropped++;
      return;
    }
    this.logs++;
    // Go 1.27's wording (Go 1.26 swapped the two forms).
    const what = l.category === '' ? `log ${quoteGo(l.message, this.go)}` : `log (category: ${l.category}): ${quoteGo(l.message, this.go)}`;
    const entry: LogRef = { timeNs: t, g: ev.g, what, category: l.category, message: l.message };
    task.logs.push(entry);
  }

  /** Sorts region indexes by start time; those that began before the trace first. */
  sortByStart(indexes: number[]): void {
    indexes.sort((a, b) => {
      const x = this.regions[a].start;
      const y = this.regions[b].start;
      if (x === null) return y === null ? 0 : -1;
      if (y === null) return 1;
      return x.timeNs - y.timeNs;
    });
  }

  /** Ends the pass, after every goroutine has closed its regions. */
  finish(): Pick<TraceAnnotations, 'tasks' | 'regions' | 'logsDropped'> {
    this.taskGoroutines.clear();
    // Pushed arrays keep spare room (see the summarizer's finish); these stop growing here.
    for (const task of this.tasks.values()) {
      task.regions = task.regions.slice();
      task.goroutines = task.goroutines.slice();
    }
    return { tasks: [...this.tasks.values()], regions: this.regions, logsDropped: this.logsDropped };
  }

  private newRegion(goroutine: GoID, task: TaskID, name: string, start: EventRef | null, frame: StackFrame, stats: ExecStats): RegionSummary {
    const r: RegionSummary = { index: this.regions.length, goroutine, task, name, start, end: null, frame, stats };
    this.regions.push(r);
    return r;
  }

  private task(id: TaskID): TaskSummary {
    let task = this.tasks.get(id);
    if (!task) {
      task = { id, name: '', parent: null, children: [], start: null, end: null, logs: [], regions: [], goroutines: [] };
      this.tasks.set(id, task);
    }
    return task;
  }

  /**
   * Adds a goroutine to a task's list unless it is there: most tasks see one or two, and a Set
   * per task kept about 170 bytes; a task with many gets a Set for the pass, to look them up.
   */
  private join(task: TaskSummary, g: GoID): void {
    const gs = task.goroutines;
    if (gs.length < SMALL) {
      if (!gs.includes(g)) gs.push(g);
      return;
    }
    let seen = this.taskGoroutines.get(task.id);
    if (!seen) this.taskGoroutines.set(task.id, (seen = new Set(gs)));
    if (!seen.has(g)) {
      seen.add(g);
      gs.push(g);
    }
  }

  /** regionFingerprintFrame of a stack, worked out once per stack of each generation and shared. */
  private fingerprint(stack: Stack): StackFrame {
    if (stack.table === null) return regionFingerprintFrame(stack);
    let m = this.frames.get(stack.table);
    if (!m) this.frames.set(stack.table, (m = new Map()));
    let f = m.get(stack.id);
    if (f === undefined) m.set(stack.id, (f = regionFingerprintFrame(stack)));
    return f;
  }
}

// Per-goroutine time accounting, user tasks and regions, following Go's
// internal/trace/summary.go (Summarizer): the numbers cmd/trace's /goroutines, /goroutine,
// /usertasks, /usertask, /userregions and /userregion pages show. One sink of the event pass;
// it keeps a record per goroutine, task, region and log, never per event.
//
// Go marks "not set" times with 0; here times are relative to the first event (trace-time.ts)
// and "not set" is UNSET. Go's quirks are kept on purpose, because they are Go's numbers: a
// pending blocked syscall counts in both syscall and scheduler-wait time when a region or the
// trace ends; a "forever" wait ends the goroutine; the first RegionEnd pops whichever region
// is on top, even the one a new goroutine inherits from its creator.

import { type GoRelease, NEWEST_GO } from '../../trace/go/strconv';
import { quoteGo } from '../../trace/go/string';
import {
  EventKind,
  GoState,
  goStateString,
  NO_PROC,
  NO_TASK,
  ResourceKind,
  type GoID,
  type Stack,
  type StackFrame,
  type TaskID,
  type TraceEvent,
} from '../../trace/parse/index';
import { dec } from '../../trace/parse/int64';
import type { EvTable } from '../../trace/parse/tables';
import type { EventSink } from '../event-pass';
import { TraceClock } from '../trace-time';
import { addTo, copyStats, emptyStats, settled, subStats, type ExecStats } from './exec-stats';
import { isSystemGoroutine, regionFingerprintFrame, type GoroutineSummary, type TraceAnnotations } from './summary-types';
import type { EventRef, LogRef, RegionSummary, TaskSummary } from './summary-types';
import { transitionOf } from '../transition-memo';
import { EventTexts } from './event-texts';

const UNSET = Number.NEGATIVE_INFINITY;
const NONE: readonly RegionSummary[] = [];
/** Up to this many a task's goroutines are searched in its list. */
const SMALL = 8;

/** The bookkeeping Go keeps per goroutine only while summarizing (goroutineSummary). */
class Pending {
  lastStart = UNSET;
  lastRunnable = UNSET;
  lastBlock = UNSET;
  lastBlockReason = '';
  lastSyscall = UNSET;
  lastSyscallBlock = UNSET;
  /** Open special ranges by name; made on the first (most goroutines never have one). */
  lastRange: Map<string, number> | null = null;
  /** Stack of regions open on the goroutine; their stats hold the snapshot at their start. */
  active: RegionSummary[] = [];
}

interface G extends GoroutineSummary {
  pending: Pending | null;
}

/**
 * Caps on what grows with annotations rather than goroutines: logs are events, and a
 * program can write millions. Past the cap the summary says how many were dropped.
 */
export const MAX_LOGS = 200_000;

export class GoroutineSummarizer implements EventSink {
  readonly clock = new TraceClock();
  private readonly gs = new Map<GoID, G>();
  private readonly tasks = new Map<TaskID, TaskSummary>();
  private readonly regions: RegionSummary[] = [];
  private readonly syscallingP = new Map<number | bigint, GoID>();
  private readonly syscallingG = new Map<GoID, number | bigint>();
  private readonly rangesP = new Map<string, GoID>();
  /** The goroutines of tasks with more than SMALL, for join(). */
  private readonly taskGoroutines = new Map<TaskID, Set<GoID>>();
  private lastTs = 0;
  private syncTs = UNSET;
  private logs = 0;
  private logsDropped = 0;
  private readonly texts: EventTexts;
  private readonly frames = new WeakMap<EvTable, Map<Stack['id'], StackFrame>>();
  /** Told of each region made up at an end without a begin (the profiles attribute to it). */
  onMadeUpRegion: ((r: RegionSummary) => void) | null = null;

  /** `go`: the release whose strconv tables quote names and messages in event texts. */
  constructor(private readonly go: GoRelease = NEWEST_GO) {
    this.texts = new EventTexts(go);
  }

  event(ev: TraceEvent): void {
    const t = this.clock.rel(ev.time);
    if (this.syncTs === UNSET) this.syncTs = t;
    this.lastTs = t;
    switch (ev.kind()) {
      case EventKind.Sync:
        this.syncTs = t;
        break;
      case EventKind.StateTransition:
        this.transition(ev, t);
        break;
      case EventKind.RangeBegin:
      case EventKind.RangeActive:
        this.rangeBegin(ev, t);
        break;
      case EventKind.RangeEnd:
        this.rangeEnd(ev, t);
        break;
      case EventKind.RegionBegin:
        this.regionBegin(ev, t);
        break;
      case EventKind.RegionEnd:
        this.regionEnd(ev, t);
        break;
      case EventKind.TaskBegin:
      case EventKind.TaskEnd:
        this.taskEvent(ev, t);
        break;
      case EventKind.Log:
        this.log(ev, t);
        break;
    }
  }

  private transition(ev: TraceEvent, t: number): void {
    const st = transitionOf(ev);
    if (st.resource.kind === ResourceKind.Proc) {
      // A P going idle while its goroutine is in a syscall: the syscall now blocks.
      if (st.from !== st.to && st.to === 3 /* ProcState.Idle */) {
        const goid = this.syscallingP.get(st.resource.id);
        if (goid !== undefined) {
          const g = this.gs.get(goid);
          if (g?.pending) g.pending.lastSyscallBlock = t;
          this.syscallingP.delete(st.resource.id);
        }
      }
      return;
    }
    if (st.resource.kind !== ResourceKind.Goroutine) return;
    const id = st.resource.id;
    const from = st.from as GoState;
    const to = st.to as GoState;
    if (from === to) return;

    let g = this.gs.get(id);
    switch (from) {
      case GoState.Undetermined: {
        // First sight of a goroutine that existed before this generation: it has been in
        // its state since the last sync.
        g = this.newG(id, this.syncTs);
        const dt = t - this.syncTs;
        if (to === GoState.Running) g.stats.execNs += dt;
        else if (to === GoState.Waiting) addTo(g.stats.blockNs, st.reason, dt);
        else if (to === GoState.Runnable) g.stats.schedWaitNs += dt;
        else if (to === GoState.Syscall) {
          if (ev.p === NO_PROC) g.stats.syscallBlockNs += dt;
          else g.stats.syscallNs += dt;
        }
        this.gs.set(id, g);
        break;
      }
      case GoState.NotExist: {
        g = this.newG(id, t);
        // A goroutine made inside a region inherits that region's task, as a region with no
        // name that starts at its creation.
        const creator = this.gs.get(ev.g);
        const act = creator?.pending?.active;
        if (act && act.length > 0) {
          const top = act[act.length - 1];
          const r = this.newRegion(id, top.task, '', this.texts.ref(ev, t), this.fingerprint(ev.stack()), emptyStats());
          g.pending!.active = [r];
        }
        this.gs.set(id, g);
        break;
      }
      case GoState.Running:
        if (g?.pending && g.pending.lastStart !== UNSET) g.stats.execNs += t - g.pending.lastStart;
        if (g?.pending) g.pending.lastStart = UNSET;
        break;
      case GoState.Waiting:
        if (g?.pending && g.pending.lastBlock !== UNSET) {
          addTo(g.stats.blockNs, g.pending.lastBlockReason, t - g.pending.lastBlock);
          g.pending.lastBlock = UNSET;
        }
        break;
      case GoState.Runnable:
        if (g?.pending && g.pending.lastRunnable !== UNSET) {
          g.stats.schedWaitNs += t - g.pending.lastRunnable;
          g.pending.lastRunnable = UNSET;
        }
        break;
      case GoState.Syscall: {
        const p = g?.pending;
        if (g && p && p.lastSyscall !== UNSET) {
          if (p.lastSyscallBlock !== UNSET) {
            g.stats.syscallBlockNs += t - p.lastSyscallBlock;
            g.stats.syscallNs += p.lastSyscallBlock - p.lastSyscall;
          } else {
            g.stats.syscallNs += t - p.lastSyscall;
          }
          p.lastSyscall = UNSET;
          p.lastSyscallBlock = UNSET;
          const proc = this.syscallingG.get(id);
          if (proc !== undefined) this.syscallingP.delete(proc);
          this.syscallingG.delete(id);
        }
        break;
      }
    }
    if (!g) return;

    // Name the goroutine by the root frame of the first stack seen for it: its start function.
    if (g.name === '') {
      const frames = st.stack.frames();
      for (const f of frames) {
        g.pc = f.pc;
        g.name = f.func;
      }
    }

    const p = g.pending;
    if (!p) return;
    switch (to) {
      case GoState.Running:
        p.lastStart = t;
        if (g.startNs === null) g.startNs = t;
        break;
      case GoState.Runnable:
        p.lastRunnable = t;
        break;
      case GoState.Waiting:
        if (st.reason !== 'forever') {
          p.lastBlock = t;
          p.lastBlockReason = st.reason;
          break;
        }
        // Waiting forever is the goroutine's end.
        this.finalize(g, t, this.texts.ref(ev, t));
        break;
      case GoState.NotExist:
        this.finalize(g, t, this.texts.ref(ev, t));
        break;
      case GoState.Syscall:
        this.syscallingP.set(ev.p, id);
        this.syscallingG.set(id, ev.p);
        p.lastSyscall = t;
        break;
    }
  }

  private rangeBegin(ev: TraceEvent, t: number): void {
    const r = ev.range();
    let g: G | undefined;
    if (r.scope.kind === ResourceKind.Goroutine) g = this.gs.get(r.scope.id);
    else if (r.scope.kind === ResourceKind.Proc) {
      // A P's range (a sweep) counts for the goroutine on the P if it also ends there.
      g = this.gs.get(ev.g);
      if (g) this.rangesP.set(`${dec(r.scope.id)} ${r.name}`, ev.g);
    }
    const p = g?.pending;
    if (!g || !p) return;
    if (ev.kind() === EventKind.RangeActive) {
      p.lastRange ??= new Map();
      const since = p.lastRange.get(r.name);
      if (since !== undefined) addTo(g.stats.rangeNs, r.name, this.syncTs - since);
      p.lastRange.set(r.name, this.syncTs);
    } else {
      (p.lastRange ??= new Map()).set(r.name, t);
    }
  }

  private rangeEnd(ev: TraceEvent, t: number): void {
    const r = ev.range();
    let g: G | undefined;
    if (r.scope.kind === ResourceKind.Goroutine) g = this.gs.get(r.scope.id);
    else if (r.scope.kind === ResourceKind.Proc) {
      const key = `${dec(r.scope.id)} ${r.name}`;
      const goid = this.rangesP.get(key);
      if (goid !== undefined) {
        if (goid === ev.g) g = this.gs.get(goid);
        this.rangesP.delete(key);
      }
    }
    const p = g?.pending;
    if (!g || !p) return;
    const since = p.lastRange?.get(r.name);
    if (since === undefined) return;
    addTo(g.stats.rangeNs, r.name, t - since);
    p.lastRange!.delete(r.name);
  }

  private regionBegin(ev: TraceEvent, t: number): void {
    const g = this.gs.get(ev.g);
    if (!g?.pending) return;
    const info = ev.region();
    const region = this.newRegion(g.id, info.task, info.type, this.texts.ref(ev, t), this.fingerprint(ev.stack()), this.snapshot(g, t));
    g.pending.active.push(region);
    const task = this.task(info.task);
    task.regions.push(region.index);
    this.join(task, g.id);
  }

  private regionEnd(ev: TraceEvent, t: number): void {
    const g = this.gs.get(ev.g);
    if (!g?.pending) return;
    const info = ev.region();
    let r = g.pending.active.pop();
    if (!r) {
      // An end without a begin (the region began before the trace): made up now.
      r = this.newRegion(g.id, info.task, info.type, null, { pc: 0, func: '', file: '', line: 0 }, emptyStats());
      const task = this.task(info.task);
      this.join(task, g.id);
      task.regions.push(r.index);
      this.onMadeUpRegion?.(r);
    }
    r.stats = subStats(this.snapshot(g, t), r.stats);
    r.end = this.texts.ref(ev, t);
    g.regions.push(r.index);
  }

  private taskEvent(ev: TraceEvent, t: number): void {
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

  private log(ev: TraceEvent, t: number): void {
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

  private newG(id: GoID, creation: number): G {
    return { id, name: '', pc: 0, creationNs: creation, startNs: null, endNs: null, stats: emptyStats(), regions: [], pending: new Pending() };
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

  /** The goroutine's stats as if it stopped now (Go's snapshotStat). */
  private snapshot(g: G, now: number): ExecStats {
    // Only read after this (subtracted, or subtracted from): a map nothing will add to is the
    // shared empty one rather than a fresh copy (a region begins and ends with two snapshots).
    const p = g.pending;
    const block = g.stats.blockNs.size > 0 || (p !== null && p.lastBlock !== UNSET);
    const range = g.stats.rangeNs.size > 0 || (p !== null && p.lastRange !== null && p.lastRange.size > 0);
    return this.addPending(copyStats(g.stats, block, range), g, now);
  }

  /** Adds to ret (g's stats or a copy of them) what g's open intervals hold at `now`. */
  private addPending(ret: ExecStats, g: G, now: number): ExecStats {
    const p = g.pending;
    if (!p) return ret;
    if (g.stats.totalNs === 0) ret.totalNs = now - g.creationNs;
    if (p.lastStart !== UNSET) ret.execNs += now - p.lastStart;
    if (p.lastRunnable !== UNSET) ret.schedWaitNs += now - p.lastRunnable;
    if (p.lastBlock !== UNSET) addTo(ret.blockNs, p.lastBlockReason, now - p.lastBlock);
    if (p.lastSyscall !== UNSET) ret.syscallNs += now - p.lastSyscall;
    // Go adds a pending blocked syscall to scheduler wait here (and the whole syscall above).
    if (p.lastSyscallBlock !== UNSET) ret.schedWaitNs += now - p.lastSyscallBlock;
    if (p.lastRange) for (const [name, since] of p.lastRange) addTo(ret.rangeNs, name, now - since);
    return ret;
  }

  /** The goroutine ended (trigger set) or the trace did (trigger null): Go's finalize. */
  private finalize(g: G, now: number, trigger: EventRef | null): void {
    if (trigger) g.endNs = trigger.timeNs;
    // The snapshot made in place: the goroutine's running stats are not kept anywhere else.
    const final = settled(this.addPending(g.stats, g, now));
    // System goroutines never belong to regions, even when they inherited one at creation.
    if (g.pending && !isSystemGoroutine(g.name)) {
      for (const r of g.pending.active) {
        r.end = trigger;
        r.stats = subStats(final, r.stats);
        g.regions.push(r.index);
      }
    }
    g.pending = null;
  }

  /** The regions open on a goroutine right now, innermost last (for the profiles' sink). */
  activeRegions(id: GoID): readonly RegionSummary[] {
    return this.gs.get(id)?.pending?.active ?? NONE;
  }

  /** Ends the pass: every goroutine still alive is finalized at the last event's time. */
  finish(): TraceAnnotations {
    const goroutines: GoroutineSummary[] = [];
    for (const g of this.gs.values()) {
      if (g.pending) this.finalize(g, this.lastTs, null);
      // Regions by start time; those that began before the trace first.
      g.regions.sort((a, b) => {
        const x = this.regions[a].start;
        const y = this.regions[b].start;
        if (x === null) return y === null ? 0 : -1;
        if (y === null) return 1;
        return x.timeNs - y.timeNs;
      });
      const { pending: _, ...summary } = g;
      // Arrays grown by push keep spare room (16 slots for the first); these stop growing here.
      summary.regions = summary.regions.slice();
      goroutines.push(summary);
    }
    this.taskGoroutines.clear();
    for (const task of this.tasks.values()) {
      task.regions = task.regions.slice();
      task.goroutines = task.goroutines.slice();
    }
    return {
      goroutines,
      tasks: [...this.tasks.values()],
      regions: this.regions,
      startNs: 0,
      endNs: this.lastTs,
      logsDropped: this.logsDropped,
    };
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

// Per-goroutine time accounting, following Go's internal/trace/summary.go (Summarizer): the
// numbers cmd/trace's /goroutines and /goroutine pages show, and with annotation-book.ts the
// /usertasks, /usertask, /userregions and /userregion ones. One sink of the event pass: it
// moves each goroutine's open intervals (goroutine-pending.ts) on state changes and special
// ranges, and hands task, region and log events to the annotation book.
//
// Times are relative to the first event (trace-time.ts); "not set" is UNSET. Go's quirks are
// kept on purpose, because they are Go's numbers: a "forever" wait ends the goroutine, and
// the others noted in goroutine-pending.ts and annotation-book.ts.

import { type GoRelease, NEWEST_GO } from '../../trace/go/strconv';
import { EventKind, GoState, NO_PROC, ResourceKind, type GoID, type TraceEvent } from '../../trace/parse/index';
import { dec } from '../../trace/parse/int64';
import type { EventSink } from '../event-pass';
import { TraceClock } from '../trace-time';
import { transitionOf } from '../transition-memo';
import { AnnotationBook } from './annotation-book';
import { addTo } from './exec-stats';
import { finalize, newG, UNSET, type G } from './goroutine-pending';
import type { GoroutineSummary, RegionSummary, TraceAnnotations } from './summary-types';
import { IdMap } from '../id-map';

export { MAX_LOGS } from './annotation-book';

const NONE: readonly RegionSummary[] = [];

export class GoroutineSummarizer implements EventSink {
  readonly clock = new TraceClock();
  private readonly gs = new IdMap<G>();
  private readonly book: AnnotationBook;
  private readonly syscallingP = new Map<number | bigint, GoID>();
  private readonly syscallingG = new IdMap<number | bigint>();
  private readonly rangesP = new Map<string, GoID>();
  private lastTs = 0;
  private syncTs = UNSET;
  /** Told of each region made up at an end without a begin (the profiles attribute to it). */
  onMadeUpRegion: ((r: RegionSummary) => void) | null = null;

  /** `go`: the release whose strconv tables quote names and messages in event texts. */
  constructor(go: GoRelease = NEWEST_GO) {
    this.book = new AnnotationBook(go);
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
      case EventKind.RegionBegin: {
        const g = this.gs.get(ev.g);
        if (g) this.book.regionBegin(g, ev, t);
        break;
      }
      case EventKind.RegionEnd: {
        const g = this.gs.get(ev.g);
        if (g) this.book.regionEnd(g, ev, t, this.onMadeUpRegion);
        break;
      }
      case EventKind.TaskBegin:
      case EventKind.TaskEnd:
        this.book.taskEvent(ev, t);
        break;
      case EventKind.Log:
        this.book.log(ev, t);
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
        g = newG(id, this.syncTs);
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
        g = newG(id, t);
        this.book.inheritRegion(g, this.gs.get(ev.g), ev, t);
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
        finalize(g, t, this.book.texts.ref(ev, t));
        break;
      case GoState.NotExist:
        finalize(g, t, this.book.texts.ref(ev, t));
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

  /** The regions open on a goroutine right now, innermost last (for the profiles' sink). */
  activeRegions(id: GoID): readonly RegionSummary[] {
    return this.gs.get(id)?.pending?.active ?? NONE;
  }

  /** Ends the pass: every goroutine still alive is finalized at the last event's time. */
  finish(): TraceAnnotations {
    const goroutines: GoroutineSummary[] = [];
    for (const g of this.gs.values()) {
      if (g.pending) finalize(g, this.lastTs, null);
      this.book.sortByStart(g.regions);
      const { pending: _, ...summary } = g;
      // Arrays grown by push keep spare room (16 slots for the first); these stop growing here.
      summary.regions = summary.regions.slice();
      goroutines.push(summary);
    }
    const { tasks, regions, logsDropped } = this.book.finish();
    return { goroutines, tasks, regions, startNs: 0, endNs: this.lastTs, logsDropped };
  }
}

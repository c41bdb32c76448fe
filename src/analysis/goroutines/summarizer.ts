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
import { EventKind, GoState, NO_PROC, ResourceKind, type GoID, type StackFrame, type TraceEvent } from '../../trace/parse/index';
import { dec } from '../../trace/parse/int64';
import type { EventSink } from '../event-pass';
import { TraceClock } from '../trace-time';
import { transitionOf } from '../transition-memo';
import { AnnotationBook } from './annotation-book';
import { addTo, NO_KEYS, settleNumberFields, type ExecStats } from './exec-stats';
import { LiveGoroutines, UNSET } from './goroutine-pending';
import type { GoroutineSummary, RegionSummary, TraceAnnotations } from './summary-types';
import { IdMap } from '../id-map';

export { MAX_LOGS } from './annotation-book';

const NONE: readonly RegionSummary[] = [];
/** A summary's stats until its goroutine ends (finalize gives it its own). */
const NO_STATS: ExecStats = { execNs: 0, schedWaitNs: 0, syscallNs: 0, syscallBlockNs: 0, totalNs: 0, blockNs: NO_KEYS, rangeNs: NO_KEYS };

export class GoroutineSummarizer implements EventSink {
  readonly clock = new TraceClock();
  /** Every goroutine's summary, in the order they came into view. */
  private readonly gs = new IdMap<GoroutineSummary>();
  /** The state of the goroutines alive in the pass, by slot. */
  private readonly live = new LiveGoroutines();
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
    this.book = new AnnotationBook(go, this.live);
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
        const s = this.live.slotOf(ev.g);
        if (s >= 0) this.book.regionBegin(s, ev, t);
        break;
      }
      case EventKind.RegionEnd: {
        const s = this.live.slotOf(ev.g);
        if (s >= 0) this.book.regionEnd(s, ev, t, this.onMadeUpRegion);
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
    const live = this.live;
    if (st.resource.kind === ResourceKind.Proc) {
      // A P going idle while its goroutine is in a syscall: the syscall now blocks.
      if (st.from !== st.to && st.to === 3 /* ProcState.Idle */) {
        const goid = this.syscallingP.get(st.resource.id);
        if (goid !== undefined) {
          const gslot = live.slotOf(goid);
          if (gslot >= 0) live.lastSyscallBlock[gslot] = t;
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

    let s = live.slotOf(id);
    switch (from) {
      case GoState.Undetermined: {
        // First sight of a goroutine that existed before this generation: it has been in
        // its state since the last sync.
        s = this.track(id, this.syncTs);
        const dt = t - this.syncTs;
        if (to === GoState.Running) live.execNs[s] += dt;
        else if (to === GoState.Waiting) live.addBlock(s, live.reasons.indexOf(st.reason), dt);
        else if (to === GoState.Runnable) live.schedWaitNs[s] += dt;
        else if (to === GoState.Syscall) {
          if (ev.p === NO_PROC) live.syscallBlockNs[s] += dt;
          else live.syscallNs[s] += dt;
        }
        break;
      }
      case GoState.NotExist: {
        const creator = live.slotOf(ev.g);
        s = this.track(id, t);
        this.book.inheritRegion(s, creator, ev, t);
        break;
      }
      case GoState.Running:
        if (s >= 0 && live.lastStart[s] !== UNSET) {
          live.execNs[s] += t - live.lastStart[s];
          live.lastStart[s] = UNSET;
        }
        break;
      case GoState.Waiting:
        if (s >= 0 && live.lastBlock[s] !== UNSET) {
          live.addBlock(s, live.blockReason[s], t - live.lastBlock[s]);
          live.lastBlock[s] = UNSET;
        }
        break;
      case GoState.Runnable:
        if (s >= 0 && live.lastRunnable[s] !== UNSET) {
          live.schedWaitNs[s] += t - live.lastRunnable[s];
          live.lastRunnable[s] = UNSET;
        }
        break;
      case GoState.Syscall:
        if (s >= 0 && live.lastSyscall[s] !== UNSET) {
          const block = live.lastSyscallBlock[s];
          if (block !== UNSET) {
            live.syscallBlockNs[s] += t - block;
            live.syscallNs[s] += block - live.lastSyscall[s];
          } else {
            live.syscallNs[s] += t - live.lastSyscall[s];
          }
          live.lastSyscall[s] = UNSET;
          live.lastSyscallBlock[s] = UNSET;
          const proc = this.syscallingG.get(id);
          if (proc !== undefined) this.syscallingP.delete(proc);
          this.syscallingG.delete(id);
        }
        break;
    }
    if (s < 0) {
      // A goroutine that has ended still takes a name from a stack, as in Go.
      const g = this.gs.get(id);
      if (g !== undefined && g.name === '') nameFrom(g, st.stack.frames());
      return;
    }
    if (live.named[s] === 0 && nameFrom(live.summary[s]!, st.stack.frames())) live.named[s] = 1;

    switch (to) {
      case GoState.Running:
        live.lastStart[s] = t;
        if (live.firstStart[s] === UNSET) live.firstStart[s] = t;
        break;
      case GoState.Runnable:
        live.lastRunnable[s] = t;
        break;
      case GoState.Waiting:
        if (st.reason !== 'forever') {
          live.lastBlock[s] = t;
          live.blockReason[s] = live.reasons.indexOf(st.reason);
          break;
        }
        // Waiting forever is the goroutine's end.
        live.finalize(id, s, t, this.book.texts.ref(ev, t));
        break;
      case GoState.NotExist:
        live.finalize(id, s, t, this.book.texts.ref(ev, t));
        break;
      case GoState.Syscall:
        this.syscallingP.set(ev.p, id);
        this.syscallingG.set(id, ev.p);
        live.lastSyscall[s] = t;
        break;
    }
  }

  /** A goroutine comes into view (or comes back, for Go starts over): a new summary and columns. */
  private track(id: GoID, creation: number): number {
    const g: GoroutineSummary = { id, name: '', pc: 0, creationNs: creation, startNs: null, endNs: null, stats: NO_STATS, regions: [] };
    this.gs.set(id, g);
    return this.live.open(id, g, creation);
  }

  private rangeBegin(ev: TraceEvent, t: number): void {
    const r = ev.range();
    const live = this.live;
    let s = -1;
    if (r.scope.kind === ResourceKind.Goroutine) s = live.slotOf(r.scope.id);
    else if (r.scope.kind === ResourceKind.Proc) {
      // A P's range (a sweep) counts for the goroutine on the P if it also ends there.
      if (this.gs.has(ev.g)) this.rangesP.set(`${dec(r.scope.id)} ${r.name}`, ev.g);
      s = live.slotOf(ev.g);
    }
    if (s < 0) return;
    const open = (live.lastRange[s] ??= new Map());
    if (ev.kind() === EventKind.RangeActive) {
      const since = open.get(r.name);
      if (since !== undefined) addTo((live.rangeNs[s] ??= new Map()), r.name, this.syncTs - since);
      open.set(r.name, this.syncTs);
    } else {
      open.set(r.name, t);
    }
  }

  private rangeEnd(ev: TraceEvent, t: number): void {
    const r = ev.range();
    const live = this.live;
    let s = -1;
    if (r.scope.kind === ResourceKind.Goroutine) s = live.slotOf(r.scope.id);
    else if (r.scope.kind === ResourceKind.Proc) {
      const key = `${dec(r.scope.id)} ${r.name}`;
      const goid = this.rangesP.get(key);
      if (goid !== undefined) {
        if (goid === ev.g) s = live.slotOf(goid);
        this.rangesP.delete(key);
      }
    }
    if (s < 0) return;
    const open = live.lastRange[s];
    const since = open?.get(r.name);
    if (since === undefined) return;
    addTo((live.rangeNs[s] ??= new Map()), r.name, t - since);
    open!.delete(r.name);
  }

  /** The regions open on a goroutine right now, innermost last (for the profiles' sink). */
  activeRegions(id: GoID): readonly RegionSummary[] {
    const s = this.live.slotOf(id);
    return s < 0 ? NONE : this.live.active[s];
  }

  /** Ends the pass: every goroutine still alive is finalized at the last event's time. */
  finish(): TraceAnnotations {
    const goroutines: GoroutineSummary[] = [];
    for (const [id, g] of this.gs) {
      const s = this.live.slotOf(id);
      if (s >= 0 && this.live.summary[s] === g) this.live.finalize(id, s, this.lastTs, null);
      this.book.sortByStart(g.regions);
      // Arrays grown by push keep spare room (16 slots for the first); these stop growing here.
      g.regions = g.regions.slice();
      goroutines.push(g);
    }
    const { tasks, regions, logsDropped } = this.book.finish();
    return { goroutines, tasks, regions, startNs: 0, endNs: this.lastTs, logsDropped };
  }
}

/** Names a goroutine by the root frame of a stack (its start function); whether it now has a name. */
function nameFrom(g: GoroutineSummary, frames: readonly StackFrame[]): boolean {
  for (const f of frames) {
    g.pc = f.pc;
    g.name = f.func;
  }
  return g.name !== '';
}

// The summaries' numbers stay tagged (see settleNumberFields), in the property order of track's.
settleNumberFields((n): GoroutineSummary => ({ id: n, name: '', pc: n, creationNs: n, startNs: n, endNs: n, stats: NO_STATS, regions: [] }));

// cmd/trace's JSON generators over the timeline model: the proc view (procgen.go, Ps as
// lanes) and the thread view (threadgen.go, Ms as lanes), with the parts they share (gen.go:
// global and per-P ranges, metrics, logs, CPU samples). Each handler mirrors the Go one it is
// named after; the input is the model replayed in time order (replay.ts), so agreeing with Go's
// /jsontrace proves the model holds what Go's events hold.

import type { TimelineChunk } from '../chunk';
import { MetricKind, RangeEdge, RangeKind } from '../chunk';
import type { ModelTables } from '../model-tables';
import { type ChromeFrame, Emitter, GC_P, G_DEAD, G_RUNNABLE, G_RUNNING, G_WAITING, G_WAITING_GC, THREAD_RUNNING, type ViewerConsumer } from './emitter';
import { type GenContext, GState, NO_RESOURCE, type Resource, u64 } from './gstate';
import { replay, ReplayKind, type ReplayEvent } from './replay';

export type ChromeView = 'proc' | 'thread';

// GoState / ProcState numbers (the parser's).
const UNDETERMINED = 0;
const NOT_EXIST = 1;
const RUNNABLE = 2;
const RUNNING = 3;
const WAITING = 4;
const SYSCALL = 5;
const P_UNDETERMINED = 0;
const P_RUNNING = 2;

const executing = (s: number) => s === RUNNING || s === SYSCALL;

/** viewer.go viewerGState. */
function viewerGState(s: number, inMarkAssist: boolean): number {
  switch (s) {
    case RUNNABLE:
      return G_RUNNABLE;
    case RUNNING:
    case SYSCALL:
      return G_RUNNING;
    case WAITING:
      return inMarkAssist ? G_WAITING_GC : G_WAITING;
    default:
      return G_DEAD;
  }
}

export interface ChromeModel {
  readonly tables: ModelTables;
  readonly chunks: readonly TimelineChunk[];
  /** The trace's first event, absolute ns (decimal). */
  readonly originNs: string;
  readonly endNs: number;
}

/** Writes the model as the events of Go's /jsontrace for a view. */
export function generateChrome(model: ChromeModel, view: ChromeView, out: ViewerConsumer): void {
  if (model.chunks.length === 0) return;
  new Generator(model, view, out).run();
}

class Generator implements GenContext {
  readonly emitter: Emitter;
  readonly zero: number;
  readonly endNs: number;
  private readonly t: ModelTables;
  private readonly frameIds = new Map<number, number>();
  private readonly gStates = new Map<number, GState>();
  private readonly inSyscall = new Map<number | bigint, GState>();
  private maxProc: number | bigint = 0;
  private readonly threads = new Set<number | bigint>();
  private seenSync = 0;
  private readonly globalRanges = new Map<string, { time: number; stack: number }>();
  private readonly procRanges = new Map<string, { time: number; stack: number; name: string; proc: number | bigint }>();

  constructor(
    private readonly model: ChromeModel,
    private readonly view: ChromeView,
    out: ViewerConsumer,
  ) {
    this.emitter = new Emitter(out);
    this.t = model.tables;
    this.zero = -Number(BigInt(model.originNs));
    this.endNs = model.endNs;
  }

  stack(s: number): number {
    if (s === 0) return 0;
    let id = this.frameIds.get(s);
    if (id === undefined) {
      id = this.emitter.stack(this.frames(s));
      this.frameIds.set(s, id);
    }
    return id;
  }

  private frames(s: number): ChromeFrame[] {
    const t = this.t;
    const n = t.stackDepth(s);
    const out: ChromeFrame[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const f = t.stackFrame(s, k);
      out[k] = { pc: t.framePc.data[f], func: t.strings[t.frameFunc.data[f]], line: t.frameLine.data[f] };
    }
    return out;
  }

  /** Root (last) frame's function of a stack; '' for a stack without frames. */
  private rootFunc(s: number): string {
    const n = this.t.stackDepth(s);
    return n === 0 ? '' : this.t.strings[this.t.frameFunc.data[this.t.stackFrame(s, n - 1)]];
  }

  private procId(p1: number): Resource {
    return p1 === 0 ? NO_RESOURCE : this.t.id('proc', p1 - 1);
  }

  private threadId(m1: number): Resource {
    return m1 === 0 ? NO_RESOURCE : this.t.id('thread', m1 - 1);
  }

  private gState(g: number): GState {
    let gs = this.gStates.get(g);
    if (gs === undefined) {
      gs = new GState(this.t.idText('goroutine', g), this);
      this.gStates.set(g, gs);
    }
    return gs;
  }

  run(): void {
    replay(this.model.chunks, (ev) => this.dispatch(ev));
    this.finish();
    this.emitter.flush(false);
  }

  private dispatch(ev: ReplayEvent): void {
    switch (ev.kind) {
      case ReplayKind.Sync:
        this.seenSync++;
        return;
      case ReplayKind.GoTransition:
        this.goroutineTransition(ev);
        return;
      case ReplayKind.ProcTransition:
        this.procTransition(ev);
        return;
      case ReplayKind.Range:
        this.range(ev);
        return;
      case ReplayKind.Metric:
        this.metric(ev);
        return;
      case ReplayKind.Label: {
        const l = ev.chunk.labels;
        this.gStates.get(l.goroutine[ev.row])!.label = this.t.strings[l.label[ev.row]];
        return;
      }
      case ReplayKind.Log:
        this.log(ev);
        return;
      case ReplayKind.Sample:
        this.sample(ev);
        return;
      default:
        return;
    }
  }

  /** Resource of a log or sample: the event's P (proc view) or M (thread view). */
  private eventResource(p1: number, m1: number): Resource {
    return this.view === 'proc' ? this.procId(p1) : this.threadId(m1);
  }

  private sample(ev: ReplayEvent): void {
    const s = ev.chunk.samples;
    const id = this.eventResource(s.proc[ev.row], s.thread[ev.row]);
    if (id === NO_RESOURCE) return;
    this.emitter.instant({ name: 'CPU profile sample', tsNs: ev.timeNs, resource: u64(id), stack: this.stack(s.stack[ev.row]) });
  }

  private log(ev: ReplayEvent): void {
    const l = ev.chunk.logs;
    const id = this.eventResource(l.proc[ev.row], l.thread[ev.row]);
    if (id === NO_RESOURCE) return;
    const category = this.t.strings[l.category[ev.row]];
    const message = this.t.strings[l.message[ev.row]];
    const name = category !== '' ? `[${category}] ${message}` : message;
    this.emitter.instant({ name, tsNs: ev.timeNs, category: 'user event', resource: u64(id), stack: this.stack(l.stack[ev.row]) });
  }

  private metric(ev: ReplayEvent): void {
    const m = ev.chunk.metrics;
    const kind = m.kind[ev.row];
    const v = m.value[ev.row];
    if (kind === MetricKind.HeapLive) this.emitter.heapAllocSet(ev.timeNs, v);
    else if (kind === MetricKind.HeapGoal) this.emitter.heapGoalSet(ev.timeNs, v);
  }

  private range(ev: ReplayEvent): void {
    const r = ev.chunk.ranges;
    const i = ev.row;
    const kind = r.kind[i];
    const edge = r.edge[i];
    const name = this.t.strings[r.name[i]];
    const stack = r.stack[i];
    if (kind === RangeKind.GCMark) this.globalRange(ev.timeNs, edge, name, stack);
    else if (kind === RangeKind.Sweep) {
      if (this.view === 'proc') this.procRange(ev.timeNs, edge, name, this.procId(r.scope[i]), stack);
    } else {
      // STW and mark assists are goroutine-scoped (gen.go GoroutineRange).
      const gs = this.gStates.get(r.scope[i] - 1)!;
      if (edge === RangeEdge.Begin) gs.rangeBegin(ev.timeNs, name, stack);
      else if (edge === RangeEdge.Active) gs.rangeActive(name);
      else gs.rangeEnd(ev.timeNs, name, stack);
    }
  }

  /** gen.go globalRangeGenerator. */
  private globalRange(ts: number, edge: number, name: string, stack: number): void {
    if (edge === RangeEdge.Begin) this.globalRanges.set(name, { time: ts, stack });
    else if (edge === RangeEdge.Active) {
      if (this.seenSync < 2) this.globalRanges.set(name, { time: 0, stack });
    } else {
      const ar = this.globalRanges.get(name) ?? { time: this.zero, stack: 0 };
      if (name.includes('GC')) {
        this.emitter.slice({ name, tsNs: ar.time, durNs: ts - ar.time, resource: GC_P, stack: this.stack(ar.stack), endStack: this.stack(stack) });
      }
      this.globalRanges.delete(name);
    }
  }

  /** gen.go procRangeGenerator (ranges keyed by name and P). */
  private procRange(ts: number, edge: number, name: string, proc: Resource, stack: number): void {
    const key = `${name}\u0000${proc}`;
    if (edge === RangeEdge.Begin) this.procRanges.set(key, { time: ts, stack, name, proc });
    else if (edge === RangeEdge.Active) {
      if (this.seenSync < 2) this.procRanges.set(key, { time: 0, stack, name, proc });
    } else {
      const ar = this.procRanges.get(key) ?? { time: this.zero, stack: 0 };
      this.emitter.slice({ name, tsNs: ar.time, durNs: ts - ar.time, resource: u64(proc), stack: this.stack(ar.stack), endStack: this.stack(stack) });
      this.procRanges.delete(key);
    }
  }

  private goroutineTransition(ev: ReplayEvent): void {
    const rows = ev.chunk.goroutines;
    const i = ev.row;
    const g = ev.goroutine;
    const state = rows.state[i];
    const to = state & 7;
    const from = (state >> 3) & 7;
    const site = rows.site[i];
    const t = this.t;
    const stack = t.siteStack.data[site];
    const reason = t.strings[t.siteReason.data[site]];
    const proc = this.procId(rows.proc[i]);
    const thread = this.threadId(rows.thread[i]);
    const ts = ev.timeNs;
    if (this.view === 'thread' && thread !== NO_RESOURCE) this.threads.add(thread);

    const gs = this.gState(g);
    // The transition's own stack (StateTransition.Stack): a creation's new-goroutine stack,
    // none for an unblock, else the event's stack.
    let transStack: number | null;
    if (from === NOT_EXIST && (to === RUNNABLE || to === WAITING)) transStack = t.namedStack(g) < 0 ? null : t.namedStack(g);
    else if (from === WAITING && to === RUNNABLE) transStack = null;
    else transStack = stack === 0 ? null : stack;
    gs.augmentName(transStack === null ? null : this.rootFunc(transStack));
    if (from === to) return;

    const res = this.view === 'proc' ? proc : thread;
    if (this.view === 'proc' ? from === RUNNING && !executing(to) : executing(from) && !executing(to)) {
      if (to === WAITING) gs.block(ts, stack, reason);
      else gs.stop(ts, stack);
    }
    if (!executing(from) && (this.view === 'proc' ? to === RUNNING : executing(to))) {
      gs.start(from === UNDETERMINED ? 0 : ts, res);
    }
    if (from === WAITING) gs.unblock(ts, stack, res, this.view === 'thread');
    if (from === NOT_EXIST && to === RUNNABLE) gs.created(ts, res, stack);
    if (this.view === 'proc') {
      if (from === SYSCALL && to !== RUNNING) gs.blockedSyscallEnd(ts, stack);
      if (to === SYSCALL && proc !== NO_RESOURCE) {
        gs.syscallBegin(from === UNDETERMINED ? 0 : ts, proc, stack);
        this.inSyscall.set(proc, gs);
      }
      if (from === SYSCALL && this.inSyscall.has(proc)) {
        gs.syscallEnd(ts, false);
        this.inSyscall.delete(proc);
      }
    } else {
      if (from === SYSCALL) gs.syscallEnd(ts, to !== RUNNING);
      if (to === SYSCALL) gs.syscallBegin(from === UNDETERMINED ? 0 : ts, thread, stack);
    }
    const inMarkAssist = gs.activeRanges.has('GC mark assist');
    this.emitter.goroutineTransition(ts, viewerGState(from, inMarkAssist), viewerGState(to, inMarkAssist));
  }

  private procTransition(ev: ReplayEvent): void {
    const p = ev.chunk.procs;
    const i = ev.row;
    const proc = this.t.id('proc', p.proc[i]);
    const thread = this.threadId(p.thread[i]);
    const to = p.state[i] & 7;
    const from = (p.state[i] >> 3) & 7;
    const ts = ev.timeNs;
    const isProc = this.view === 'proc';
    if (isProc) {
      if (proc > this.maxProc) this.maxProc = proc;
    } else if (thread !== NO_RESOURCE) this.threads.add(thread);
    if (from === to) return;
    const args: Record<string, number | bigint> = {};
    const threadU = u64(thread);
    const procU = u64(proc);
    if (threadU !== 0) args.thread = threadU;
    if (procU !== 0) args.proc = procU;
    const resource = isProc ? procU : threadU;
    let name = '';
    let at = 0;
    if (to === P_RUNNING) {
      const start = from === P_UNDETERMINED ? 0 : ts;
      name = 'proc start';
      at = start;
      this.emitter.incThreadStateCount(start, THREAD_RUNNING, 1);
    }
    if (from === P_RUNNING) {
      name = 'proc stop';
      at = ts;
      this.emitter.incThreadStateCount(ts, THREAD_RUNNING, -1);
      if (isProc) {
        const gs = this.inSyscall.get(proc);
        if (gs !== undefined) {
          gs.syscallEnd(ts, true);
          gs.stop(ts, 0);
          this.inSyscall.delete(proc);
        }
      }
    }
    if (name !== '') this.emitter.instant({ name, tsNs: at, resource, stack: 0, args });
  }

  private finish(): void {
    const e = this.emitter;
    if (this.view === 'proc') {
      e.setResourceType('PROCS');
      for (const ar of this.procRanges.values()) {
        e.slice({ name: ar.name, tsNs: ar.time, durNs: this.endNs - ar.time, resource: u64(ar.proc), stack: this.stack(ar.stack), endStack: 0 });
      }
    } else e.setResourceType('OS THREADS');
    for (const [name, ar] of this.globalRanges) {
      if (!name.includes('GC')) continue;
      e.slice({ name, tsNs: ar.time, durNs: this.endNs - ar.time, resource: GC_P, stack: this.stack(ar.stack), endStack: 0 });
    }
    for (const gs of this.gStates.values()) gs.finish();
    if (this.view === 'proc') {
      const max = Number(this.maxProc);
      for (let i = 0; i <= max; i++) e.resource(i, `Proc ${i}`);
    } else {
      for (const id of this.threads) e.resource(u64(id), `Thread ${id}`);
    }
  }
}

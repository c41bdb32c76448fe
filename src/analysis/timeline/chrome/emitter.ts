// The Catapult (Chrome trace viewer) JSON events `go tool trace` serves at /jsontrace, made the
// way Go's internal/trace/traceviewer/emitter.go makes them: slices, instants, arrows,
// counters that are only written when they change, a prefix tree of stack frames, and the
// process/thread metadata written last. Times come in as ns since the trace's first event
// and go out in microseconds (float64(ns)/1000, as viewerTime does).

/** One Catapult event; fields and their omission follow Go's format.Event JSON tags. */
export interface ViewerEvent {
  name?: string;
  ph: string;
  s?: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number | bigint;
  id?: number;
  sf?: number;
  esf?: number;
  args?: Record<string, number | bigint | string>;
  cname?: string;
  cat?: string;
}

export interface ViewerFrame {
  name: string;
  parent?: number;
}

/** Where events go (written out, or collected by a test). */
export interface ViewerConsumer {
  event(ev: ViewerEvent): void;
  frame(id: number, f: ViewerFrame): void;
}

/** A stack frame as viewerFrames gives it: leaf first. */
export interface ChromeFrame {
  pc: number;
  func: string;
  line: number;
}

// Sections (format.ProcsSection etc.) and the fake resources (traceviewer/fakep.go).
export const PROCS_SECTION = 0;
export const STATS_SECTION = 1;
export const TASKS_SECTION = 2;
export const FAKE_P = 1000000;
export const TIMER_P = FAKE_P + 1;
export const NETPOLL_P = FAKE_P + 2;
export const SYSCALL_P = FAKE_P + 3;
export const GC_P = FAKE_P + 4;

// traceviewer.GState and ThreadState.
export const G_DEAD = 0;
export const G_RUNNABLE = 1;
export const G_RUNNING = 2;
export const G_WAITING = 3;
export const G_WAITING_GC = 4;
export const THREAD_IN_SYSCALL = 0;
export const THREAD_IN_SYSCALL_RUNTIME = 1;
export const THREAD_RUNNING = 2;

const TWO_64 = 2n ** 64n;

/** Go's uint64(x) of an int64 count, for counters printed as uint64. */
function u64(x: number): number | bigint {
  return x >= 0 ? x : TWO_64 + BigInt(x);
}

interface FrameNode {
  id: number;
  children: Map<number, FrameNode>;
}

export class Emitter {
  private heapAlloc = 0;
  private nextGC = 0;
  private prevHeapAlloc = 0;
  private prevNextGC = 0;
  private readonly gstates = [0, 0, 0, 0, 0];
  private readonly prevGstates = [0, 0, 0, 0, 0];
  private readonly threadStats = [0, 0, 0];
  private readonly prevThreadStats = [0, 0, 0];
  private readonly frameTree: FrameNode = { id: 0, children: new Map() };
  private frameSeq = 0;
  private arrowSeq = 0;
  private resourceType = '';
  private readonly resources = new Map<number | bigint, string>();
  private focusResource: number | bigint = 0;

  constructor(private readonly out: ViewerConsumer) {}

  setResourceType(name: string): void {
    this.resourceType = name;
  }

  resource(id: number | bigint, name: string): void {
    this.resources.set(id, name);
  }

  focus(id: number | bigint): void {
    this.focusResource = id;
  }

  slice(s: { name: string; tsNs: number; durNs: number; resource: number | bigint; stack: number; endStack: number; args?: ViewerEvent['args'] }): void {
    const ev: ViewerEvent = { name: s.name, ph: 'X', ts: s.tsNs / 1000, pid: PROCS_SECTION, tid: s.resource };
    if (s.durNs !== 0) ev.dur = s.durNs / 1000;
    this.stacks(ev, s.stack, s.endStack);
    if (s.args) ev.args = s.args;
    // emitter.go slice: skipped only when both ends are outside [0, MaxInt64].
    if (s.tsNs < 0 && s.tsNs + s.durNs < 0) return;
    this.out.event(reorder(ev));
  }

  instant(i: { name: string; tsNs: number; resource: number | bigint; stack: number; category?: string; args?: ViewerEvent['args'] }): void {
    if (i.tsNs < 0) return;
    const ev: ViewerEvent = { name: i.name, ph: 'I', s: 't', ts: i.tsNs / 1000, pid: PROCS_SECTION, tid: i.resource };
    if (i.stack !== 0) ev.sf = i.stack;
    if (i.args) ev.args = i.args;
    if (i.category) ev.cat = i.category;
    this.out.event(reorder(ev));
  }

  arrow(a: { name: string; startNs: number; endNs: number; from: number | bigint; to: number | bigint; fromStack: number }): void {
    if (a.startNs < 0 || a.endNs < 0) return;
    this.arrowSeq++;
    const s: ViewerEvent = { name: a.name, ph: 's', ts: a.startNs / 1000, pid: PROCS_SECTION, tid: a.from, id: this.arrowSeq };
    if (a.fromStack !== 0) s.sf = a.fromStack;
    this.out.event(reorder(s));
    this.out.event(reorder({ name: a.name, ph: 't', ts: a.endNs / 1000, pid: PROCS_SECTION, tid: a.to, id: this.arrowSeq }));
  }

  heapAllocSet(tsNs: number, v: number): void {
    this.heapAlloc = v;
    this.emitHeap(tsNs);
  }

  heapGoalSet(tsNs: number, v: number): void {
    // emitter.go: goals above 1 PiB read as 0 (Go issue 63864).
    this.nextGC = v > 2 ** 50 ? 0 : v;
    this.emitHeap(tsNs);
  }

  private emitHeap(tsNs: number): void {
    if (this.prevHeapAlloc === this.heapAlloc && this.prevNextGC === this.nextGC) return;
    const diff = this.nextGC > this.heapAlloc ? this.nextGC - this.heapAlloc : 0;
    if (tsNs >= 0) {
      this.out.event({ name: 'Heap', ph: 'C', ts: tsNs / 1000, pid: 1, tid: 0, args: { Allocated: this.heapAlloc, NextGC: diff } });
    }
    this.prevHeapAlloc = this.heapAlloc;
    this.prevNextGC = this.nextGC;
  }

  goroutineTransition(tsNs: number, from: number, to: number): void {
    const g = this.gstates;
    g[from]--;
    g[to]++;
    const p = this.prevGstates;
    if (g[0] === p[0] && g[1] === p[1] && g[2] === p[2] && g[3] === p[3] && g[4] === p[4]) return;
    if (tsNs >= 0) {
      this.out.event({
        name: 'Goroutines',
        ph: 'C',
        ts: tsNs / 1000,
        pid: 1,
        tid: 0,
        args: { Running: u64(g[G_RUNNING]), Runnable: u64(g[G_RUNNABLE]), GCWaiting: u64(g[G_WAITING_GC]) },
      });
    }
    for (let i = 0; i < 5; i++) p[i] = g[i];
  }

  incThreadStateCount(tsNs: number, state: number, delta: number): void {
    const t = this.threadStats;
    t[state] += delta;
    const p = this.prevThreadStats;
    if (t[0] === p[0] && t[1] === p[1] && t[2] === p[2]) return;
    if (tsNs >= 0) {
      this.out.event({ name: 'Threads', ph: 'C', ts: tsNs / 1000, pid: 1, tid: 0, args: { Running: t[THREAD_RUNNING], InSyscall: t[THREAD_IN_SYSCALL] } });
    }
    for (let i = 0; i < 3; i++) p[i] = t[i];
  }

  /** Frame-tree ID of a stack (leaf-first frames), adding its new nodes; 0 for no frames. */
  stack(frames: readonly ChromeFrame[]): number {
    let node = this.frameTree;
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i];
      let child = node.children.get(f.pc);
      if (child === undefined) {
        child = { id: ++this.frameSeq, children: new Map() };
        node.children.set(f.pc, child);
        const frame: ViewerFrame = { name: `${f.func}:${f.line}` };
        if (node.id !== 0) frame.parent = node.id;
        this.out.frame(child.id, frame);
      }
      node = child;
    }
    return node.id;
  }

  private stacks(ev: ViewerEvent, stack: number, endStack: number): void {
    if (stack !== 0) ev.sf = stack;
    if (endStack !== 0) ev.esf = endStack;
  }

  /** The metadata events, last (emitter.go Flush). */
  flush(hasTasks: boolean, tasks: readonly { id: number | bigint; name: string; sortIndex: number }[] = []): void {
    this.processMeta(STATS_SECTION, 'STATS', 0);
    if (hasTasks) this.processMeta(TASKS_SECTION, 'TASKS', 1);
    for (const t of tasks) this.threadMeta(TASKS_SECTION, t.id, t.name, t.sortIndex);
    this.processMeta(PROCS_SECTION, this.resourceType, 2);
    this.threadMeta(PROCS_SECTION, GC_P, 'GC', -6);
    this.threadMeta(PROCS_SECTION, NETPOLL_P, 'Network', -5);
    this.threadMeta(PROCS_SECTION, TIMER_P, 'Timers', -4);
    this.threadMeta(PROCS_SECTION, SYSCALL_P, 'Syscalls', -3);
    for (const [id, name] of this.resources) {
      let priority = typeof id === 'bigint' ? Number(BigInt.asIntN(64, id)) : id;
      if (this.focusResource !== 0 && id === this.focusResource) priority = -2;
      this.threadMeta(PROCS_SECTION, id, name, priority);
    }
  }

  private threadMeta(pid: number, tid: number | bigint, name: string, priority: number): void {
    this.out.event({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
    this.out.event({ name: 'thread_sort_index', ph: 'M', ts: 0, pid, tid, args: { sort_index: priority } });
  }

  private processMeta(pid: number, name: string, priority: number): void {
    this.out.event({ name: 'process_name', ph: 'M', ts: 0, pid, tid: 0, args: { name } });
    this.out.event({ name: 'process_sort_index', ph: 'M', ts: 0, pid, tid: 0, args: { sort_index: priority } });
  }
}

const ORDER = ['name', 'ph', 's', 'ts', 'dur', 'pid', 'tid', 'id', 'sf', 'esf', 'args', 'cname', 'cat'] as const;

/** Fields in format.Event's declaration order (what Go's encoder writes). */
function reorder(ev: ViewerEvent): ViewerEvent {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (ev[k] !== undefined) out[k] = ev[k];
  return out as unknown as ViewerEvent;
}

// The scheduler model's core: a discrete-event simulation of Go's Ps, Ms and Gs that calls
// the tracer exactly where the runtime calls its traceLocker methods (runtime/proc.go:
// execute → GoStart, park → GoBlock, ready → GoUnblock, entersyscall/exitsyscall,
// sysmon's retake → ProcSteal, startm/stopm → ProcStart/ProcStop). Workloads
// (workloads.ts) decide what each goroutine does; this file decides how the runtime
// carries it out. The GC, stop-the-world, the CPU profiler and the trace advancer build on
// it in scheduler.ts.

import { EventQueue } from './event-queue';
import { BLOCK_REASONS, BR, SITE_INDEX, STOP_REASONS, type BlockReason } from './frames';
import { G, GS, M, P, PS, type Role } from './model';
import { Rng } from './rng';
import type { Tracer } from './tracer';

const K_SLICE = 1;
const K_WAKE = 2;
const K_SYSEXIT = 3;
const K_RETAKE = 4;
export const K_MARK_DONE = 5;
const K_HOOK = 6;

/** sysmon retakes a P stuck in a syscall after about 20 µs (proc.go retake). */
const RETAKE_NS = 20_000;
/** sysmon preempts a goroutine running longer than 10 ms (forcePreemptNS). */
const PREEMPT_NS = 10_000_000;
const M_ID_BASE = 2_417_880;

export interface Behaviour {
  /** Called when g is (re)started with no work pending and at the end of each compute step. */
  step(s: SchedulerCore, m: M, g: G): void;
  /** Called by a K_HOOK event scheduled with s.hook(). */
  hook?(s: SchedulerCore, tag: number): void;
  /** Bytes allocated per ns of compute. */
  readonly allocPerNs: number;
}

export const BLOCK: Record<BlockReason, number> = Object.fromEntries(BLOCK_REASONS.map((r, i) => [r, i])) as Record<BlockReason, number>;
/** Reasons another goroutine wakes (chan send, unlock); others only wake by timer. */
const WAKEABLE = new Uint8Array(BLOCK_REASONS.length);
for (const r of ['chan receive', 'chan send', 'select', 'sync', 'system goroutine wait'] as const) WAKEABLE[BLOCK[r]] = 1;
export const STOP_PREEMPTED = STOP_REASONS.indexOf('preempted');
const STOP_GOSCHED = STOP_REASONS.indexOf('runtime.Gosched');

export abstract class SchedulerCore {
  now = 0;
  readonly gs: G[] = [];
  readonly ps: P[] = [];
  readonly ms: M[] = [];
  readonly rng: Rng;
  protected readonly q = new EventQueue();
  protected readonly runq: G[] = [];
  protected runqHead = 0;
  protected readonly idleMs: M[] = [];
  /** Waiting goroutines per block reason, FIFO, for wakers that need one (chan send, unlock). */
  protected readonly waiters: Fifo[] = BLOCK_REASONS.map(() => new Fifo());
  protected nextGoid = 1;
  protected nextTaskId = 1;
  readonly sysmon: M;
  readonly advancer: G;
  /** The program's main goroutine: user calls (trace.Log) from outside run on it. */
  readonly main: G;
  readonly markWorkers: G[] = [];
  protected readonly sliceEnd: number[] = [];
  protected readonly sliceStart: number[] = [];
  /** The GC is in its mark phase (mgc.go). */
  marking = false;
  /** Inside an STW: no P may start. */
  protected worldStopped = false;
  /** Sample period of the CPU profiler, ns; 0 when profiling is off. */
  profilePeriodNs = 0;
  protected deadCount = 0;
  behaviour!: Behaviour;

  constructor(
    readonly tracer: Tracer,
    readonly procs: number,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    for (let i = 0; i < procs; i++) {
      this.ps.push(new P(i));
      this.sliceEnd.push(0);
      this.sliceStart.push(0);
    }
    this.sysmon = this.newM();
    this.idleMs.pop(); // sysmon never runs goroutines
    this.main = this.newG('main', GS.Waiting, BR.sleep, SITE_INDEX.sleep);
    this.advancer = this.newG('advancer', GS.Waiting, BR.sleep, SITE_INDEX.advancerPark);
    for (let i = 0; i < procs; i++) this.markWorkers.push(this.newG('markWorker', GS.Waiting, BR.systemWait, SITE_INDEX.workerPark));
  }

  // ---- resources ----

  protected newM(): M {
    const m = new M(M_ID_BASE + this.ms.length);
    this.ms.push(m);
    this.idleMs.push(m);
    return m;
  }

  /** A goroutine that exists before tracing starts (no GoCreate). */
  /** reason: a BLOCK_REASONS index (BR), site: a SITE_INDEX value. */
  newG(role: Role, status: GS.Waiting | GS.Runnable, reason: number, site: number): G {
    const g = new G(this.nextGoid++, role);
    this.gs.push(g);
    g.status = status;
    if (status === GS.Waiting) {
      g.waitReason = reason;
      g.blockSite = site;
      if (WAKEABLE[reason] === 1) this.waiters[reason].push(g);
    } else {
      this.makeRunnable(g);
    }
    return g;
  }

  /** Arms g's wake-up timer (for goroutines set up waiting). */
  wakeAfter(g: G, d: number): void {
    this.armG(g, this.now + Math.max(100, d), K_WAKE);
  }

  // ---- timers: one per G (wake-up or syscall end), two per P (slice end, retake) ----
  // Re-arming or disarming takes the old event out of the queue; the token check in
  // dispatch stays as a guard.

  protected armG(g: G, t: number, kind: number): void {
    this.q.cancel(g.timer, g, g.token);
    g.timer = this.q.push(t, kind, g, ++g.token);
  }

  protected disarmG(g: G): void {
    this.q.cancel(g.timer, g, g.token);
    g.timer = -1;
    g.token++;
  }

  protected armSlice(p: P, t: number): void {
    this.q.cancel(p.sliceTimer, p, p.token);
    p.sliceTimer = this.q.push(t, K_SLICE, p, ++p.token);
  }

  protected disarmSlice(p: P): void {
    this.q.cancel(p.sliceTimer, p, p.token);
    p.sliceTimer = -1;
    p.token++;
  }

  taskId(): number {
    return this.nextTaskId++;
  }

  liveGoroutines(): number {
    return this.gs.length - this.deadCount;
  }

  // ---- the event loop ----

  /** Runs every simulation event due at or before t, then sets the clock to t (if later). */
  runUntil(t: number): void {
    const q = this.q;
    while (q.peekTime() <= t) {
      q.pop();
      if (q.time > this.now) this.now = q.time;
      this.dispatch(q.kind, q.obj, q.token);
    }
    if (t > this.now) this.now = t;
  }

  nextEventTime(): number {
    return this.q.peekTime();
  }

  protected dispatch(kind: number, obj: unknown, token: number): void {
    switch (kind) {
      case K_SLICE: {
        const p = obj as P;
        if (p.token === token && p.m !== null && p.m.curg !== null) this.sliceDone(p.m, p.m.curg);
        break;
      }
      case K_WAKE: {
        const g = obj as G;
        if (g.token === token && g.status === GS.Waiting) this.timerWake(g);
        break;
      }
      case K_SYSEXIT: {
        const g = obj as G;
        if (g.token === token && g.status === GS.Syscall) this.exitSyscall(g);
        break;
      }
      case K_RETAKE: {
        const p = obj as P;
        if (p.syscallToken === token && p.status === PS.Syscall) this.retake(p);
        break;
      }
      case K_MARK_DONE:
        if (this.marking) this.markDone();
        break;
      case K_HOOK:
        this.behaviour.hook?.(this, token);
        break;
    }
  }

  /** Schedules the workload's hook(tag) after d ns. */
  hook(d: number, tag: number): void {
    this.q.push(this.now + d, K_HOOK, null, tag);
  }

  // ---- running goroutines ----

  /** g computes for d ns on m's P; long stretches are cut by preemption (sysmon). */
  run(m: M, g: G, d: number): void {
    const p = m.p!;
    d = Math.max(200, Math.round(d));
    let slice = d;
    if (d > PREEMPT_NS) {
      slice = PREEMPT_NS;
      g.work = d - PREEMPT_NS;
    } else {
      g.work = 0;
    }
    if (this.marking && g.role !== 'markWorker' && this.behaviour.allocPerNs > 0 && this.rng.chance(0.15)) {
      this.tracer.markAssistBegin(m, SITE_INDEX.markAssist);
      g.inMarkAssist = this.tracer.enabled;
    }
    this.sliceStart[p.id] = this.now;
    this.sliceEnd[p.id] = this.now + slice;
    this.armSlice(p, this.now + slice);
  }

  protected sliceDone(m: M, g: G): void {
    if (g.inMarkAssist) {
      this.tracer.markAssistEnd(m);
      g.inMarkAssist = false;
    }
    if (this.profilePeriodNs > 0) this.profile(m, g);
    if (g.role !== 'markWorker' && g.role !== 'advancer') this.allocate(m, this.now - this.sliceStart[m.p!.id]);
    if (m.curg !== g) return; // a GC start may have handed the P on (never today, kept safe)
    if (g.work > 0) {
      this.tracer.goStop(m, STOP_PREEMPTED, preemptSite(g));
      this.stopRunning(m, g);
      this.makeRunnable(g);
      this.schedule(m);
      return;
    }
    // A mark worker's loop is the runtime's, not the program's (as in execute).
    if (g.role === 'markWorker') this.markWorkerStep(m, g);
    else this.behaviour.step(this, m, g);
  }

  protected stopRunning(m: M, g: G): void {
    this.disarmSlice(m.p!);
    m.curg = null;
    g.m = null;
  }

  /** The running goroutine parks (gopark). wakeAfter < 0: only another goroutine wakes it. */
  block(m: M, g: G, r: number, site: number, wakeAfter: number): void {
    this.tracer.goBlock(m, r, site);
    this.stopRunning(m, g);
    g.status = GS.Waiting;
    g.waitReason = r;
    g.blockSite = site;
    if (WAKEABLE[r] === 1) this.waiters[r].push(g);
    if (wakeAfter >= 0) this.armG(g, this.now + Math.max(100, wakeAfter), K_WAKE);
    this.schedule(m);
  }

  /** runtime.Gosched. */
  yield(m: M, g: G): void {
    this.tracer.goStop(m, STOP_GOSCHED, SITE_INDEX.gosched);
    this.stopRunning(m, g);
    this.makeRunnable(g);
    this.schedule(m);
  }

  /** The goroutine returns from its function (goexit). */
  exit(m: M, g: G): void {
    this.tracer.goDestroy(m);
    this.stopRunning(m, g);
    g.status = GS.Dead;
    this.deadCount++;
    if (this.deadCount > 256 && this.deadCount * 2 > this.gs.length) this.compact();
    this.schedule(m);
  }

  protected compact(): void {
    let j = 0;
    for (const g of this.gs) if (g.status !== GS.Dead) this.gs[j++] = g;
    this.gs.length = j;
    this.deadCount = 0;
  }

  /** The running goroutine starts a new one (newproc). */
  spawn(m: M, role: Role, startSite: number, site: number): G {
    const g = new G(this.nextGoid++, role);
    this.gs.push(g);
    g.status = GS.Runnable;
    if (this.tracer.enabled) this.tracer.goCreate(m, g, startSite, site);
    this.makeRunnable(g);
    return g;
  }

  /** Wakes the longest waiter blocked for reason, from the running goroutine (chan send, unlock). */
  wakeOne(m: M, reason: number, site: number): G | null {
    const list = this.waiters[reason];
    while (list.size > 0) {
      const g = list.shift();
      if (g.status === GS.Waiting && g.waitReason === reason) {
        this.unblock(m, g, site);
        return g;
      }
    }
    return null;
  }

  countWaiting(reason: BlockReason): number {
    let n = 0;
    const r = BLOCK[reason];
    const list = this.waiters[r];
    for (let i = 0; i < list.size; i++) {
      const g = list.at(i);
      if (g.status === GS.Waiting && g.waitReason === r) n++;
    }
    return n;
  }

  /** Wakes a specific waiting goroutine at once, as a timer or the network poller would. */
  wakeNow(g: G): void {
    if (g.status === GS.Waiting) this.timerWake(g);
  }

  /** ready(): g becomes runnable; queue=false when the caller runs it on its own P at once. */
  protected unblock(m: M, g: G, site: number, queue = true): void {
    this.disarmG(g);
    this.tracer.goUnblock(m, g, site);
    if (queue) this.makeRunnable(g);
    else g.status = GS.Runnable;
  }

  /** A timer or the network poller readies g: an idle P is started for it, or a busy one notices. */
  protected timerWake(g: G): void {
    const p = this.idleP();
    if (p !== null) {
      const m = this.startP(p);
      this.unblock(m, g, -1, false);
      this.execute(m, g, -1);
      return;
    }
    let host: M | null = null;
    const ps = this.ps;
    for (let i = 0; i < ps.length; i++) {
      const pp = ps[i];
      if (pp.status === PS.Running && pp.m !== null) {
        host = pp.m;
        break;
      }
    }
    this.unblock(host ?? this.sysmon, g, -1);
  }

  protected makeRunnable(g: G): void {
    g.status = GS.Runnable;
    this.runq.push(g);
    if (this.worldStopped) return; // startTheWorld starts Ps for it
    const p = this.idleP();
    if (p !== null) this.schedule(this.startP(p));
  }

  protected idleP(): P | null {
    const ps = this.ps;
    for (let i = 0; i < ps.length; i++) if (ps[i].status === PS.Idle) return ps[i];
    return null;
  }

  /** startm: an idle (or new) M takes the idle P p. */
  protected startP(p: P, m?: M): M {
    if (m === undefined) m = this.idleMs.pop() ?? (this.newM(), this.idleMs.pop()!);
    else {
      const i = this.idleMs.indexOf(m);
      if (i >= 0) this.idleMs.splice(i, 1);
    }
    m.p = p;
    p.m = m;
    p.status = PS.Running;
    this.tracer.procStart(m);
    return m;
  }

  protected popRunq(): G | null {
    if (this.runqHead >= this.runq.length) return null;
    const g = this.runq[this.runqHead++];
    if (this.runqHead > 1024 && this.runqHead * 2 > this.runq.length) {
      this.runq.splice(0, this.runqHead);
      this.runqHead = 0;
    }
    return g;
  }

  /** schedule(): m's P finds its next goroutine, or goes idle. */
  schedule(m: M): void {
    const p = m.p!;
    if (this.marking && p.id < this.dedicatedWorkers()) {
      const w = this.markWorkers[p.id];
      if (w.status === GS.Waiting) {
        this.unblock(m, w, -1, false); // the worker runs here at once, not from the queue
        this.execute(m, w, 1);
        return;
      }
    }
    const g = this.popRunq();
    if (g === null) {
      this.tracer.procStop(m);
      p.status = PS.Idle;
      p.m = null;
      m.p = null;
      this.idleMs.push(m);
      return;
    }
    this.execute(m, g, -1);
  }

  protected execute(m: M, g: G, label: number): void {
    g.status = GS.Running;
    g.m = m;
    m.curg = g;
    this.tracer.goStart(m, label);
    if (g.work > 0) this.run(m, g, g.work);
    else if (g.role === 'markWorker') this.markWorkerStep(m, g);
    else this.behaviour.step(this, m, g);
  }

  // ---- syscalls ----

  syscall(m: M, g: G, site: number, d: number): void {
    const p = m.p!;
    this.tracer.goSyscallBegin(m, site);
    this.disarmSlice(p);
    p.status = PS.Syscall;
    g.status = GS.Syscall;
    this.armG(g, this.now + Math.max(300, d), K_SYSEXIT);
    if (d > RETAKE_NS) {
      this.q.cancel(p.retakeTimer, p, p.syscallToken);
      p.retakeTimer = this.q.push(this.now + RETAKE_NS + this.rng.int(RETAKE_NS), K_RETAKE, p, ++p.syscallToken);
    }
  }

  /** sysmon's retake: the P left in a syscall is handed off. */
  protected retake(p: P): void {
    const from = p.m!;
    this.tracer.procSteal(this.sysmon, p, from.id);
    from.p = null;
    p.m = null;
    p.status = PS.Idle;
    if (this.runqHead < this.runq.length) this.schedule(this.startP(p));
  }

  protected exitSyscall(g: G): void {
    const m = g.m!;
    const p = m.p;
    if (p !== null && p.status === PS.Syscall) {
      this.tracer.goSyscallEnd(m);
      p.status = PS.Running;
      g.status = GS.Running;
      this.behaviour.step(this, m, g);
      return;
    }
    // Lost the P: the goroutine queues, the thread parks or picks up an idle P.
    this.tracer.goSyscallEndBlocked(m);
    m.curg = null;
    g.m = null;
    this.idleMs.push(m);
    this.makeRunnable(g);
  }

  // ---- what the runtime's GC and profiler (scheduler.ts) do at these points ----

  /** mallocgc's accounting after g computed for ranNs on m's P. */
  protected abstract allocate(m: M, ranNs: number): void;
  /** The CPU profiler's view of the slice that just ended on m's P. */
  protected abstract profile(m: M, g: G): void;
  /** A mark worker's loop (gcBgMarkWorker). */
  protected abstract markWorkerStep(m: M, g: G): void;
  /** gcMarkDone, when the mark phase's work runs out. */
  protected abstract markDone(): void;
  /** Ps that run a dedicated mark worker while marking. */
  protected abstract dedicatedWorkers(): number;
}

/** Where a preempted goroutine's stack is. */
export function preemptSite(g: G): number {
  if (g.role === 'batch') return SITE_INDEX.preemptJob;
  if (g.role === 'markWorker') return SITE_INDEX.markWork;
  return SITE_INDEX.preemptHandle;
}

/** A FIFO of goroutines (waiters on one wait reason): an array with a moving head. */
class Fifo {
  private items: G[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(g: G): void {
    this.items.push(g);
  }

  at(i: number): G {
    return this.items[this.head + i];
  }

  shift(): G {
    const g = this.items[this.head++];
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head >= 64 && this.head * 2 >= this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
    return g;
  }
}

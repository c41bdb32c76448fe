// The scheduler model's state and clock: a discrete-event simulation of Go's Ps, Ms and Gs.
// This file holds what every part of the scheduler shares (the goroutine, P and M tables,
// the per-G and per-P timers and the event loop that fires them); the parts that act on it
// stack on top, one per job of runtime/proc.go:
//   scheduler-runq.ts        run queue and P handoff (runqput/runqget, schedule, execute, startm/stopm)
//   scheduler-goroutines.ts  goroutine lifecycle (newproc, goexit, Gosched, preemption)
//   scheduler-blocking.ts    parking and waking (gopark/ready), syscalls and sysmon's retake
//   scheduler.ts             GC and stop-the-world, CPU profiler, trace advancer
// They are one class chain rather than separate objects so that the hot calls between them
// (schedule → execute → step) stay plain method calls on one object.

import { EventQueue } from './event-queue';
import { BLOCK_REASONS, BR, SITE_INDEX, STOP_REASONS, type BlockReason } from './frames';
import { G, GS, M, P, PS, type Role } from './model';
import { Rng } from './rng';
import type { SchedulerCore } from './scheduler-blocking';
import type { Tracer } from './tracer';

// Kinds of simulation event (EventQueue entries).
export const K_SLICE = 1;
export const K_WAKE = 2;
export const K_SYSEXIT = 3;
export const K_RETAKE = 4;
export const K_MARK_DONE = 5;
const K_HOOK = 6;

const M_ID_BASE = 2_417_880;

/**
 * Told what the simulated program does that a watcher may act on (a trigger that snapshots
 * the flight recorder): a request ending, with its latency; a stop-the-world pause ending.
 * Called synchronously from inside the simulation: an observer must only take note, never
 * call back into the runtime (the caller acts once the runtime has returned).
 */
export interface RuntimeObserver {
  request?(latencyNs: number, endNs: number, goroutine: number): void;
  gcPause?(durationNs: number, endNs: number, phase: 'sweep termination' | 'mark termination'): void;
}

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
export const WAKEABLE = new Uint8Array(BLOCK_REASONS.length);
for (const r of ['chan receive', 'chan send', 'select', 'sync', 'system goroutine wait'] as const) WAKEABLE[BLOCK[r]] = 1;
export const STOP_PREEMPTED = STOP_REASONS.indexOf('preempted');
export const STOP_GOSCHED = STOP_REASONS.indexOf('runtime.Gosched');

export abstract class SchedulerBase {
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
  /** The one observer of requests and pauses (SimulatedRuntime.observe), or null. */
  observer: RuntimeObserver | null = null;

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
        this.behaviour.hook?.(this.core, token);
        break;
    }
  }

  /**
   * This scheduler as workloads see it. Only whole schedulers are ever built (the layers
   * are abstract), so the cast holds; it lets the lower layers call the workload.
   */
  protected get core(): SchedulerCore {
    return this as unknown as SchedulerCore;
  }

  /** Schedules the workload's hook(tag) after d ns. */
  hook(d: number, tag: number): void {
    this.q.push(this.now + d, K_HOOK, null, tag);
  }

  // ---- what the layers above do when the event loop fires their timers ----

  /** runqput (scheduler-runq.ts). */
  protected abstract makeRunnable(g: G): void;
  /** A P's time slice ran out (scheduler-goroutines.ts). */
  protected abstract sliceDone(m: M, g: G): void;
  /** A sleeping goroutine's timer fired (scheduler-blocking.ts). */
  protected abstract timerWake(g: G): void;
  /** A syscall returned (scheduler-blocking.ts). */
  protected abstract exitSyscall(g: G): void;
  /** sysmon found a P stuck in a syscall (scheduler-blocking.ts). */
  protected abstract retake(p: P): void;
  /** gcMarkDone, when the mark phase's work runs out (scheduler.ts). */
  protected abstract markDone(): void;
}

/** A FIFO of goroutines (waiters on one wait reason): an array with a moving head. */
export class Fifo {
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

// A goroutine's life on a P, as runtime/proc.go runs it: newproc (GoCreate), compute in
// time slices that sysmon cuts at 10 ms (retake's preemptone, GoStop "preempted"),
// runtime.Gosched (GoStop), and goexit (GoDestroy). At each slice end the GC's allocation
// accounting and the CPU profiler (scheduler.ts) see the CPU time just used.

import { SITE_INDEX } from './frames';
import { G, GS, type M, type Role } from './model';
import { STOP_GOSCHED, STOP_PREEMPTED } from './scheduler-base';
import { RunQueues } from './scheduler-runq';

/** sysmon preempts a goroutine running longer than 10 ms (forcePreemptNS). */
const PREEMPT_NS = 10_000_000;

export abstract class GoroutineLifecycle extends RunQueues {
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
    else this.behaviour.step(this.core, m, g);
  }

  protected stopRunning(m: M, g: G): void {
    this.disarmSlice(m.p!);
    m.curg = null;
    g.m = null;
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

  // ---- what the runtime's GC and profiler (scheduler.ts) do at a slice end ----

  /** mallocgc's accounting after g computed for ranNs on m's P. */
  protected abstract allocate(m: M, ranNs: number): void;
  /** The CPU profiler's view of the slice that just ended on m's P. */
  protected abstract profile(m: M, g: G): void;
}

/** Where a preempted goroutine's stack is. */
export function preemptSite(g: G): number {
  if (g.role === 'batch') return SITE_INDEX.preemptJob;
  if (g.role === 'refresher') return SITE_INDEX.refreshWork;
  if (g.role === 'markWorker') return SITE_INDEX.markWork;
  return SITE_INDEX.preemptHandle;
}

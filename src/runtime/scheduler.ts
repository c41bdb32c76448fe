// The runtime's side of the scheduler model: GC cycles with their stop-the-world phases,
// mark workers and assists, sweeping and heap metrics (runtime/mgc.go, mgcmark.go,
// mgcsweep.go), the CPU profiler's samples (runtime/cpuprof.go, tracecpu.go) and the
// trace advancer goroutine, on top of SchedulerCore (scheduler-base.ts lists its layers).
//
// Stop-the-world phases are atomic: the clock jumps over them, and every event that fell
// due meanwhile runs late, as the stopped world would. So a generation never ends inside
// an STW, just as traceAdvance waits on worldsema. Before the jump every other P stops
// (proc.go stopTheWorldWithSema): a running goroutine is preempted and its P stopped, a P
// left in a syscall is taken by the stopping M; after it the Ps with work start again
// (startTheWorldWithSema), so nothing runs on another P during an STW.

import { BR, SITE_INDEX } from './frames';
import { GS, PS, type G, type M } from './model';
import { K_MARK_DONE, STOP_PREEMPTED } from './scheduler-base';
import { SchedulerCore } from './scheduler-blocking';
import { preemptSite } from './scheduler-goroutines';
import type { Tracer } from './tracer';

export { BLOCK, type Behaviour, type RuntimeObserver } from './scheduler-base';

export class Scheduler extends SchedulerCore {
  // Heap numbers in bytes.
  heapAlloc: number;
  heapGoal: number;
  private lastHeapEvent = 0;
  private readonly baseLive: number;
  private readonly stwSweepTerm: number;
  private readonly stwMarkTerm: number;

  constructor(tracer: Tracer, procs: number, seed: number, initialHeap: number) {
    super(tracer, procs, seed);
    this.stwSweepTerm = tracer.stringRef('GC sweep termination');
    this.stwMarkTerm = tracer.stringRef('GC mark termination');
    this.heapAlloc = initialHeap;
    this.baseLive = initialHeap;
    this.heapGoal = Math.max(4 << 20, initialHeap * 2);
  }

  // ---- the CPU profiler (pprof on: runtime/cpuprof.go, sampled into the trace) ----

  /** The slice that just ended on m's P: one sample per profiling period of CPU time. */
  protected profile(m: M, g: G): void {
    const p = m.p!;
    const start = this.sliceStart[p.id];
    const ran = this.now - start;
    const period = this.profilePeriodNs;
    let due = period - p.cpuSinceSample;
    if (ran < due) {
      p.cpuSinceSample += ran;
      return;
    }
    const site = preemptSite(g);
    for (; due <= ran; due += period) this.tracer.cpuSample(start + due, m.id, p.id, g.id, site);
    p.cpuSinceSample = ran - (due - period);
  }

  // ---- GC (mgc.go) ----

  protected dedicatedWorkers(): number {
    return Math.max(1, Math.floor(this.procs / 4));
  }

  private stw(m: M, kind: number, site: number, d: number): void {
    this.tracer.stwBegin(m, kind, site);
    // The other Ps notice the preemption request a little later (signal, next safe point).
    this.now += 1_000 + this.rng.int(2_000);
    this.stopOtherPs(m);
    this.now += Math.round(d);
  }

  /** stopTheWorldWithSema: every P but m's stops; goroutines preempted go back to the run queue. */
  private stopOtherPs(m: M): void {
    this.worldStopped = true;
    const ps = this.ps;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      if (p === m.p || p.m === null) continue;
      const pm = p.m;
      if (p.status === PS.Running) {
        const g = pm.curg;
        if (g !== null) this.preempt(pm, g);
        this.tracer.procStop(pm);
        p.status = PS.Idle;
        p.m = null;
        pm.p = null;
        this.idleMs.push(pm);
      } else if (p.status === PS.Syscall) {
        // The goroutine stays in its syscall on its M; it comes back without a P.
        this.tracer.procSteal(m, p, pm.id);
        pm.p = null;
        p.m = null;
        p.status = PS.Idle;
      }
    }
  }

  /** startTheWorldWithSema: idle Ps start again for the goroutines waiting to run. */
  private startTheWorld(): void {
    this.worldStopped = false;
    // Woken Ms take their Ps a moment after the world restarts (wakep, startm).
    this.now += 1_000 + this.rng.int(1_000);
    while (this.runqHead < this.runq.length) {
      const p = this.idleP();
      if (p === null) break;
      this.schedule(this.startP(p));
    }
  }

  /** The goroutine running on m is preempted (it keeps the rest of its slice) and queued. */
  private preempt(m: M, g: G): void {
    g.work += Math.max(0, this.sliceEnd[m.p!.id] - this.now);
    if (g.inMarkAssist) {
      this.tracer.markAssistEnd(m);
      g.inMarkAssist = false;
    }
    this.tracer.goStop(m, STOP_PREEMPTED, preemptSite(g));
    this.stopRunning(m, g);
    this.makeRunnable(g);
  }

  /** mallocgc's accounting for d ns of g's compute: sweeping, heap metrics, GC trigger. */
  protected allocate(m: M, ranNs: number): void {
    const p = m.p!;
    const bytes = Math.round(this.behaviour.allocPerNs * ranNs * this.rng.range(0.5, 1.5));
    if (bytes === 0) return;
    if (p.sweepDebt > 0) {
      const spans = Math.min(p.sweepDebt, 1 + this.rng.int(64));
      this.tracer.sweepBegin(m, SITE_INDEX.sweep);
      this.now += spans * 150;
      this.tracer.sweepEnd(m, spans * 8192, Math.round(spans * 8192 * 0.4));
      p.sweepDebt -= spans;
    }
    this.heapAlloc += bytes;
    if (this.heapAlloc - this.lastHeapEvent > 512 << 10 || this.lastHeapEvent - this.heapAlloc > 512 << 10) {
      this.lastHeapEvent = this.heapAlloc;
      this.tracer.heapAlloc(m, this.heapAlloc);
    }
    if (!this.marking && this.heapAlloc >= this.heapGoal) this.gcStart(m);
  }

  /** gcStart: sweep termination STW, GCBegin, then concurrent mark. */
  gcStart(m: M): void {
    const pauseStart = this.now;
    this.stw(m, this.stwSweepTerm, SITE_INDEX.stwSweepTerm, this.rng.range(20_000, 120_000));
    this.tracer.gcBegin(m, SITE_INDEX.gcStart);
    this.tracer.stwEnd(m);
    this.observer?.gcPause?.(this.now - pauseStart, this.now, 'sweep termination');
    this.marking = true;
    this.startTheWorld();
    for (const p of this.ps) p.sweepDebt = 0;
    const markNs = 1_000_000 + (this.heapAlloc / (64 << 20)) * 4_000_000 * this.rng.range(0.7, 1.4);
    this.q.push(this.now + markNs, K_MARK_DONE, null, 0);
    // Dedicated workers take their Ps at the next scheduling point; idle Ps start now.
    for (let i = 0; i < this.dedicatedWorkers(); i++) {
      const p = this.ps[i];
      if (p.status === PS.Idle) this.schedule(this.startP(p));
    }
  }

  protected markWorkerStep(m: M, g: G): void {
    if (this.marking) this.run(m, g, 1_000_000);
    else this.block(m, g, BR.systemWait, SITE_INDEX.workerPark, -1);
  }

  /** gcMarkDone: mark termination STW and GCEnd, on a running worker (or any running goroutine). */
  protected markDone(): void {
    let m: M | null = null;
    for (const w of this.markWorkers) if (w.status === GS.Running && w.m !== null && w.m.p !== null) { m = w.m; break; }
    if (m === null) for (const p of this.ps) if (p.status === PS.Running && p.m?.curg) { m = p.m; break; }
    if (m === null) {
      const p = this.idleP();
      if (p === null) {
        this.q.push(this.now + 50_000, K_MARK_DONE, null, 0);
        return;
      }
      m = this.startP(p);
      const w = this.markWorkers[p.id];
      this.unblock(m, w, -1, false);
      w.status = GS.Running;
      w.m = m;
      m.curg = w;
      this.tracer.goStart(m, 1);
      this.sliceEnd[p.id] = this.now;
      this.armSlice(p, this.now + 20_000);
    }
    const pauseStart = this.now;
    this.stw(m, this.stwMarkTerm, SITE_INDEX.stwMarkTerm, this.rng.range(30_000, 200_000));
    this.tracer.gcEnd(m);
    this.marking = false;
    // Live heap after marking hovers around the program's working set.
    const live = Math.round(this.baseLive * this.rng.range(0.85, 1.15));
    this.heapAlloc = live;
    this.heapGoal = Math.max(4 << 20, live * 2);
    this.tracer.heapAlloc(m, this.heapAlloc);
    this.tracer.heapGoal(m, this.heapGoal);
    this.lastHeapEvent = this.heapAlloc;
    this.tracer.stwEnd(m);
    this.observer?.gcPause?.(this.now - pauseStart, this.now, 'mark termination');
    for (const p of this.ps) p.sweepDebt = 40 + this.rng.int(200);
    this.startTheWorld();
  }

  // ---- the trace advancer goroutine ----

  /**
   * Runs fn on the trace advancer goroutine: it is woken on an idle P if there is one, or
   * takes a busy P for a moment (the goroutine there is preempted), calls fn, and parks.
   * Returns false (and calls fn with no M) when every P is in a syscall.
   */
  onAdvancer(fn: (m: M | null) => void, who: G = this.advancer): void {
    let p = this.idleP();
    let m: M;
    if (p !== null) {
      m = this.startP(p);
    } else {
      p = null;
      for (const pp of this.ps) if (pp.status === PS.Running && pp.m !== null) { p = pp; break; }
      if (p === null) {
        fn(null);
        return;
      }
      m = p.m!;
      const g = m.curg;
      // Preempt the running goroutine; it keeps the rest of its slice for later.
      if (g !== null) this.preempt(m, g);
    }
    const adv = who;
    this.unblock(m, adv, -1, false);
    adv.status = GS.Running;
    adv.m = m;
    m.curg = adv;
    this.tracer.goStart(m);
    fn(m);
    this.block(m, adv, BR.sleep, adv === this.advancer ? SITE_INDEX.advancerPark : SITE_INDEX.sleep, -1);
  }
}

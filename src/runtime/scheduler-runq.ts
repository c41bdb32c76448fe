// The run queue and P handoff, as runtime/proc.go does them: runqput/runqget (one global
// FIFO here), startm taking an idle P with an idle or new M, schedule() finding a P's next
// goroutine or stopping the P (stopm), and execute() starting it, where the tracer sees
// ProcStart, ProcStop and GoStart. During a GC mark phase a P's dedicated mark worker
// comes before the queue (findRunnableGCWorker).

import { GS, PS, type G, type M, type P } from './model';
import { SchedulerBase } from './scheduler-base';

export abstract class RunQueues extends SchedulerBase {
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
    else this.behaviour.step(this.core, m, g);
  }

  // ---- what the layers above provide ----

  /** g computes for d ns (scheduler-goroutines.ts). */
  abstract run(m: M, g: G, d: number): void;
  /** ready() (scheduler-blocking.ts). */
  protected abstract unblock(m: M, g: G, site: number, queue?: boolean): void;
  /** A mark worker's loop, gcBgMarkWorker (scheduler.ts). */
  protected abstract markWorkerStep(m: M, g: G): void;
  /** Ps that run a dedicated mark worker while marking (scheduler.ts). */
  protected abstract dedicatedWorkers(): number;
}

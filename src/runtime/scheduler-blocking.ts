// Parking and waking, and syscalls, as runtime/proc.go does them: gopark (GoBlock) with a
// wait reason and an optional wake-up timer, ready() (GoUnblock) from another goroutine,
// a timer or the network poller, entersyscall/exitsyscall (GoSyscallBegin/End, or
// EndBlocked when the P was lost), and sysmon's retake of a P left in a long syscall
// (ProcSteal). With this layer the scheduler core is whole: SchedulerCore is what
// workloads (workloads.ts) drive, and scheduler.ts adds the GC, the profiler and the
// trace advancer.

import type { BlockReason } from './frames';
import { GS, PS, type G, type M, type P } from './model';
import { BLOCK, K_RETAKE, K_SYSEXIT, K_WAKE, WAKEABLE } from './scheduler-base';
import { GoroutineLifecycle } from './scheduler-goroutines';

/** sysmon retakes a P stuck in a syscall after about 20 µs (proc.go retake). */
const RETAKE_NS = 20_000;

export abstract class SchedulerCore extends GoroutineLifecycle {
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
}

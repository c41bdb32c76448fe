// The runtime tracer: the traceLocker methods of runtime/traceruntime.go over the
// simulated Ms, Ps and Gs, each written through eventWriter (trace-event-writer.ts) in the
// generation trace-generations.ts keeps. The scheduler (scheduler-*.ts, scheduler.ts) calls
// them exactly where Go's runtime calls its traceLocker.

import { Ev, GoStatus, ProcStatus } from '../trace/wire/specs';
import { NONE } from './batch-writer';
import type { G, M, P } from './model';
import { TraceGenerations } from './trace-generations';

export class Tracer extends TraceGenerations {
  // ---- the traceLocker methods (runtime/traceruntime.go) ----
  // Each is a no-op while tracing is off, as traceAcquire returns a locker that is not ok.

  procsChange(m: M, procs: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.ProcsChange, procs, this.stack(site));
  }

  procStart(m: M): void {
    if (this.gen === 0) return;
    const p = m.p!;
    const b = this.ew(m, GoStatus.Syscall, ProcStatus.Idle);
    this.put2(b, Ev.ProcStart, p.id, this.nextSeqP(p));
  }

  procStop(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Syscall, ProcStatus.Running), Ev.ProcStop);
  }

  /** m (sysmon, no P) takes p from the thread that left it in a syscall. */
  procSteal(m: M, p: P, stolenFrom: number): void {
    if (this.gen === 0) return;
    if (p.statusGen !== this.gen) {
      p.statusGen = this.gen;
      p.seq = 0;
      this.writeProcStatus(m.buf, p.id, ProcStatus.SyscallAbandoned, p.inSweep);
    }
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put3(b, Ev.ProcSteal, p.id, this.nextSeqP(p), stolenFrom);
  }

  goCreate(m: M, newg: G, startSite: number, site: number, blocked = false): void {
    if (this.gen === 0) return;
    newg.statusGen = this.gen;
    newg.seq = 0;
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put3(b, blocked ? Ev.GoCreateBlocked : Ev.GoCreate, newg.id, this.stack(startSite), this.stack(site));
  }

  /** m.curg is the goroutine just started. */
  goStart(m: M, label = -1): void {
    if (this.gen === 0) return;
    const g = m.curg!;
    const b = this.ew(m, GoStatus.Runnable, ProcStatus.Running);
    this.put2(b, Ev.GoStart, g.id, this.nextSeqG(g));
    if (label >= 0) this.put1(b, Ev.GoLabel, this.labelIds[label]);
  }

  goDestroy(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GoDestroy);
  }

  goStop(m: M, reason: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GoStop, this.stopIds[reason], this.stack(site));
  }

  goBlock(m: M, reason: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GoBlock, this.blockIds[reason], site < 0 ? 0 : this.stack(site));
  }

  goUnblock(m: M, g: G, site: number): void {
    if (this.gen === 0) return;
    if (g.statusGen !== this.gen) {
      // emitUnblockStatus: a goroutine first seen being woken was waiting.
      g.statusGen = this.gen;
      g.seq = 0;
      this.writeGoStatus(m.buf, g.id, NONE, GoStatus.Waiting, g.inMarkAssist, 0);
    }
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put3(b, Ev.GoUnblock, g.id, this.nextSeqG(g), site < 0 ? 0 : this.stack(site));
  }

  goSyscallBegin(m: M, site: number): void {
    if (this.gen === 0) return;
    const p = m.p!;
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put2(b, Ev.GoSyscallBegin, this.nextSeqP(p), this.stack(site));
  }

  goSyscallEnd(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Syscall, ProcStatus.Syscall), Ev.GoSyscallEnd);
  }

  goSyscallEndBlocked(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Syscall, ProcStatus.Running), Ev.GoSyscallEndBlocked);
  }

  gcActive(m: M): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCActive, this.seqGC++);
  }

  gcBegin(m: M, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCBegin, this.seqGC++, this.stack(site));
  }

  gcEnd(m: M): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCEnd, this.seqGC++);
  }

  /** kind: a stringRef handle. */
  stwBegin(m: M, kind: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.STWBegin, this.sref(kind), this.stack(site));
  }

  stwEnd(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.STWEnd);
  }

  sweepBegin(m: M, site: number): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCSweepBegin, this.stack(site));
    m.p!.inSweep = true;
  }

  sweepEnd(m: M, swept: number, reclaimed: number): void {
    if (this.gen === 0) return;
    const p = m.p!;
    if (!p.inSweep) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCSweepEnd, swept, reclaimed);
    p.inSweep = false;
  }

  markAssistBegin(m: M, site: number): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCMarkAssistBegin, this.stack(site));
  }

  markAssistEnd(m: M): void {
    if (this.gen === 0) return;
    this.put0(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.GCMarkAssistEnd);
  }

  heapAlloc(m: M, live: number): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.HeapAlloc, live);
  }

  heapGoal(m: M, goal: number): void {
    if (this.gen === 0) return;
    this.put1(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.HeapGoal, goal);
  }

  // Task and region names are stringRef handles.

  taskBegin(m: M, id: number, parent: number, name: number, site: number): void {
    if (this.gen === 0) return;
    this.put4(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.UserTaskBegin, id, parent, this.sref(name), this.stack(site));
  }

  taskEnd(m: M, id: number, site: number): void {
    if (this.gen === 0) return;
    this.put2(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.UserTaskEnd, id, this.stack(site));
  }

  regionBegin(m: M, task: number, name: number, site: number): void {
    if (this.gen === 0) return;
    this.put3(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.UserRegionBegin, task, this.sref(name), this.stack(site));
  }

  regionEnd(m: M, task: number, name: number, site: number): void {
    if (this.gen === 0) return;
    this.put3(this.ew(m, GoStatus.Running, ProcStatus.Running), Ev.UserRegionEnd, task, this.sref(name), this.stack(site));
  }

  log(m: M, task: number, category: string, message: string, site: number): void {
    if (this.gen === 0) return;
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put4(b, Ev.UserLog, task, this.string(category), this.strings.emit(this.gen, message), this.stack(site));
  }

  /** log() with the category as a stringRef handle and the message as UTF-8 bytes. */
  logBytes(m: M, task: number, category: number, message: Uint8Array, site: number): void {
    if (this.gen === 0) return;
    const b = this.ew(m, GoStatus.Running, ProcStatus.Running);
    this.put4(b, Ev.UserLog, task, this.sref(category), this.strings.emitBytes(this.gen, message), this.stack(site));
  }
}

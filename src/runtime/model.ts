// The simulated runtime's resources: goroutines (G), processors (P) and threads (M), with
// both their scheduling state and the per-generation trace state Go keeps beside them
// (runtime/tracestatus.go traceSchedResourceState: whether the status was traced in this
// generation, and the generation-local sequence counter).

import { GoStatus, ProcStatus } from '../trace/wire/specs';
import { BatchBuf } from './batch-writer';

export type Role = 'handler' | 'worker' | 'ticker' | 'batch' | 'markWorker' | 'advancer' | 'main' | 'refresher';

/** Scheduling state of a G; values 1–4 equal the wire GoStatus. */
export enum GS {
  Runnable = GoStatus.Runnable,
  Running = GoStatus.Running,
  Syscall = GoStatus.Syscall,
  Waiting = GoStatus.Waiting,
  Dead = 5,
}

/** Scheduling state of a P; values equal the wire ProcStatus. */
export enum PS {
  Running = ProcStatus.Running,
  Idle = ProcStatus.Idle,
  Syscall = ProcStatus.Syscall,
}

export class G {
  status: GS = GS.Waiting;
  m: M | null = null;
  // Trace state: the generation its status was last written in, and its sequence counter.
  statusGen = 0;
  seq = 0;
  /** In a mark assist whose begin was traced (gp.inMarkAssist). */
  inMarkAssist = false;
  /** Call site it is blocked at (for GoStatusStack), -1 if none. */
  blockSite = -1;
  /** Bumped whenever a pending wake-up or syscall end for it is cancelled. */
  token = 0;
  /** Queue slot of its pending wake-up or syscall end (NO_TIMER if none). */
  timer = -1;
  /** What the goroutine does next; its meaning belongs to the workload. */
  phase = 0;
  /** Remaining CPU work of the current request/step, in ns. */
  work = 0;
  /** Active user task, 0 if none. */
  task = 0;
  /** When the active task began (ns), for the request latency observers hear of. */
  taskStartNs = 0;
  /** Why it waits (index into BLOCK_REASONS); decides who may wake it. */
  waitReason = 0;

  constructor(
    readonly id: number,
    readonly role: Role,
  ) {}
}

export class P {
  status: PS = PS.Idle;
  m: M | null = null;
  statusGen = 0;
  seq = 0;
  /** In a sweep whose begin was traced (pp.trace.inSweep). */
  inSweep = false;
  /** Bumped to cancel a pending slice end. */
  token = 0;
  /** Queue slots of the pending slice end and sysmon retake (-1 if none). */
  sliceTimer = -1;
  retakeTimer = -1;
  /** Sweep work still owed after the last GC, in spans. */
  sweepDebt = 0;
  /** Syscall generation for sysmon's retake (cancels stale retakes). */
  syscallToken = 0;
  /** CPU time run on this P since its last profile sample, ns. */
  cpuSinceSample = 0;

  constructor(readonly id: number) {}
}

export class M {
  p: P | null = null;
  curg: G | null = null;
  /** This M's batch for the current generation. */
  readonly buf: BatchBuf;

  constructor(readonly id: number) {
    this.buf = new BatchBuf(id);
  }
}

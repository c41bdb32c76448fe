// A goroutine's state while the JSON generator replays the model, following cmd/trace's
// gstate.go: the current execution slice (on a P or an M, by view), the syscall in progress,
// goroutine-scoped ranges (mark assists), and the cause of its next start (the flow arrow).
//
// Times are ns since the trace's first event. Go marks "unset" with the zero trace.Time, which
// is not time 0 of the trace: ZERO below is that instant in our coordinates (−origin).

import { type Emitter, SYSCALL_P, NETPOLL_P } from './emitter';

/** A resource ID of the view (P ID, M ID or goroutine ID); -1 is none. */
export type Resource = number | bigint;
export const NO_RESOURCE = -1;

const TWO_64 = 2n ** 64n;

/** Go's uint64(id) of a resource. */
export function u64(id: Resource): number | bigint {
  if (typeof id === 'bigint') return id < 0n ? TWO_64 + id : id;
  return id >= 0 ? id : TWO_64 + BigInt(id);
}

/** The parts of the generator's context gState needs. */
export interface GenContext {
  readonly emitter: Emitter;
  /** The zero trace.Time in ns since the origin (−origin). */
  readonly zero: number;
  /** Time of the trace's last event. */
  readonly endNs: number;
  /** Frame-tree ID of a model stack (0 for none or no frames). */
  stack(modelStack: number): number;
}

interface ActiveRange {
  time: number;
  stack: number;
}

interface CompletedRange {
  name: string;
  startNs: number;
  endNs: number;
  startStack: number;
  endStack: number;
  args?: Record<string, string>;
}

export class GState {
  baseName: string;
  named = false;
  label = '';
  executing: Resource = NO_RESOURCE;
  lastStopStack = 0;
  readonly activeRanges = new Map<string, ActiveRange>();
  private completed: CompletedRange[] = [];
  startRunningTime: number;
  private syscallTime: number;
  private syscallStack = 0;
  private syscallActive = false;
  startBlockReason = '';
  private causeTime: number;
  private causeName = '';
  private causeResource: number | bigint = 0;
  private causeStack = 0;

  constructor(
    goID: string,
    private readonly ctx: GenContext,
  ) {
    this.baseName = `G${goID}`;
    this.startRunningTime = ctx.zero;
    this.syscallTime = ctx.zero;
    this.causeTime = ctx.zero;
  }

  /** augmentName: the last (root) frame's function of the first stack seen; '' for no frames. */
  augmentName(rootFunc: string | null): void {
    if (this.named || rootFunc === null) return;
    this.baseName += ` ${rootFunc}`;
    this.named = true;
  }

  name(): string {
    return this.label !== '' ? `${this.baseName} (${this.label})` : this.baseName;
  }

  private setStartCause(ts: number, name: string, resource: number | bigint, stack: number): void {
    this.causeTime = ts;
    this.causeName = name;
    this.causeResource = resource;
    this.causeStack = stack;
  }

  created(ts: number, creator: Resource, stack: number): void {
    if (creator === NO_RESOURCE) return;
    this.setStartCause(ts, 'go', u64(creator), stack);
  }

  start(ts: number, resource: Resource): void {
    for (const r of this.activeRanges.values()) {
      r.time = ts;
      r.stack = 0;
    }
    const ctx = this.ctx;
    if (this.causeName !== '') {
      ctx.emitter.arrow({
        name: this.causeName,
        startNs: this.causeTime,
        endNs: ts,
        from: this.causeResource,
        to: u64(resource),
        fromStack: ctx.stack(this.causeStack),
      });
      this.causeTime = ctx.zero;
      this.causeName = '';
      this.causeResource = 0;
      this.causeStack = 0;
    }
    this.executing = resource;
    this.startRunningTime = ts;
  }

  syscallBegin(ts: number, resource: Resource, stack: number): void {
    this.syscallTime = ts;
    this.syscallStack = stack;
    this.syscallActive = true;
    if (this.executing === NO_RESOURCE) {
      this.executing = resource;
      this.startRunningTime = ts;
    }
  }

  syscallEnd(ts: number, blocked: boolean): void {
    if (!this.syscallActive) return;
    this.completed.push({
      name: 'syscall',
      startNs: this.syscallTime,
      endNs: ts,
      startStack: this.syscallStack,
      endStack: 0,
      args: { blocked: blocked ? 'yes' : 'no' },
    });
    this.syscallActive = false;
    this.syscallTime = this.ctx.zero;
    this.syscallStack = 0;
  }

  blockedSyscallEnd(ts: number, stack: number): void {
    const name = 'exit blocked syscall';
    this.setStartCause(ts, name, SYSCALL_P, stack);
    this.ctx.emitter.instant({ name, tsNs: ts, resource: SYSCALL_P, stack: this.ctx.stack(stack) });
  }

  /** threadView: the resource is an M, so a network unblock stays on it (gstate.go unblock). */
  unblock(ts: number, stack: number, resource: Resource, threadView: boolean): void {
    let name = 'unblock';
    let viewerResource: number | bigint = u64(resource);
    if (this.startBlockReason !== '') name = `${name} (${this.startBlockReason})`;
    if (this.startBlockReason.includes('network')) {
      if (!threadView) viewerResource = NETPOLL_P;
      this.ctx.emitter.instant({ name, tsNs: ts, resource: viewerResource, stack: this.ctx.stack(stack) });
    }
    this.startBlockReason = '';
    if (viewerResource !== 0) this.setStartCause(ts, name, viewerResource, stack);
  }

  block(ts: number, stack: number, reason: string): void {
    this.startBlockReason = reason;
    this.stop(ts, stack);
  }

  stop(ts: number, stack: number): void {
    const ctx = this.ctx;
    const e = ctx.emitter;
    const stk = this.lastStopStack !== 0 ? ctx.stack(this.lastStopStack) : 0;
    const endStk = stack !== 0 ? ctx.stack(stack) : 0;
    if (this.startRunningTime === ctx.zero) throw new Error('silently broken trace or generator invariant (startRunningTime != 0) not held');
    if (this.executing === NO_RESOURCE) throw new Error('non-executing goroutine stopped');
    const resource = u64(this.executing);
    e.slice({ name: this.name(), tsNs: this.startRunningTime, durNs: ts - this.startRunningTime, resource, stack: stk, endStack: endStk });
    for (const cr of this.completed) {
      e.slice({
        name: cr.name,
        tsNs: cr.startNs,
        durNs: cr.endNs - cr.startNs,
        resource,
        stack: ctx.stack(cr.startStack),
        endStack: ctx.stack(cr.endStack),
        args: cr.args,
      });
    }
    this.completed = [];
    for (const [name, r] of this.activeRanges) {
      if (r.time === ctx.zero) throw new Error('silently broken trace or generator invariant (activeRanges time != 0) not held');
      e.slice({ name, tsNs: r.time, durNs: ts - r.time, resource, stack: ctx.stack(r.stack), endStack: 0 });
    }
    for (const r of this.activeRanges.values()) {
      r.time = ctx.zero;
      r.stack = 0;
    }
    this.startRunningTime = ctx.zero;
    this.lastStopStack = stack;
    this.executing = NO_RESOURCE;
  }

  finish(): void {
    if (this.executing !== NO_RESOURCE) {
      this.syscallEnd(this.ctx.endNs, false);
      this.stop(this.ctx.endNs, 0);
    }
  }

  rangeBegin(ts: number, name: string, stack: number): void {
    this.activeRanges.set(name, { time: this.executing !== NO_RESOURCE ? ts : this.ctx.zero, stack });
  }

  rangeActive(name: string): void {
    this.activeRanges.set(name, { time: this.executing !== NO_RESOURCE ? this.startRunningTime : this.ctx.zero, stack: 0 });
  }

  rangeEnd(ts: number, name: string, stack: number): void {
    if (this.executing !== NO_RESOURCE) {
      const r = this.activeRanges.get(name) ?? { time: this.ctx.zero, stack: 0 };
      this.completed.push({ name, startNs: r.time, endNs: ts, startStack: r.stack, endStack: stack });
    }
    this.activeRanges.delete(name);
  }
}

// Flows between goroutines, read from the rows: a creation (NotExist → Runnable), an unblock
// (Waiting → Runnable) or the end of a blocked syscall (Syscall → Runnable) makes a goroutine
// runnable; the arrow ends when it next starts running (cmd/trace's gstate.go startCause).
// The goroutine on the other end is the creator the sink recorded, or for an unblock the
// goroutine that was running on the event's P (or M) at that moment — the event's own
// goroutine, as Go's reader gives it.

import type { TimelineChunk } from './chunk';
import type { ModelTables } from './model-tables';
import { chunkAt, FROM_SHIFT, GoroutineRowsReader, isContinuation, NOT_EXIST, RUNNING, type RowRef, SYSCALL, TO_MASK } from './model-rows';
import { newSpanView, type SpanReader } from './model-spans';
import type { ThreadSlices } from './model-threads';
import { type Flow, FlowKind } from './query';

const WAITING = 4;
const RUNNABLE = 2;

export class FlowReader {
  private readonly rows: GoroutineRowsReader;

  constructor(
    private readonly chunks: readonly TimelineChunk[],
    private readonly t: ModelTables,
    private readonly spans: SpanReader,
    private readonly threads: () => ThreadSlices,
    private readonly endNs: () => number,
  ) {
    this.rows = spans.rows;
  }

  /** The goroutine running on proc p (or else thread m) at time t; -1 for none. */
  runningAt(p: number, m: number, t: number): number {
    let g = -1;
    const s = newSpanView();
    const pick = (x: typeof s) => {
      if (x.startNs <= t && t < x.endNs) {
        g = x.goroutine;
        return false;
      }
      return undefined;
    };
    if (p >= 0) this.spans.procSpans(p, t, t, pick);
    else if (m >= 0) this.threads().spans(m, t, t, this.endNs(), s, this.chunks, pick);
    return g;
  }

  /** The flow a row that made g runnable stands for (row must be such a row). */
  private flowOf(g: number, ref: RowRef): Flow {
    const R = this.rows;
    const ch = this.chunks[ref.chunk];
    const rows = ch.goroutines;
    const st = rows.state[ref.row];
    const from = (st >> FROM_SHIFT) & 7;
    const proc = rows.proc[ref.row] - 1;
    const thread = rows.thread[ref.row] - 1;
    const fromNs = R.time(ref);
    const kind = from === NOT_EXIST ? FlowKind.Create : from === SYSCALL ? FlowKind.SyscallExit : FlowKind.Unblock;
    let fromGoroutine = -1;
    if (kind === FlowKind.Create) fromGoroutine = this.t.creator(g);
    else if (kind === FlowKind.Unblock) fromGoroutine = this.runningAt(proc, thread, fromNs);
    let reason = '';
    if (kind === FlowKind.Unblock) {
      // The row that began the wait (a continuation in a later generation carries no reason).
      const prev = R.prev(g, ref);
      if (prev !== null) {
        const head = R.spanHead(g, prev);
        reason = this.t.strings[this.t.siteReason.data[this.chunks[head.chunk].goroutines.site[head.row]]];
      }
    }
    let toNs: number | null = null;
    for (let r = R.next(g, ref); r !== null; r = R.next(g, r)) {
      const s = R.state(r);
      if (isContinuation(s)) continue;
      if ((s & TO_MASK) === RUNNING) toNs = R.time(r);
      break;
    }
    return {
      kind,
      fromGoroutine,
      fromProc: proc,
      fromThread: thread,
      fromNs,
      fromStack: this.t.siteStack.data[rows.site[ref.row]],
      toGoroutine: g,
      toNs,
      reason,
    };
  }

  private makesRunnable(state: number): boolean {
    const from = (state >> FROM_SHIFT) & 7;
    return (state & TO_MASK) === RUNNABLE && (from === WAITING || from === NOT_EXIST || from === SYSCALL);
  }

  creation(g: number): Flow | null {
    const first = this.t.firstChunk(g);
    if (first < 0) return null;
    const r = this.rows.range(first, g)!;
    const ref = { chunk: first, row: r[0] };
    const st = this.rows.state(ref);
    return ((st >> FROM_SHIFT) & 7) === NOT_EXIST && this.makesRunnable(st) ? this.flowOf(g, ref) : null;
  }

  /** The flow that made g runnable for the run at or just after time t. */
  unblockedBy(g: number, t: number): Flow | null {
    const R = this.rows;
    let ref = R.rowAtOrBefore(g, t);
    // Walk back over the runnable/running stretch the span at t belongs to.
    for (let steps = 0; ref !== null && steps < 64; steps++) {
      const s = R.state(ref);
      if (!isContinuation(s)) {
        if (this.makesRunnable(s)) return this.flowOf(g, ref);
        const to = s & TO_MASK;
        if (to !== RUNNING && to !== RUNNABLE) return null;
      }
      ref = R.prev(g, ref);
    }
    return null;
  }

  /**
   * Flows into g (creation, unblocks, syscall exits) starting in [from, to], and out of it
   * (goroutines it created or unblocked while it ran in that range).
   */
  flows(g: number, from: number, to: number): Flow[] {
    const out: Flow[] = [];
    const R = this.rows;
    let ref = R.rowAtOrBefore(g, from) ?? (() => {
      const first = this.t.firstChunk(g);
      if (first < 0) return null;
      return { chunk: first, row: R.range(first, g)![0] };
    })();
    for (; ref !== null; ref = R.next(g, ref)) {
      const time = R.time(ref);
      if (time > to) break;
      if (time >= from && this.makesRunnable(R.state(ref))) out.push(this.flowOf(g, ref));
    }
    // Out of g: rows of other goroutines made runnable on g's P or M while g ran.
    const runs: { start: number; end: number; proc: number }[] = [];
    this.spans.goroutineSpans(g, from, to, (s) => {
      if (s.state === RUNNING) runs.push({ start: Math.max(s.startNs, from), end: Math.min(s.endNs, to), proc: s.proc });
      return runs.length < 10_000;
    });
    if (runs.length === 0) return out;
    const c0 = chunkAt(this.chunks, runs[0].start);
    const c1 = chunkAt(this.chunks, runs[runs.length - 1].end);
    for (let c = c0; c <= c1; c++) {
      const rows = this.chunks[c].goroutines;
      const base = this.chunks[c].baseNs;
      for (let k = 0; k < rows.lanes.length; k++) {
        const other = rows.lanes[k];
        if (other === g) continue;
        for (let i = rows.offsets[k]; i < rows.offsets[k + 1]; i++) {
          const st = rows.state[i];
          if (!this.makesRunnable(st) || ((st >> FROM_SHIFT) & 7) === SYSCALL) continue;
          const time = base + rows.time[i];
          const run = runAt(runs, time);
          if (run === null) continue;
          if (((st >> FROM_SHIFT) & 7) === NOT_EXIST ? this.t.creator(other) !== g : rows.proc[i] - 1 !== run.proc) continue;
          out.push(this.flowOf(other, { chunk: c, row: i }));
        }
      }
    }
    return out.sort((a, b) => a.fromNs - b.fromNs);
  }
}

/** The run (sorted, not overlapping) holding time t, or null. */
function runAt(runs: readonly { start: number; end: number; proc: number }[], t: number): { start: number; end: number; proc: number } | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid];
    if (t < r.start) hi = mid - 1;
    else if (t >= r.end) lo = mid + 1;
    else return r;
  }
  return null;
}

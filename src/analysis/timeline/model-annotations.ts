// User tasks and regions on the page. Tasks are gathered into columns (begin/end time and
// goroutine per task) as chunks arrive, and the chunks' task events are then dropped; regions
// are read from the chunks' per-goroutine region intervals on request.

import type { TimelineChunk } from './chunk';
import { F64Grow, I32Grow } from './grow';
import { chunkAt, findSorted } from './model-rows';
import type { ModelTables } from './model-tables';
import type { RegionSpan, TaskInfo } from './query';

export class AnnotationStore {
  private readonly start = new F64Grow();
  private readonly end = new F64Grow();
  private readonly startG = new I32Grow();
  private readonly endG = new I32Grow();
  private built = 0;

  constructor(
    private readonly t: ModelTables,
    private readonly chunks: readonly TimelineChunk[],
  ) {}

  /** Takes the task events of chunks not yet seen; returns them emptied (their data is here now). */
  addTasks(ch: TimelineChunk): void {
    const te = ch.tasks;
    for (let i = 0; i < te.time.length; i++) {
      const k = te.task[i];
      while (this.start.length <= k) {
        this.start.push(NaN);
        this.end.push(NaN);
        this.startG.push(-1);
        this.endG.push(-1);
      }
      const t = ch.baseNs + te.time[i];
      if (te.edge[i] === 0) {
        this.start.data[k] = t;
        this.startG.data[k] = te.goroutine[i] - 1;
      } else {
        this.end.data[k] = t;
        this.endG.data[k] = te.goroutine[i] - 1;
      }
    }
    this.built++;
  }

  get taskCount(): number {
    return this.t.taskId.length;
  }

  taskInfo(i: number): TaskInfo {
    const known = i < this.start.length;
    const s = known ? this.start.data[i] : NaN;
    const e = known ? this.end.data[i] : NaN;
    return {
      index: i,
      id: this.t.idText('task', i),
      parent: this.t.taskParent.data[i] - 1,
      type: this.t.strings[this.t.taskType.data[i]],
      startNs: Number.isNaN(s) ? null : s,
      endNs: Number.isNaN(e) ? null : e,
      startGoroutine: known ? this.startG.data[i] : -1,
      endGoroutine: known ? this.endG.data[i] : -1,
    };
  }

  taskInfos(): TaskInfo[] {
    const out: TaskInfo[] = new Array(this.taskCount);
    for (let i = 0; i < out.length; i++) out[i] = this.taskInfo(i);
    return out;
  }

  /**
   * Regions of goroutine g overlapping [from, to], outer before inner at equal starts. A
   * region is listed in the chunk where it ends, so the chunks from the one holding `from` to
   * the last with regions of g are read (a binary search each).
   */
  regionsOf(g: number, from: number, to: number, endNs: number): RegionSpan[] {
    const chunks = this.chunks;
    const out: RegionSpan[] = [];
    if (chunks.length === 0) return out;
    for (let c = chunkAt(chunks, from); c < chunks.length; c++) {
      const ch = chunks[c];
      const rg = ch.regions;
      const k = findSorted(rg.lanes, g);
      if (k < 0) continue;
      for (let i = rg.offsets[k]; i < rg.offsets[k + 1]; i++) {
        const open = (rg.flags[i] & 2) !== 0;
        const at = ch.baseNs + rg.end[i];
        const start = at - rg.before[i];
        const end = open ? endNs : at;
        if (end < from || start > to) continue;
        out.push({
          name: this.t.strings[rg.name[i]],
          task: rg.task[i],
          goroutine: g,
          startNs: start,
          endNs: end,
          depth: rg.depth[i],
          startedBeforeTrace: (rg.flags[i] & 1) !== 0,
          openAtEnd: open,
          startStack: rg.startStack[i],
          endStack: rg.endStack[i],
        });
      }
    }
    return out.sort((a, b) => a.startNs - b.startNs || a.depth - b.depth);
  }

  compact(): void {
    for (const a of [this.start, this.end, this.startG, this.endG]) a.compact();
  }

  byteSize(): number {
    return this.start.byteLength + this.end.byteLength + this.startG.byteLength + this.endG.byteLength;
  }
}

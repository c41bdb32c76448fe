// Ranges (GC mark phase, stop-the-world, sweeps, mark assists), user tasks and regions as
// intervals, paired from their begin/active/end events as chunks arrive. A range already
// running when the trace began shows as an Active event in the first generation and starts
// at 0; later Active events (Go re-announces ranges every generation) continue the open one.
// Whatever is still open when the trace ends ends at the trace's end.

import type { TimelineChunk } from './chunk';
import { RangeEdge, RangeKind } from './chunk';
import type { ModelTables } from './model-tables';
import type { RangeSpan, RegionSpan, TaskInfo } from './query';

class Intervals {
  start: number[] = [];
  end: number[] = [];
  scope: number[] = [];
  name: number[] = [];
  beforeTrace: boolean[] = [];
  startStack: number[] = [];
  endStack: number[] = [];
  /** Longest closed interval, to bound searches by start time. */
  maxLen = 0;
  /** Per scope: positions in start order (built on demand). */
  byScope: Map<number, number[]> | null = null;

  push(start: number, scope: number, name: number, before: boolean, stack: number): number {
    this.start.push(start);
    this.end.push(NaN);
    this.scope.push(scope);
    this.name.push(name);
    this.beforeTrace.push(before);
    this.startStack.push(stack);
    this.endStack.push(0);
    this.byScope = null;
    return this.start.length - 1;
  }

  close(i: number, end: number, stack: number): void {
    this.end[i] = end;
    this.endStack[i] = stack;
    this.maxLen = Math.max(this.maxLen, end - this.start[i]);
  }
}

export class RangeStore {
  private readonly kinds = [new Intervals(), new Intervals(), new Intervals(), new Intervals()];
  /** Open ranges: key (kind, scope, name) → position. */
  private readonly open = new Map<string, number>();
  private built = 0;

  constructor(private readonly t: ModelTables) {}

  update(chunks: readonly TimelineChunk[]): void {
    for (; this.built < chunks.length; this.built++) this.addChunk(chunks[this.built]);
  }

  private addChunk(ch: TimelineChunk): void {
    const r = ch.ranges;
    for (let i = 0; i < r.time.length; i++) {
      const kind = r.kind[i] as RangeKind;
      const scope = r.scope[i] - 1;
      const name = r.name[i];
      const key = `${kind}:${scope}:${name}`;
      const t = ch.baseNs + r.time[i];
      const iv = this.kinds[kind];
      const edge = r.edge[i];
      if (edge === RangeEdge.Begin) this.open.set(key, iv.push(t, scope, name, false, r.stack[i]));
      else if (edge === RangeEdge.Active) {
        if (!this.open.has(key)) this.open.set(key, iv.push(0, scope, name, true, 0));
      } else {
        const at = this.open.get(key);
        // An end without a begin: the range began before the trace.
        const pos = at ?? iv.push(0, scope, name, true, 0);
        iv.close(pos, t, r.stack[i]);
        this.open.delete(key);
      }
    }
  }

  private span(kind: RangeKind, i: number, endNs: number): RangeSpan {
    const iv = this.kinds[kind];
    const open = Number.isNaN(iv.end[i]);
    return {
      kind,
      name: this.t.strings[iv.name[i]],
      startNs: iv.start[i],
      endNs: open ? endNs : iv.end[i],
      scope: iv.scope[i],
      startedBeforeTrace: iv.beforeTrace[i],
      openAtEnd: open,
      startStack: iv.startStack[i],
      endStack: iv.endStack[i],
    };
  }

  /** Ranges of a kind overlapping [from, to]; open ones end at endNs. */
  ranges(kind: RangeKind, from: number, to: number, endNs: number, scope?: number): RangeSpan[] {
    const iv = this.kinds[kind];
    let positions: ArrayLike<number> | null = null;
    if (scope !== undefined) {
      if (iv.byScope === null) {
        iv.byScope = new Map();
        for (let i = 0; i < iv.start.length; i++) {
          let l = iv.byScope.get(iv.scope[i]);
          if (!l) iv.byScope.set(iv.scope[i], (l = []));
          l.push(i);
        }
      }
      positions = iv.byScope.get(scope) ?? [];
    }
    const n = positions ? positions.length : iv.start.length;
    const at = (k: number) => (positions ? positions[k] : k);
    // Ranges are in start order; an open one may start long before `from`, so open ones are
    // checked from the beginning only when some are open (few: at most one per scope).
    let lo = 0;
    let hi = n;
    const key = from - iv.maxLen;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (iv.start[at(mid)] < key) lo = mid + 1;
      else hi = mid;
    }
    const out: RangeSpan[] = [];
    for (const [k, pos] of this.open) {
      if (Number(k.split(':')[0]) !== kind || pos >= lo) continue;
      if (scope !== undefined && iv.scope[pos] !== scope) continue;
      if (iv.start[pos] <= to) out.push(this.span(kind, pos, endNs));
    }
    for (let k = lo; k < n; k++) {
      const i = at(k);
      if (iv.start[i] > to) break;
      const end = Number.isNaN(iv.end[i]) ? endNs : iv.end[i];
      if (end < from) continue;
      out.push(this.span(kind, i, endNs));
    }
    return out;
  }

  byteSize(): number {
    let n = 0;
    for (const iv of this.kinds) n += iv.start.length * 56;
    return n;
  }
}

interface Task {
  parent: number;
  type: number;
  start: number | null;
  end: number | null;
  startG: number;
  endG: number;
}

interface Region {
  start: number;
  end: number;
  g: number;
  task: number;
  name: number;
  depth: number;
  before: boolean;
  startStack: number;
  endStack: number;
}

/** User tasks and regions. */
export class AnnotationStore {
  private readonly tasks: Task[] = [];
  private readonly regions = new Map<number, Region[]>();
  private readonly openRegions = new Map<number, Region[]>();
  private built = 0;

  constructor(private readonly t: ModelTables) {}

  update(chunks: readonly TimelineChunk[]): void {
    for (; this.built < chunks.length; this.built++) this.addChunk(chunks[this.built]);
  }

  private task(i: number): Task {
    while (this.tasks.length <= i) {
      const k = this.tasks.length;
      this.tasks.push({ parent: this.t.taskParent.data[k] - 1, type: this.t.taskType.data[k], start: null, end: null, startG: -1, endG: -1 });
    }
    return this.tasks[i];
  }

  private addChunk(ch: TimelineChunk): void {
    const te = ch.tasks;
    for (let i = 0; i < te.time.length; i++) {
      const task = this.task(te.task[i]);
      const t = ch.baseNs + te.time[i];
      if (te.parent[i] !== 0) task.parent = te.parent[i] - 1;
      if (te.type[i] !== 0) task.type = te.type[i];
      if (te.edge[i] === 0) {
        task.start = t;
        task.startG = te.goroutine[i] - 1;
      } else {
        task.end = t;
        task.endG = te.goroutine[i] - 1;
      }
    }
    const re = ch.regions;
    for (let i = 0; i < re.time.length; i++) {
      const g = re.goroutine[i] - 1;
      const t = ch.baseNs + re.time[i];
      let open = this.openRegions.get(g);
      if (!open) this.openRegions.set(g, (open = []));
      let list = this.regions.get(g);
      if (!list) this.regions.set(g, (list = []));
      if (re.edge[i] === 0) {
        const r: Region = { start: t, end: NaN, g, task: re.task[i], name: re.name[i], depth: open.length, before: false, startStack: re.stack[i], endStack: 0 };
        open.push(r);
        list.push(r);
      } else {
        // The innermost open region ends (Go's regions nest on a goroutine); an end with none
        // open began before the trace.
        const r = open.pop() ?? this.beforeTrace(list, g, re.task[i], re.name[i]);
        r.end = t;
        r.endStack = re.stack[i];
      }
    }
  }

  private beforeTrace(list: Region[], g: number, task: number, name: number): Region {
    const r: Region = { start: 0, end: NaN, g, task, name, depth: 0, before: true, startStack: 0, endStack: 0 };
    // Outer regions that began before the trace are found after inner ones; shift depths.
    for (const o of list) if (o.before) o.depth++;
    list.unshift(r);
    return r;
  }

  taskInfos(): TaskInfo[] {
    // Tasks the table knows (a region or log may name one) but no event described yet.
    this.task(this.t.taskId.length - 1);
    return this.tasks.map((k, i) => ({
      index: i,
      id: this.t.idText('task', i),
      parent: k.parent,
      type: this.t.strings[k.type],
      startNs: k.start,
      endNs: k.end,
      startGoroutine: k.startG,
      endGoroutine: k.endG,
    }));
  }

  regionsOf(g: number, from: number, to: number, endNs: number): RegionSpan[] {
    const list = this.regions.get(g) ?? [];
    const out: RegionSpan[] = [];
    for (const r of list) {
      const open = Number.isNaN(r.end);
      const end = open ? endNs : r.end;
      if (r.start > to || end < from) continue;
      out.push({
        name: this.t.strings[r.name],
        task: r.task,
        goroutine: g,
        startNs: r.start,
        endNs: end,
        depth: r.depth,
        startedBeforeTrace: r.before,
        openAtEnd: open,
        startStack: r.startStack,
        endStack: r.endStack,
      });
    }
    return out.sort((a, b) => a.startNs - b.startNs || a.depth - b.depth);
  }

  byteSize(): number {
    let n = this.tasks.length * 64;
    for (const l of this.regions.values()) n += l.length * 96;
    return n;
  }
}

// Ranges (GC mark phase, stop-the-world, sweeps, mark assists) as intervals, paired from their
// begin/active/end events as chunks arrive, in growable typed columns. A range already running
// when the trace began shows as an Active event in the first generation and starts at 0;
// later Active events (Go re-announces ranges every generation) continue the open one.
// Whatever is still open when the trace ends ends at the trace's end.

import type { TimelineChunk } from './chunk';
import { RangeEdge, RangeKind } from './chunk';
import { F64Grow, U32Grow } from './grow';
import type { ModelTables } from './model-tables';
import type { RangeSpan } from './query';

class Intervals {
  readonly start = new F64Grow();
  /** NaN while open. */
  readonly end = new F64Grow();
  /** Goroutine or proc index; -1 (as 0xffffffff) for global. */
  readonly scope = new U32Grow();
  readonly name = new U32Grow();
  readonly beforeTrace = new U32Grow();
  readonly startStack = new U32Grow();
  readonly endStack = new U32Grow();
  /** Longest closed interval, to bound searches by start time. */
  maxLen = 0;
  /** Per scope: positions in start order (built on demand). */
  byScope: Map<number, number[]> | null = null;

  push(start: number, scope: number, name: number, before: boolean, stack: number): number {
    this.start.push(start);
    this.end.push(NaN);
    this.scope.push(scope >>> 0);
    this.name.push(name);
    this.beforeTrace.push(before ? 1 : 0);
    this.startStack.push(stack);
    this.endStack.push(0);
    this.byScope = null;
    return this.start.length - 1;
  }

  close(i: number, end: number, stack: number): void {
    this.end.data[i] = end;
    this.endStack.data[i] = stack;
    this.maxLen = Math.max(this.maxLen, end - this.start.data[i]);
  }

  compact(): void {
    for (const a of [this.start, this.end, this.scope, this.name, this.beforeTrace, this.startStack, this.endStack]) a.compact();
  }

  bytes(): number {
    return [this.start, this.end, this.scope, this.name, this.beforeTrace, this.startStack, this.endStack].reduce((n, a) => n + a.byteLength, 0);
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
    const end = iv.end.data[i];
    const open = Number.isNaN(end);
    return {
      kind,
      name: this.t.strings[iv.name.data[i]],
      startNs: iv.start.data[i],
      endNs: open ? endNs : end,
      scope: iv.scope.data[i] === 0xffffffff ? -1 : iv.scope.data[i],
      startedBeforeTrace: iv.beforeTrace.data[i] === 1,
      openAtEnd: open,
      startStack: iv.startStack.data[i],
      endStack: iv.endStack.data[i],
    };
  }

  /** Ranges of a kind overlapping [from, to] (of one scope when given); open ones end at endNs. */
  ranges(kind: RangeKind, from: number, to: number, endNs: number, scope?: number): RangeSpan[] {
    const iv = this.kinds[kind];
    const starts = iv.start.data;
    let positions: number[] | null = null;
    if (scope !== undefined) {
      if (iv.byScope === null) {
        iv.byScope = new Map();
        for (let i = 0; i < iv.start.length; i++) {
          const sc = iv.scope.data[i];
          let l = iv.byScope.get(sc);
          if (!l) iv.byScope.set(sc, (l = []));
          l.push(i);
        }
      }
      positions = iv.byScope.get(scope >>> 0) ?? [];
    }
    const n = positions ? positions.length : iv.start.length;
    const at = (k: number) => (positions ? positions[k] : k);
    // In start order; a range can start at most maxLen before `from` and still reach it.
    // Open ranges (at most one per scope and name) are checked on their own.
    let lo = 0;
    let hi = n;
    const key = from - iv.maxLen;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[at(mid)] < key) lo = mid + 1;
      else hi = mid;
    }
    const out: RangeSpan[] = [];
    for (const [k, pos] of this.open) {
      if (!k.startsWith(`${kind}:`)) continue;
      if (scope !== undefined && iv.scope.data[pos] !== scope >>> 0) continue;
      if (positions !== null ? positions.indexOf(pos) >= lo : pos >= lo) continue;
      if (starts[pos] <= to) out.push(this.span(kind, pos, endNs));
    }
    for (let k = lo; k < n; k++) {
      const i = at(k);
      if (starts[i] > to) break;
      const e = iv.end.data[i];
      if ((Number.isNaN(e) ? endNs : e) < from) continue;
      out.push(this.span(kind, i, endNs));
    }
    return out.sort((a, b) => a.startNs - b.startNs);
  }

  compact(): void {
    for (const iv of this.kinds) iv.compact();
  }

  byteSize(): number {
    return this.kinds.reduce((n, iv) => n + iv.bytes(), 0);
  }
}

// Facts about lanes: goroutine names (go tool trace's "G12 main.worker"), start functions and
// groups (Go's Summary names a goroutine by the root frame of its first stack), creation and
// end, time per state; P and M labels; stack frames as `go tool trace -d=parsed` prints them.

import type { TimelineChunk } from './chunk';
import { GState } from './chunk';
import type { ModelTables } from './model-tables';
import { FROM_SHIFT, isContinuation, NOT_EXIST, TO_MASK } from './model-rows';
import type { SpanReader } from './model-spans';
import type { FrameInfo, GoroutineGroup, GoroutineInfo } from './query';

export class LaneInfo {
  private groupsCache: GoroutineGroup[] | null = null;
  private groupsVersion = -1;
  private labels: Map<number, string> | null = null;
  private labelsBuilt = 0;

  constructor(
    private readonly t: ModelTables,
    private readonly chunks: readonly TimelineChunk[],
    private readonly spans: SpanReader,
  ) {}

  /** Root frame's function of a stack; '' for none. */
  private rootFunc(stack: number): string {
    if (stack <= 0) return '';
    const n = this.t.stackDepth(stack);
    return n === 0 ? '' : this.t.strings[this.t.frameFunc.data[this.t.stackFrame(stack, n - 1)]];
  }

  startFunc(g: number): string {
    return this.rootFunc(this.t.startStack(g));
  }

  /** The label a goroutine had last (GoLabel), '' if none. */
  private label(g: number): string {
    if (this.labels === null) this.labels = new Map();
    for (; this.labelsBuilt < this.chunks.length; this.labelsBuilt++) {
      const l = this.chunks[this.labelsBuilt].labels;
      for (let i = 0; i < l.time.length; i++) this.labels.set(l.goroutine[i], this.t.strings[l.label[i]]);
    }
    return this.labels.get(g) ?? '';
  }

  goroutine(g: number): GoroutineInfo {
    const t = this.t;
    const id = t.idText('goroutine', g);
    const named = t.namedStack(g);
    let name = `G${id}`;
    if (named >= 0) name += ` ${this.rootFunc(named)}`;
    const label = this.label(g);
    if (label !== '') name += ` (${label})`;
    const timeInState = [0, 0, 0, 0, 0, 0];
    let createdNs: number | null = null;
    let endedNs: number | null = null;
    let finalState = GState.Undetermined;
    let first = true;
    this.spans.goroutineSpans(g, -Infinity, Infinity, (s) => {
      timeInState[s.state] += s.endNs - s.startNs;
      finalState = s.state;
      if (first && s.prevState === NOT_EXIST) createdNs = s.startNs;
      first = false;
    });
    // The ending row (to NotExist) is not a span: find it as the goroutine's last row.
    const last = t.lastChunk(g);
    if (last >= 0 && last < this.chunks.length) {
      const rows = this.chunks[last].goroutines;
      const r = this.spans.rows.range(last, g)!;
      const st = rows.state[r[1] - 1];
      if ((st & TO_MASK) === NOT_EXIST && !isContinuation(st)) {
        endedNs = this.chunks[last].baseNs + rows.time[r[1] - 1];
        finalState = GState.NotExist;
      }
      if (createdNs === null) {
        const first = t.firstChunk(g);
        const fr = this.spans.rows.range(first, g)!;
        const fst = this.chunks[first].goroutines.state[fr[0]];
        if (((fst >> FROM_SHIFT) & 7) === NOT_EXIST) createdNs = this.chunks[first].baseNs + this.chunks[first].goroutines.time[fr[0]];
      }
    }
    return {
      index: g,
      id,
      startFunc: this.startFunc(g),
      name,
      creator: t.creator(g),
      createdNs,
      endedNs,
      finalState,
      timeInState,
    };
  }

  /** Goroutines grouped by start function, heaviest running time first. */
  groups(version: number): GoroutineGroup[] {
    if (this.groupsCache !== null && this.groupsVersion === version) return this.groupsCache;
    const t = this.t;
    const n = t.goroutineCount;
    const byFunc = new Map<string, number[]>();
    for (let g = 0; g < n; g++) {
      const f = this.startFunc(g);
      let l = byFunc.get(f);
      if (!l) byFunc.set(f, (l = []));
      l.push(g);
    }
    const running = this.runningByGoroutine();
    const out: GoroutineGroup[] = [];
    for (const [startFunc, list] of byFunc) {
      list.sort((a, b) => cmpId(t, a, b));
      let runningNs = 0;
      for (const g of list) runningNs += running[g];
      out.push({ startFunc, goroutines: Uint32Array.from(list), count: list.length, runningNs });
    }
    out.sort((a, b) => b.runningNs - a.runningNs || b.count - a.count || a.startFunc.localeCompare(b.startFunc));
    this.groupsCache = out;
    this.groupsVersion = version;
    return out;
  }

  /** Running time per goroutine, one pass over the P slices of every chunk. */
  private runningByGoroutine(): Float64Array {
    const out = new Float64Array(this.t.goroutineCount);
    for (let p = 0; p < this.t.procId.length; p++) {
      this.spans.procSpans(p, -Infinity, Infinity, (s) => {
        out[s.goroutine] += s.endNs - s.startNs;
      });
    }
    return out;
  }

  stackFrames(stack: number): FrameInfo[] {
    const t = this.t;
    if (stack <= 0 || stack >= t.stackStart.length) return [];
    const n = t.stackDepth(stack);
    const out: FrameInfo[] = [];
    for (let k = 0; k < n; k++) {
      const f = t.stackFrame(stack, k);
      out.push({
        func: t.strings[t.frameFunc.data[f]],
        file: t.strings[t.frameFile.data[f]],
        line: t.frameLine.data[f],
        pc: '0x' + t.framePc.data[f].toString(16),
      });
    }
    return out;
  }
}

function cmpId(t: ModelTables, a: number, b: number): number {
  const x = t.goroutineId.data[a];
  const y = t.goroutineId.data[b];
  return x - y;
}

// The page-side timeline model: the chunks received so far, the trace-global tables they
// extend, and the query API of query.ts over them. Pure (no DOM); it lives outside the store,
// which holds only its version. Chunks arrive in order, one per generation; every query
// answers from what has arrived, so the first generations can be drawn while later ones parse.

import type { TimelineChunk, TimelineLoss } from './chunk';
import { MetricKind, RangeKind } from './chunk';
import { bytesOf } from './columns';
import { absorbed } from './absorbed-parts';
import { chunkAt } from './model-rows';
import { FlowReader } from './model-flows';
import { LaneInfo } from './model-info';
import { Coverage } from './model-lod';
import { AnnotationStore } from './model-annotations';
import { RangeStore } from './model-ranges';
import { newSpanView, SpanReader } from './model-spans';
import { ModelTables } from './model-tables';
import { ThreadSlices } from './model-threads';
import {
  CounterKind,
  type CounterSeries,
  type Flow,
  type FrameInfo,
  type GenerationInfo,
  type GoroutineGroup,
  type GoroutineInfo,
  LaneKind,
  type LaneRef,
  type PointView,
  type ProcInfo,
  type RangeSpan,
  type RegionSpan,
  type SpanView,
  type StateInterval,
  type TaskInfo,
  type ThreadInfo,
  type TimelineQueries,
} from './query';

export class TimelineModel implements TimelineQueries {
  readonly tables = new ModelTables();
  readonly chunks: TimelineChunk[] = [];
  version = 0;
  complete = false;
  loss: TimelineLoss | null = null;
  originNs = '0';
  endNs = 0;
  readonly generations: GenerationInfo[] = [];

  private readonly spans: SpanReader;
  private readonly info: LaneInfo;
  private readonly flowReader: FlowReader;
  private readonly lod: Coverage;
  private readonly rangeStore: RangeStore;
  private readonly annotations: AnnotationStore;
  private threadSlices: ThreadSlices | null = null;
  private readonly counters = new Map<CounterKind, { version: number; series: CounterSeries }>();
  private taskCache: { version: number; tasks: TaskInfo[] } | null = null;
  private readonly point: PointView = { timeNs: 0, goroutine: -1, proc: -1, thread: -1, stack: 0, task: -1, category: '', message: '' };

  constructor() {
    this.spans = new SpanReader(this.chunks, this.tables, () => this.endNs);
    this.info = new LaneInfo(this.tables, this.chunks, this.spans);
    this.flowReader = new FlowReader(this.chunks, this.tables, this.spans, () => this.threadIndex(), () => this.endNs);
    this.lod = new Coverage(
      this.chunks,
      (lane, from, to, visit) => this.forEachSpan(lane, from, to, visit),
      (lane, from, to) => this.countSpans(lane, from, to),
      () => this.complete,
    );
    this.rangeStore = new RangeStore(this.tables);
    this.annotations = new AnnotationStore(this.tables, this.chunks);
  }

  /** Adds the next generation's chunk (chunks arrive in order). */
  append(chunk: TimelineChunk): void {
    if (chunk.index !== this.chunks.length) throw new Error(`timeline chunk ${chunk.index} arrived after ${this.chunks.length} chunks`);
    this.tables.append(chunk);
    // The table appends, facts and task events now live in this.tables and the task columns;
    // the chunk keeps its rows only.
    this.annotations.addTasks(chunk);
    this.chunks.push(absorbed(chunk));
    this.originNs = chunk.originNs;
    this.endNs = chunk.endNs;
    const gens = this.generations;
    const last = gens[gens.length - 1];
    if (chunk.continuesGeneration && last !== undefined) gens[gens.length - 1] = { ...last, endNs: chunk.endNs, events: last.events + chunk.events };
    else gens.push({ index: chunk.generation, startNs: chunk.baseNs, endNs: chunk.endNs, wallStart: chunk.wallStart, events: chunk.events });
    this.rangeStore.update(this.chunks);
    this.threadSlices?.update(this.chunks);
    this.lod.invalidateTail();
    this.version++;
  }

  /** No more chunks will come; loss says what a damaged trace lost (null when whole). */
  finish(loss: TimelineLoss | null): void {
    this.complete = true;
    this.loss = loss;
    this.tables.compact();
    this.annotations.compact();
    this.rangeStore.compact();
    this.lod.invalidateTail();
    this.version++;
  }

  private threadIndex(): ThreadSlices {
    if (this.threadSlices === null) this.threadSlices = new ThreadSlices();
    this.threadSlices.update(this.chunks);
    return this.threadSlices;
  }

  // --- lanes ---------------------------------------------------------------------------

  procs(): readonly ProcInfo[] {
    const out: ProcInfo[] = [];
    for (let i = 0; i < this.tables.procId.length; i++) {
      const id = this.tables.idText('proc', i);
      out.push({ index: i, id, label: `Proc ${id}` });
    }
    return out;
  }

  threads(): readonly ThreadInfo[] {
    const out: ThreadInfo[] = [];
    for (let i = 0; i < this.tables.threadId.length; i++) {
      const id = this.tables.idText('thread', i);
      out.push({ index: i, id, label: `Thread ${id}` });
    }
    return out;
  }

  get goroutineCount(): number {
    return this.tables.goroutineCount;
  }

  goroutine(index: number): GoroutineInfo {
    return this.info.goroutine(index);
  }

  goroutineIndex(id: number | bigint): number {
    return this.tables.goroutineIndex(id);
  }

  goroutineGroups(): readonly GoroutineGroup[] {
    return this.info.groups(this.version);
  }

  // --- spans ---------------------------------------------------------------------------

  forEachSpan(lane: LaneRef, fromNs: number, toNs: number, visit: (s: SpanView) => boolean | void): void {
    if (this.chunks.length === 0) return;
    if (lane.kind === LaneKind.Goroutine) this.spans.goroutineSpans(lane.index, fromNs, toNs, visit);
    else if (lane.kind === LaneKind.Proc) this.spans.procSpans(lane.index, fromNs, toNs, visit);
    else this.threadIndex().spans(lane.index, fromNs, toNs, this.endNs, newSpanView(), this.chunks, visit);
  }

  countSpans(lane: LaneRef, fromNs: number, toNs: number): number {
    if (this.chunks.length === 0) return 0;
    if (lane.kind === LaneKind.Goroutine) return this.spans.countRows('goroutine', lane.index, fromNs, toNs);
    if (lane.kind === LaneKind.Proc) return this.spans.countRows('proc', lane.index, fromNs, toNs);
    return this.threadIndex().count(lane.index, fromNs, toNs);
  }

  spanAt(lane: LaneRef, timeNs: number): StateInterval | null {
    if (lane.kind === LaneKind.Goroutine) return this.spans.goroutineSpanAt(lane.index, timeNs);
    let found: StateInterval | null = null;
    this.forEachSpan(lane, timeNs, timeNs, (s) => {
      if (s.startNs <= timeNs && timeNs < s.endNs) {
        found = { ...s };
        return false;
      }
      return undefined;
    });
    return found;
  }

  coverage(lane: LaneRef, fromNs: number, toNs: number, buckets: number, out: Float32Array): void {
    this.lod.fill(lane, fromNs, toNs, buckets, out);
  }

  // --- goroutine details -----------------------------------------------------------------

  statesAround(goroutine: number, timeNs: number, before: number, after: number): StateInterval[] {
    const R = this.spans.rows;
    let from = timeNs;
    const ref = R.rowAtOrBefore(goroutine, timeNs);
    if (ref !== null) {
      // Step back `before` spans (each span begins at a row that is not a continuation).
      let head = R.spanHead(goroutine, ref);
      for (let k = 0; k < before; k++) {
        const p = R.prev(goroutine, head);
        if (p === null) break;
        head = R.spanHead(goroutine, p);
      }
      from = R.spanStart(head);
    }
    const out: StateInterval[] = [];
    let at = -1;
    this.spans.goroutineSpans(goroutine, from, Infinity, (s) => {
      out.push({ ...s });
      if (at < 0 && s.endNs > timeNs) at = out.length - 1;
      return at < 0 || out.length - 1 - at < after;
    });
    if (at < 0) at = out.length - 1;
    return out.slice(Math.max(0, at - before), at + after + 1);
  }

  creation(goroutine: number): Flow | null {
    return this.flowReader.creation(goroutine);
  }

  flows(goroutine: number, fromNs: number, toNs: number): Flow[] {
    return this.flowReader.flows(goroutine, fromNs, toNs);
  }

  unblockedBy(goroutine: number, timeNs: number): Flow | null {
    return this.flowReader.unblockedBy(goroutine, timeNs);
  }

  // --- GC, counters ----------------------------------------------------------------------

  ranges(kind: RangeKind, fromNs: number, toNs: number): RangeSpan[] {
    return this.rangeStore.ranges(kind, fromNs, toNs, this.endNs);
  }

  rangesOf(kind: RangeKind, scope: number, fromNs: number, toNs: number): RangeSpan[] {
    return this.rangeStore.ranges(kind, fromNs, toNs, this.endNs, scope);
  }

  counter(kind: CounterKind): CounterSeries {
    const hit = this.counters.get(kind);
    if (hit && hit.version === this.version) return hit.series;
    const times: number[] = [];
    const values: number[] = [];
    if (kind <= CounterKind.Gomaxprocs) {
      const mk = kind === CounterKind.HeapLive ? MetricKind.HeapLive : kind === CounterKind.HeapGoal ? MetricKind.HeapGoal : MetricKind.Gomaxprocs;
      for (const c of this.chunks) {
        const m = c.metrics;
        for (let i = 0; i < m.time.length; i++) {
          if (m.kind[i] !== mk) continue;
          times.push(c.baseNs + m.time[i]);
          values.push(m.value[i]);
        }
      }
    } else {
      for (const c of this.chunks) {
        const s = c.counters;
        const col =
          kind === CounterKind.GoroutinesRunning
            ? s.running
            : kind === CounterKind.GoroutinesRunnable
              ? s.runnable
              : kind === CounterKind.GoroutinesWaiting
                ? s.waiting
                : kind === CounterKind.GoroutinesSyscall
                  ? s.syscall
                  : kind === CounterKind.ThreadsRunning
                    ? s.procsRunning
                    : s.syscallNoProc;
        for (let i = 0; i < s.time.length; i++) {
          times.push(c.baseNs + s.time[i]);
          values.push(col[i]);
        }
      }
    }
    const series = { timesNs: Float64Array.from(times), values: Float64Array.from(values) };
    this.counters.set(kind, { version: this.version, series });
    return series;
  }

  // --- user annotations, samples ---------------------------------------------------------

  tasks(): readonly TaskInfo[] {
    if (this.taskCache === null || this.taskCache.version !== this.version) this.taskCache = { version: this.version, tasks: this.annotations.taskInfos() };
    return this.taskCache.tasks;
  }

  tasksAt(timeNs: number): TaskInfo[] {
    return this.tasks().filter((t) => (t.startNs ?? 0) <= timeNs && timeNs <= (t.endNs ?? this.endNs));
  }

  regions(goroutine: number, fromNs: number, toNs: number): RegionSpan[] {
    return this.annotations.regionsOf(goroutine, fromNs, toNs, this.endNs);
  }

  regionsAt(goroutine: number, timeNs: number): RegionSpan[] {
    return this.regions(goroutine, timeNs, timeNs)
      .filter((r) => r.startNs <= timeNs && timeNs <= r.endNs)
      .sort((a, b) => a.depth - b.depth);
  }

  forEachLog(fromNs: number, toNs: number, visit: (p: PointView) => boolean | void): void {
    this.points('logs', fromNs, toNs, visit);
  }

  forEachSample(fromNs: number, toNs: number, visit: (p: PointView) => boolean | void): void {
    this.points('samples', fromNs, toNs, visit);
  }

  private points(table: 'logs' | 'samples', fromNs: number, toNs: number, visit: (p: PointView) => boolean | void): void {
    if (this.chunks.length === 0) return;
    const p = this.point;
    const t = this.tables;
    for (let c = chunkAt(this.chunks, fromNs); c < this.chunks.length; c++) {
      const ch = this.chunks[c];
      if (ch.baseNs > toNs) return;
      const tb = ch[table];
      const time = tb.time;
      let i = 0;
      let hi = time.length;
      const rel = fromNs - ch.baseNs;
      while (i < hi) {
        const mid = (i + hi) >> 1;
        if (time[mid] < rel) i = mid + 1;
        else hi = mid;
      }
      for (; i < time.length; i++) {
        const at = ch.baseNs + time[i];
        if (at > toNs) return;
        p.timeNs = at;
        p.goroutine = tb.goroutine[i] - 1;
        p.proc = tb.proc[i] - 1;
        p.thread = tb.thread[i] - 1;
        p.stack = tb.stack[i];
        if (table === 'logs') {
          const l = ch.logs;
          p.task = l.task[i];
          p.category = t.strings[l.category[i]];
          p.message = t.strings[l.message[i]];
        } else {
          p.task = -1;
          p.category = '';
          p.message = '';
        }
        if (visit(p) === false) return;
      }
    }
  }

  // --- stacks, size ----------------------------------------------------------------------

  stackFrames(stack: number): FrameInfo[] {
    return this.info.stackFrames(stack);
  }

  byteSize(): number {
    let n = this.tables.byteSize() + this.rangeStore.byteSize() + this.annotations.byteSize() + this.lod.byteSize();
    if (this.threadSlices) n += this.threadSlices.byteSize();
    for (const c of this.chunks) n += chunkBytes(c);
    return n;
  }
}

/** Bytes of a chunk's row tables (its table appends are counted once, in ModelTables). */
export function chunkBytes(c: TimelineChunk): number {
  let n = 0;
  const add = (o: object) => {
    for (const v of Object.values(o)) if (ArrayBuffer.isView(v)) n += bytesOf(v);
  };
  add(c.goroutines);
  add(c.procSlices);
  add(c.procs);
  add(c.ranges);
  add(c.metrics);
  add(c.labels);
  add(c.tasks);
  add(c.regions);
  add(c.logs);
  add(c.samples);
  add(c.counters);
  add(c.facts);
  return n;
}

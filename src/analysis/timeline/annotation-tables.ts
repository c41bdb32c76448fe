// The generation's rarer events as small columnar tables: P transitions, ranges (GC mark
// phase, stop-the-world, sweeps, mark assists), metrics, goroutine labels, user tasks,
// regions and logs, CPU samples. Each keeps the event's own goroutine/P/M and stack so the
// Go JSON exporter can replay cmd/trace's generator over them.

import { EventKind, NO_TASK, type TraceEvent } from '../../trace/parse/index';
import { u64ToI64 } from '../../trace/parse/int64';
import { Ev, SPECS } from '../../trace/wire/specs';
import type {
  LabelEvents,
  LogEvents,
  MetricEvents,
  ProcTransitions,
  RangeEvents,
  SampleEvents,
  TaskEvents,
  TimelineChunk,
} from './chunk';
import { MetricKind, RangeEdge, RangeKind } from './chunk';
import { EventTable } from './event-table';
import { RegionRowBuilder } from './region-rows';
import type { TraceTables } from './tables';

type Sealed = Pick<TimelineChunk, 'procs' | 'ranges' | 'metrics' | 'labels' | 'tasks' | 'regions' | 'logs' | 'samples' | 'exactValues'>;

export class AnnotationTables {
  readonly procs = new EventTable({ time: 'time', proc: 'uint', thread: 'uint', state: 'u8' });
  private readonly ranges = new EventTable({ time: 'time', edge: 'u8', kind: 'u8', name: 'uint', scope: 'uint', stack: 'uint' });
  private readonly metrics = new EventTable({ time: 'time', kind: 'u8', value: 'num' });
  private readonly labels = new EventTable({ time: 'time', goroutine: 'uint', label: 'uint' });
  private readonly tasks = new EventTable({ time: 'time', edge: 'u8', task: 'uint', goroutine: 'uint', stack: 'uint' });
  private readonly regions = new RegionRowBuilder();
  private readonly logs = new EventTable({
    time: 'time',
    task: 'uint',
    category: 'uint',
    message: 'uint',
    goroutine: 'uint',
    proc: 'uint',
    thread: 'uint',
    stack: 'uint',
  });
  private readonly samples = new EventTable({ time: 'time', goroutine: 'uint', proc: 'uint', thread: 'uint', stack: 'uint' });
  private exactValues: { row: number; value: string }[] = [];

  constructor(private readonly t: TraceTables) {}

  /** Index + 1 of the event's goroutine, P and M (0 for none). */
  private g1(g: number | bigint): number {
    return g === -1 ? 0 : this.t.goroutines.index(g) + 1;
  }
  private p1(p: number | bigint): number {
    return p === -1 ? 0 : this.t.procs.index(p) + 1;
  }
  private m1(m: number | bigint): number {
    return m === -1 ? 0 : this.t.threads.index(m) + 1;
  }

  /** The event's main stack (Go's Event.Stack) as a global stack index. */
  private stack(ev: TraceEvent): number {
    if (ev.table === null) return 0;
    if (ev.type === Ev.CPUSample) return this.t.genStack(ev.table, ev.a0);
    const ids = SPECS[ev.type].stackIDs;
    return ids.length === 0 ? 0 : this.t.genStack(ev.table, ev.arg(ids[0] - 1));
  }

  /**
   * Global index of the event's string `id`; for an ID not in the table, the event's own
   * accessor is called for the error Go gives (event.ts mustString panics).
   */
  private mustString(ev: TraceEvent, id: number | bigint): number {
    const table = ev.table;
    const i = table === null ? 0 : this.t.genString(table, id);
    if (i === 0 && (table === null || table.strings.get(id) === undefined)) this.failString(ev);
    return i;
  }

  private failString(ev: TraceEvent): void {
    const k = ev.kind();
    if (k === EventKind.Log) ev.log();
    else if (k === EventKind.RegionBegin || k === EventKind.RegionEnd) ev.region();
    else if (k === EventKind.TaskBegin || k === EventKind.TaskEnd) ev.task();
    else ev.range();
  }

  private task(id: number | bigint): number {
    return this.t.task(id, 0, 0);
  }

  event(ev: TraceEvent, kind: EventKind, t: number): void {
    switch (kind) {
      case EventKind.RangeBegin:
      case EventKind.RangeActive:
      case EventKind.RangeEnd:
        this.range(ev, kind, t);
        return;
      case EventKind.Metric: {
        const k = ev.type === Ev.HeapAlloc ? MetricKind.HeapLive : ev.type === Ev.HeapGoal ? MetricKind.HeapGoal : MetricKind.Gomaxprocs;
        const v = ev.a0;
        if (typeof v === 'bigint') this.exactValues.push({ row: this.metrics.length, value: v.toString() });
        this.metrics.push(t, k, Number(v));
        return;
      }
      case EventKind.Label:
        this.labels.push(t, this.t.goroutines.index(ev.g), ev.table === null ? 0 : this.t.genString(ev.table, ev.a0));
        return;
      case EventKind.TaskBegin:
      case EventKind.TaskEnd: {
        // Fields read as event.ts's Task() gives them, without its object: TaskEnd's parent
        // and name were put in a2/a3 by the ordering.
        const begin = ev.type === Ev.UserTaskBegin;
        const parentId = begin ? ev.a1 : ev.a2;
        const parent = parentId === NO_TASK ? 0 : this.task(parentId) + 1;
        const type = begin ? this.mustString(ev, ev.a2) : this.t.str(ev.table!.getExtraString(ev.a3 as number));
        const i = this.t.task(ev.a0, parent, type);
        this.tasks.push(t, kind === EventKind.TaskBegin ? 0 : 1, i, this.g1(ev.g), this.stack(ev));
        return;
      }
      case EventKind.RegionBegin:
      case EventKind.RegionEnd:
        // event.ts Region(): task a0, type the string a1.
        this.regions.push(t, this.t.goroutines.index(ev.g), kind === EventKind.RegionBegin, this.task(ev.a0), this.mustString(ev, ev.a1), this.stack(ev));
        return;
      case EventKind.Log:
        // event.ts Log(): task a0, category a1, message a2.
        this.logs.push(t, this.task(ev.a0), this.mustString(ev, ev.a1), this.mustString(ev, ev.a2), this.g1(ev.g), this.p1(ev.p), this.m1(ev.m), this.stack(ev));
        return;
      case EventKind.StackSample:
        this.samples.push(t, this.g1(ev.g), this.p1(ev.p), this.m1(ev.m), this.stack(ev));
        return;
      default:
        return; // Experimental events are not drawn.
    }
  }

  private range(ev: TraceEvent, kind: EventKind, t: number): void {
    const edge = kind === EventKind.RangeBegin ? RangeEdge.Begin : kind === EventKind.RangeActive ? RangeEdge.Active : RangeEdge.End;
    // Names as event.ts Range() gives them, without its objects.
    let name: number;
    let rk: RangeKind;
    let scope = 0;
    switch (ev.type) {
      case Ev.STWBegin:
      case Ev.STWEnd:
        name = this.stwName(ev);
        rk = RangeKind.STW;
        scope = this.g1(ev.g);
        break;
      case Ev.GCBegin:
      case Ev.GCActive:
      case Ev.GCEnd:
        name = this.t.str('GC concurrent mark phase');
        rk = RangeKind.GCMark;
        break;
      case Ev.GCSweepBegin:
      case Ev.GCSweepActive:
      case Ev.GCSweepEnd:
        name = this.t.str('GC incremental sweep');
        rk = RangeKind.Sweep;
        scope = this.p1(ev.type === Ev.GCSweepActive ? u64ToI64(ev.a0) : ev.p);
        break;
      default:
        name = this.t.str('GC mark assist');
        rk = RangeKind.MarkAssist;
        scope = this.g1(ev.type === Ev.GCMarkAssistActive ? u64ToI64(ev.a0) : ev.g);
    }
    this.ranges.push(t, edge, rk, name, scope, this.stack(ev));
  }

  /** String index of 'stop-the-world (reason)', by reason. */
  private readonly stwNames = new Map<string, number>();

  private stwName(ev: TraceEvent): number {
    const reason = ev.table === null ? undefined : ev.table.strings.get(ev.a0);
    if (reason === undefined) return this.t.str(ev.range().name); // throws Go's error
    let i = this.stwNames.get(reason);
    if (i === undefined) {
      i = this.t.str(`stop-the-world (${reason})`);
      this.stwNames.set(reason, i);
    }
    return i;
  }

  /** A copy of the region rows not yet sealed and of the open regions (see TimelineSink). */
  regionSnapshot(): RegionRowBuilder {
    return this.regions.snapshot();
  }

  seal(base: number): Sealed {
    const exactValues = this.exactValues;
    this.exactValues = [];
    return {
      procs: this.procs.seal<ProcTransitions>(base),
      ranges: this.ranges.seal<RangeEvents>(base),
      metrics: this.metrics.seal<MetricEvents>(base),
      labels: this.labels.seal<LabelEvents>(base),
      tasks: this.tasks.seal<TaskEvents>(base),
      regions: this.regions.seal(base, this.t.goroutines.size),
      logs: this.logs.seal<LogEvents>(base),
      samples: this.samples.seal<SampleEvents>(base),
      exactValues,
    };
  }

  reset(): void {
    for (const tb of [this.procs, this.ranges, this.metrics, this.labels, this.tasks, this.logs, this.samples]) tb.reset();
    this.regions.reset();
    this.exactValues = [];
  }
}

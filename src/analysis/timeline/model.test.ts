// The page-side query API against Go: for every committed real trace, what the view draws
// from TimelineQueries is what Go's viewer draws from its /jsontrace (committed gzipped by the
// jsontrace conformance step): each P's goroutine slices, each M's, the GC mark phases, the
// stop-the-world ranges, the sweeps on each P, the heap counter and the flow arrows — same
// goroutine, start and duration at Go's microsecond precision.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from './build';
import { RangeKind } from './chunk';
import { jsonTraceFile } from './chrome/export';
import type { TimelineModel } from './model';
import { CounterKind, FlowKind, LaneKind } from './query';

const TRACES = resolve(__dirname, '../../../testdata/traces');
const files = readdirSync(TRACES).filter((f) => f.endsWith('.trace') && existsSync(join(TRACES, jsonTraceFile(f, 'proc'))));

interface GoEvent {
  name?: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  id?: number;
  args?: Record<string, number>;
}

function goEvents(file: string, view: 'proc' | 'thread'): GoEvent[] {
  return JSON.parse(gunzipSync(readFileSync(join(TRACES, jsonTraceFile(file, view)))).toString()).traceEvents;
}

const us = (ns: number) => ns / 1000;
const GOROUTINE_SLICE = /^G(\d+)(?: |$)/;

/** Go's goroutine slices of a view: "lane goroutine ts dur". */
function goSlices(evs: GoEvent[]): string[] {
  return evs
    .filter((e) => e.ph === 'X' && e.name !== undefined && GOROUTINE_SLICE.test(e.name))
    .map((e) => `${e.tid} G${GOROUTINE_SLICE.exec(e.name!)![1]} ${e.ts} ${e.dur ?? 0}`)
    .sort();
}

function ourSlices(model: TimelineModel, kind: LaneKind): string[] {
  const out: string[] = [];
  const lanes = kind === LaneKind.Proc ? model.procs() : model.threads();
  for (const lane of lanes) {
    model.forEachSpan({ kind, index: lane.index }, 0, model.endNs, (s) => {
      out.push(`${lane.id} G${model.goroutine(s.goroutine).id} ${us(s.startNs)} ${us(s.endNs - s.startNs)}`);
    });
  }
  return out.sort();
}

function ranges(evs: GoEvent[], name: (n: string) => boolean): string[] {
  return evs
    .filter((e) => e.ph === 'X' && e.name !== undefined && name(e.name))
    .map((e) => `${e.name} ${e.ts} ${e.dur ?? 0}`)
    .sort();
}

describe('timeline queries equal what Go draws', () => {
  for (const file of files) {
    it(file, () => {
      const bytes = new Uint8Array(readFileSync(join(TRACES, file)));
      const whole = buildTimeline(bytes).model;
      // Also with every generation cut into several chunks: spans cross chunk boundaries.
      const cut = buildTimeline(bytes, [], Math.max(1, Math.floor(whole.endNs / (5 * whole.generations.length)))).model;
      for (const model of [whole, cut]) check(file, model);
    });
  }
});

function check(file: string, model: TimelineModel): void {
  {
    {
      const proc = goEvents(file, 'proc');
      const thread = goEvents(file, 'thread');

      expect(ourSlices(model, LaneKind.Proc)).toEqual(goSlices(proc));
      expect(ourSlices(model, LaneKind.Thread)).toEqual(goSlices(thread));

      const gc = model.ranges(RangeKind.GCMark, 0, model.endNs).map((r) => `${r.name} ${us(r.startNs)} ${us(r.endNs - r.startNs)}`);
      expect(gc.sort()).toEqual(ranges(proc, (n) => n === 'GC concurrent mark phase'));
      // A stop-the-world range belongs to a goroutine; Go draws it on the P the goroutine ran
      // on, one piece per execution slice it overlaps (gstate.go completedRanges/activeRanges).
      const slicesOf = new Map<number, [number, number][]>();
      for (const p of model.procs()) {
        model.forEachSpan({ kind: LaneKind.Proc, index: p.index }, 0, model.endNs, (s) => {
          let l = slicesOf.get(s.goroutine);
          if (!l) slicesOf.set(s.goroutine, (l = []));
          l.push([s.startNs, s.endNs]);
        });
      }
      const stw: string[] = [];
      for (const r of model.ranges(RangeKind.STW, 0, model.endNs)) {
        for (const [a, b] of slicesOf.get(r.scope) ?? []) {
          const lo = Math.max(a, r.startNs);
          const hi = Math.min(b, r.endNs);
          if (lo < hi || (lo === hi && r.startNs === r.endNs)) stw.push(`${r.name} ${us(lo)} ${us(hi - lo)}`);
        }
      }
      expect(stw.sort()).toEqual(ranges(proc, (n) => n.startsWith('stop-the-world')));
      const sweeps: string[] = [];
      for (const p of model.procs()) {
        for (const r of model.rangesOf(RangeKind.Sweep, p.index, 0, model.endNs)) sweeps.push(`${p.id} ${us(r.startNs)} ${us(r.endNs - r.startNs)}`);
      }
      const goSweeps = proc.filter((e) => e.ph === 'X' && e.name === 'GC incremental sweep').map((e) => `${e.tid} ${e.ts} ${e.dur ?? 0}`);
      expect(sweeps.sort()).toEqual(goSweeps.sort());

      // Heap: every value Go shows is the model's live heap and goal at that moment.
      const live = model.counter(CounterKind.HeapLive);
      const goal = model.counter(CounterKind.HeapGoal);
      const at = (s: { timesNs: Float64Array; values: Float64Array }, t: number) => {
        let v = 0;
        for (let i = 0; i < s.timesNs.length && us(s.timesNs[i]) <= t; i++) v = s.values[i];
        return v;
      };
      for (const e of proc.filter((x) => x.ph === 'C' && x.name === 'Heap')) {
        const alloc = at(live, e.ts);
        const g = at(goal, e.ts);
        expect([e.ts, e.args!.Allocated, e.args!.NextGC]).toEqual([e.ts, alloc, g > alloc ? g - alloc : 0]);
      }

      expect(ourArrows(model)).toEqual(goArrows(proc));
    }
  }
}

/** Go's proc-view flow arrows: "name fromTs toTs fromLane". */
function goArrows(evs: GoEvent[]): string[] {
  const starts = new Map<number, GoEvent>();
  const out: string[] = [];
  for (const e of evs) {
    if (e.ph === 's') starts.set(e.id!, e);
    else if (e.ph === 't') {
      const s = starts.get(e.id!)!;
      out.push(`${s.name} ${s.ts} ${e.ts} ${s.tid}`);
    }
  }
  return out.sort();
}

const NETPOLL_P = 1000002;
const SYSCALL_P = 1000003;

/**
 * The model's flows into each goroutine, as Go's proc view draws them (gstate.go): an arrow
 * only when the goroutine went on to run; an unblock made on P 0 has no arrow (Go drops a
 * cause whose resource is 0) and a network unblock is drawn from the Network lane.
 */
function ourArrows(model: TimelineModel): string[] {
  const out: string[] = [];
  const procId = (p: number) => (p < 0 ? '18446744073709552000' : model.procs()[p].id);
  for (let g = 0; g < model.goroutineCount; g++) {
    for (const f of model.flows(g, 0, model.endNs)) {
      if (f.toGoroutine !== g || f.toNs === null) continue;
      let name: string;
      let lane: string;
      if (f.kind === FlowKind.Create) {
        if (f.fromProc < 0) continue;
        name = 'go';
        lane = procId(f.fromProc);
      } else if (f.kind === FlowKind.SyscallExit) {
        name = 'exit blocked syscall';
        lane = String(SYSCALL_P);
      } else {
        name = f.reason === '' ? 'unblock' : `unblock (${f.reason})`;
        lane = f.reason.includes('network') ? String(NETPOLL_P) : procId(f.fromProc);
        if (lane === '0') continue;
      }
      out.push(`${name} ${us(f.fromNs)} ${us(f.toNs)} ${lane}`);
    }
  }
  return out.sort();
}

// User regions and tasks from the model against a direct reading of the parser's events
// (every committed trace, whole and cut into several chunks per generation): each region with
// its goroutine, name, task, start, end and nesting depth; each task with its type, parent,
// start and end. Regions nest per goroutine; one still open at the end of the trace ends
// there; an end with no begin began before the trace.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventKind, NO_TASK, TraceReader, type TraceEvent } from '../../trace/parse/index';
import { buildTimeline } from './build';
import type { TimelineModel } from './model';

const TRACES = resolve(__dirname, '../../../testdata/traces');
const files = readdirSync(TRACES).filter((f) => f.endsWith('.trace'));

interface Expected {
  regions: string[];
  tasks: string[];
}

/** Regions and tasks of the complete generations, read event by event. */
function direct(bytes: Uint8Array): Expected | null {
  let r: TraceReader;
  try {
    r = new TraceReader(bytes);
  } catch {
    return null;
  }
  const events: TraceEvent[] = [];
  let kept = 0;
  try {
    r.forEachEvent((ev) => {
      events.push(ev.clone());
      if (ev.kind() === EventKind.Sync) kept = events.length;
    });
  } catch {
    // damaged: Go keeps the complete generations
  }
  events.length = kept;
  if (events.length === 0) return null;
  const origin = BigInt(events[0].time);
  const rel = (t: number | bigint) => Number(BigInt(t) - origin);
  const end = rel(events[events.length - 1].time);
  const open = new Map<string, { name: string; task: string; start: number }[]>();
  const regions: string[] = [];
  const tasks = new Map<string, { type: string; parent: string; start: number | null; end: number | null }>();
  const task = (id: string) => {
    let t = tasks.get(id);
    if (!t) tasks.set(id, (t = { type: '', parent: '', start: null, end: null }));
    return t;
  };
  for (const ev of events) {
    const k = ev.kind();
    if (k === EventKind.RegionBegin || k === EventKind.RegionEnd) {
      const g = String(ev.goroutine());
      const rg = ev.region();
      let stack = open.get(g);
      if (!stack) open.set(g, (stack = []));
      if (k === EventKind.RegionBegin) stack.push({ name: rg.type, task: String(rg.task), start: rel(ev.time) });
      else {
        const depth = Math.max(0, stack.length - 1);
        const b = stack.pop() ?? { name: rg.type, task: String(rg.task), start: 0 };
        regions.push(`G${g} ${b.name} task=${b.task} ${b.start}-${rel(ev.time)} depth=${depth}`);
      }
      if (String(rg.task) !== '0') task(String(rg.task));
    } else if (k === EventKind.TaskBegin || k === EventKind.TaskEnd) {
      const tk = ev.task();
      const t = task(String(tk.id));
      t.type = tk.type;
      t.parent = tk.parent === NO_TASK ? '' : String(tk.parent);
      if (k === EventKind.TaskBegin) t.start = rel(ev.time);
      else t.end = rel(ev.time);
    }
  }
  for (const [g, stack] of open) stack.forEach((b, depth) => regions.push(`G${g} ${b.name} task=${b.task} ${b.start}-${end} depth=${depth}`));
  const taskLines = [...tasks].map(([id, t]) => `T${id} ${t.type} parent=${t.parent} ${t.start}-${t.end}`);
  return { regions: regions.sort(), tasks: taskLines.sort() };
}

function fromModel(m: TimelineModel): Expected {
  const regions: string[] = [];
  const tasks = m.tasks();
  for (let g = 0; g < m.goroutineCount; g++) {
    const id = m.goroutine(g).id;
    for (const r of m.regions(g, 0, m.endNs)) regions.push(`G${id} ${r.name} task=${tasks[r.task]?.id ?? '0'} ${r.startNs}-${r.endNs} depth=${r.depth}`);
  }
  const taskLines = tasks
    .filter((t) => t.id !== '0')
    .map((t) => `T${t.id} ${t.type} parent=${t.parent < 0 ? '' : tasks[t.parent].id} ${t.startNs}-${t.endNs}`);
  return { regions: regions.sort(), tasks: taskLines.sort() };
}

describe('regions and tasks', () => {
  let withRegions = 0;
  for (const file of files) {
    it(file, () => {
      const bytes = new Uint8Array(readFileSync(join(TRACES, file)));
      const want = direct(bytes);
      if (want === null) return;
      if (want.regions.length > 0) withRegions++;
      const whole = buildTimeline(bytes).model;
      expect(fromModel(whole)).toEqual(want);
      const cut = buildTimeline(bytes, [], Math.max(1, Math.floor(whole.endNs / (5 * Math.max(1, whole.generations.length))))).model;
      expect(fromModel(cut)).toEqual(want);
    });
  }
  it('covers traces with regions', () => {
    expect(withRegions).toBeGreaterThanOrEqual(4);
  });
});

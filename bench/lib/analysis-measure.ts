// The measuring half of `npm run bench -- analysis` (bench/analysis.bench.ts bundles this file
// as the app is built and runs it in a fresh Node process). For each trace it times, in
// rounds, interleaved (the order rotates every round) and after a full GC each time:
//
//   forEachEvent        the parser alone, every event handed to an empty callback;
//   summary             the parse worker's summary pass (SummarySink) and its finish;
//   summary + analyses  what the parse worker does to open a trace: one pass feeding the
//                       summary and every analysis sink, then their finish and the overview
//                       the worker posts;
//   summary + timeline  the summary and the timeline model's sink in one pass (the page runs
//                       them in two workers at once: the verdict after the summary, the model
//                       beside it), when the checkout has the timeline sink;
//   + timeline          summary + analyses with the timeline model's sink (src/analysis/timeline/sink.ts)
//                       as well, when the checkout has it (its chunks are dropped, not posted);
//
// and prints best and median seconds, MB/s, the ratio to forEachEvent (of the bests, and the
// median of the per-round ratios), then the heap each keeps: peak during the pass (sampled
// after a full GC every 2^18 events) and retained after it (the results the worker keeps).
//
// Usage (from the bench): node --expose-gc analysis-measure.mjs '{"traces":[...],"rounds":5}'

import { readFileSync } from 'node:fs';
import { runPassSync, type EventSink, type PassEnd } from '../../src/analysis/event-pass';
import { SummarySink } from '../../src/analysis/trace-summary';
import { AnalysisSinks } from '../../src/analysis/analyse';
import { overview } from '../../src/analysis/queries';
import { TraceReader } from '../../src/trace/parse/reader';
import type { TraceEvent } from '../../src/trace/parse/index';

// The timeline model's sink, when this checkout has one: found by Vite at bundle time, so the
// bench builds with or without it.
type TimelineSinkClass = new (onChunk: (chunk: unknown) => void) => EventSink & { finish(end: PassEnd): unknown };
const timelineModules = import.meta.glob<{ TimelineSink?: TimelineSinkClass }>('../../src/analysis/timeline/sink.ts', { eager: true });
const TimelineSink = Object.values(timelineModules)[0]?.TimelineSink ?? null;

interface Input {
  traces: { label: string; path: string }[];
  rounds: number;
}

const MB = 1e6;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One way of reading a trace: runs it and returns what it keeps (for the retained heap). */
interface Config {
  name: string;
  run(bytes: Uint8Array, extra: EventSink | null): unknown;
}

function pass(bytes: Uint8Array, sinks: EventSink[], extra: EventSink | null): PassEnd {
  const end = runPassSync(bytes, extra ? [...sinks, extra] : sinks);
  if (end.error !== null) throw new Error(`the bench trace did not read cleanly: ${String(end.error)}`);
  return end;
}

const CONFIGS: Config[] = [
  {
    name: 'forEachEvent',
    run(bytes, extra) {
      let n = 0;
      const f = extra ? (ev: TraceEvent) => extra.event(ev) : () => n++;
      new TraceReader(bytes).forEachEvent(f);
      return n;
    },
  },
  {
    name: 'summary',
    run(bytes, extra) {
      const s = new SummarySink();
      return s.finish(pass(bytes, [s], extra));
    },
  },
  {
    name: 'summary + analyses',
    run(bytes, extra) {
      const s = new SummarySink();
      const a = new AnalysisSinks();
      const end = pass(bytes, [s, ...a.sinks], extra);
      const analysis = a.finish(end);
      return { summary: s.finish(end), analysis, overview: overview(analysis) };
    },
  },
];

if (TimelineSink) {
  const Timeline = TimelineSink;
  CONFIGS.push({
    // What the page's two workers do before the verdict and the whole timeline, in one pass.
    name: 'summary + timeline',
    run(bytes, extra) {
      const s = new SummarySink();
      const tl = new Timeline(() => {});
      const end = pass(bytes, [s, tl], extra);
      return { summary: s.finish(end), timeline: tl.finish(end) };
    },
  });
  CONFIGS.push({
    name: '+ timeline',
    run(bytes, extra) {
      const s = new SummarySink();
      const a = new AnalysisSinks();
      const tl = new Timeline(() => {});
      const end = pass(bytes, [s, ...a.sinks, tl], extra);
      const analysis = a.finish(end);
      return { summary: s.finish(end), analysis, overview: overview(analysis), timeline: tl.finish(end) };
    },
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Peak heap during a pass (sampled after a full GC every 2^18 events) and retained after it. */
function memory(c: Config, bytes: Uint8Array): { peak: number; retained: number } {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  let i = 0;
  const sampler: EventSink = {
    event() {
      if ((++i & 0x3ffff) === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
    },
  };
  held = c.run(bytes, sampler);
  gc();
  const retained = process.memoryUsage().heapUsed - base;
  held = null;
  return { peak: Math.max(peak, retained), retained };
}

/** What a pass keeps, held here (a GC root) while its size is taken. */
let held: unknown = null;

const input = JSON.parse(process.argv[2]) as Input;
const f = (x: number, d = 2) => x.toFixed(d);

for (const t of input.traces) {
  const bytes = new Uint8Array(readFileSync(t.path));
  let events = 0;
  new TraceReader(bytes).forEachEvent(() => events++);
  console.log(`\n${t.label}: ${f(bytes.length / MB, 1)} MB, ${f(events / 1e6)} M events, ${input.rounds} rounds (+1 warm-up), interleaved`);
  const secs = CONFIGS.map(() => [] as number[]);
  for (let round = -1; round < input.rounds; round++) {
    for (let k = 0; k < CONFIGS.length; k++) {
      const i = (k + Math.max(round, 0)) % CONFIGS.length;
      gc();
      const t0 = performance.now();
      CONFIGS[i].run(bytes, null);
      const s = (performance.now() - t0) / 1000;
      if (round >= 0) secs[i].push(s);
    }
  }
  const base = secs[0];
  console.log(`${'pass'.padEnd(20)} ${'best s'.padStart(7)} ${'median s'.padStart(9)} ${'MB/s'.padStart(7)}  ${'× forEachEvent (best, median)'.padEnd(29)} ${'peak heap'.padStart(10)} ${'retained'.padStart(10)}`);
  CONFIGS.forEach((c, i) => {
    const best = Math.min(...secs[i]);
    const ratios = secs[i].map((s, r) => s / base[r]);
    const mem = i === 0 ? { peak: 0, retained: 0 } : memory(c, bytes);
    console.log(
      `${c.name.padEnd(20)} ${f(best).padStart(7)} ${f(median(secs[i])).padStart(9)} ${f(bytes.length / MB / best, 1).padStart(7)}  ` +
        `${`${f(best / Math.min(...base))}, ${f(median(ratios))}`.padEnd(29)} ${`${f(mem.peak / MB, 1)} MB`.padStart(10)} ${`${f(mem.retained / MB, 1)} MB`.padStart(10)}`,
    );
  });
}

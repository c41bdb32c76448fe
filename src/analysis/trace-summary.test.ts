// The summary against Go: every count is checked against numbers derived, line by line, from
// `go tool trace -d=parsed` output committed beside each real trace (testdata/traces/*.parsed.txt.gz),
// and every damaged trace's verdict against Go's stderr for the same file. The oracle below reads
// Go's text, not our parser's objects, so a shared mistake cannot pass.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EV_SYNC, EVENT_KIND_NAMES, type I64, ResourceKind, TRANSITION_ID_IN_ARG, TRANSITION_RESOURCE, u64ToI64 } from '../trace/parse/index';
import { seededRandom } from '../testing/seeded-random';
import { runPassSync } from './event-pass';
import { BoundedIdSet, spanNs, summarizeSteps, summarizeTrace, type SummaryCounts } from './trace-summary';

const DIR = join(__dirname, '../../testdata/traces');
const traces = readdirSync(DIR).filter((f) => f.endsWith('.trace')).sort();

interface Oracle {
  events: number;
  byKind: Map<string, number>;
  goTransitions: number;
  procTransitions: number;
  first: bigint | null;
  last: bigint | null;
  gs: Set<string>;
  ps: Set<string>;
  ms: Set<string>;
  gc: number;
  stw: number;
  maxProcs: number | null;
  heap: number | null;
  wall: string | null;
}

function emptyOracle(): Oracle {
  return { events: 0, byKind: new Map(), goTransitions: 0, procTransitions: 0, first: null, last: null, gs: new Set(), ps: new Set(), ms: new Set(), gc: 0, stw: 0, maxProcs: null, heap: null, wall: null };
}

/** Counts from Go's parsed dump: the whole trace, and one Oracle per Sync-delimited stretch. */
function fromGoDump(text: string): { total: Oracle; stretches: Oracle[] } {
  const total = emptyOracle();
  const stretches: Oracle[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('M=')) continue;
    const m = /^M=(-?\d+) P=(-?\d+) G=(-?\d+) (\w+) Time=(-?\d+)(.*)$/.exec(line);
    if (!m) throw new Error(`unexpected dump line: ${line}`);
    const [, M, P, G, kind, time, rest] = m;
    if (kind === 'Sync') {
      stretches.push(emptyOracle());
      const wall = /Wall=(\S+)/.exec(rest);
      if (wall) stretches[stretches.length - 1].wall = wall[1];
    }
    for (const o of [total, stretches[stretches.length - 1]]) {
      o.events++;
      o.byKind.set(kind, (o.byKind.get(kind) ?? 0) + 1);
      if (o.first === null) o.first = BigInt(time);
      o.last = BigInt(time);
      if (M !== '-1') o.ms.add(M);
      if (P !== '-1') o.ps.add(P);
      if (G !== '-1') o.gs.add(G);
      const goid = /^ GoID=(-?\d+)/.exec(rest);
      const procid = /^ ProcID=(-?\d+)/.exec(rest);
      if (kind === 'StateTransition' && goid) (o.goTransitions++, o.gs.add(goid[1]));
      if (kind === 'StateTransition' && procid) (o.procTransitions++, o.ps.add(procid[1]));
      if (kind === 'RangeBegin' && rest.startsWith(' Name="GC concurrent mark phase"')) o.gc++;
      if (kind === 'RangeBegin' && rest.startsWith(' Name="stop-the-world')) o.stw++;
      const metric = /^ Name="([^"]+)" Value=Value\{Uint64\((\d+)\)\}/.exec(rest);
      if (kind === 'Metric' && metric) {
        const v = Number(metric[2]);
        if (metric[1] === '/sched/gomaxprocs:threads') o.maxProcs = Math.max(o.maxProcs ?? 0, v);
        if (metric[1] === '/memory/classes/heap/objects:bytes') o.heap = Math.max(o.heap ?? 0, v);
      }
    }
  }
  return { total, stretches };
}

function expectMatches(c: SummaryCounts, o: Oracle, where: string): void {
  expect(c.events, `${where}: events`).toBe(o.events);
  for (let k = 0; k < EVENT_KIND_NAMES.length; k++) {
    expect(c.byKind[k], `${where}: ${EVENT_KIND_NAMES[k]}`).toBe(o.byKind.get(EVENT_KIND_NAMES[k]) ?? 0);
  }
  expect(c.transitionsByResource[1], `${where}: goroutine transitions`).toBe(o.goTransitions);
  expect(c.transitionsByResource[2], `${where}: proc transitions`).toBe(o.procTransitions);
  expect(c.goroutines, `${where}: goroutines`).toBe(o.gs.size);
  expect(c.procs, `${where}: Ps`).toBe(o.ps.size);
  expect(c.threads, `${where}: Ms`).toBe(o.ms.size);
  expect(c.firstNs === null ? null : BigInt(c.firstNs), `${where}: first`).toBe(o.first);
  expect(c.lastNs === null ? null : BigInt(c.lastNs), `${where}: last`).toBe(o.last);
  expect(c.durationNs, `${where}: duration`).toBe(o.first === null ? 0 : Number(o.last! - o.first));
  expect(c.gcCycles, `${where}: GC cycles`).toBe(o.gc);
  expect(c.stw, `${where}: STW`).toBe(o.stw);
  expect(c.tasks, `${where}: tasks`).toBe(o.byKind.get('TaskBegin') ?? 0);
  expect(c.regions, `${where}: regions`).toBe(o.byKind.get('RegionBegin') ?? 0);
  expect(c.logs, `${where}: logs`).toBe(o.byKind.get('Log') ?? 0);
  expect(c.cpuSamples, `${where}: CPU samples`).toBe(o.byKind.get('StackSample') ?? 0);
  expect(c.maxGomaxprocs, `${where}: GOMAXPROCS`).toBe(o.maxProcs);
  expect(c.heapPeakBytes, `${where}: heap peak`).toBe(o.heap);
}

describe('trace summary against go tool trace -d=parsed', () => {
  it('has committed traces to check', () => {
    expect(traces.length).toBeGreaterThan(10);
  });

  for (const name of traces) {
    const dump = join(DIR, `${name}.parsed.txt.gz`);
    const stderr = join(DIR, `${name}.parsed.stderr`);
    it(name, () => {
      const s = summarizeTrace(new Uint8Array(readFileSync(join(DIR, name))));
      const { total, stretches } = fromGoDump(existsSync(dump) ? gunzipSync(readFileSync(dump)).toString('utf8') : '');
      // Go's partial rule: a stretch is a complete generation when another Sync follows it.
      const complete = stretches.slice(0, Math.max(0, stretches.length - 1));
      expectMatches(s.total, total, `${name} total`);
      expect(s.generations.length, `${name}: generations`).toBe(complete.length);
      complete.forEach((o, i) => {
        expectMatches(s.generations[i], o, `${name} generation ${i + 1}`);
        expect(s.generations[i].n).toBe(i + 1);
        expect(s.generations[i].wallStart).toBe(o.wall);
      });
      expect(s.wallStart).toBe(stretches[0]?.wall ?? null);

      if (existsSync(stderr)) {
        const goMessage = readFileSync(stderr, 'utf8').trim();
        expect(s.verdict.kind).toBe('error');
        if (s.verdict.kind !== 'error') return;
        expect(s.verdict.message).toBe(goMessage);
        expect(s.verdict.generationsKept).toBe(complete.length);
        expect(s.verdict.eventsRead).toBe(total.events);
        expect(s.verdict.eventsKept).toBe(complete.reduce((n, o) => n + o.events, 0));
      } else {
        expect(s.verdict).toEqual({ kind: 'ok' });
        expect(s.bytesRead).toBe(readFileSync(join(DIR, name)).length);
      }
    });
  }
});

describe('summarizeSteps', () => {
  it('reports growing progress and ends with the same summary as the one-shot call', () => {
    const name = traces.find((t) => t.startsWith('goroutines.'))!;
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const it = summarizeSteps(bytes, 1000);
    const seen: number[] = [];
    let r = it.next();
    while (!r.done) {
      seen.push(r.value.events);
      expect(r.value.bytesRead).toBeLessThanOrEqual(bytes.length);
      r = it.next();
    }
    expect(seen.length).toBe(Math.floor(r.value.total.events / 1000));
    expect(seen.every((n, i) => n === (i + 1) * 1000)).toBe(true);
    expect(r.value).toEqual(summarizeTrace(bytes));
  });

  it('names a non-trace with the header error and keeps nothing', () => {
    const s = summarizeTrace(new TextEncoder().encode('hello, not a trace at all'));
    expect(s.verdict).toMatchObject({ kind: 'error', fault: 'not-a-trace', generationsKept: 0, eventsRead: 0 });
    expect(s.verdict.kind === 'error' && s.verdict.message).toBe('bad file format: not a Go execution trace?');
  });

  it('cuts a real trace at every generation boundary and keeps the generations before the cut', () => {
    const name = traces.find((t) => t.startsWith('syscallsteal.'))!;
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const whole = summarizeTrace(bytes);
    // Cutting a byte short of the end loses exactly the last generation.
    const cut = summarizeTrace(bytes.subarray(0, bytes.length - 1));
    expect(cut.verdict.kind).toBe('error');
    expect(cut.generations.length).toBe(whole.generations.length - 1);
    expect(cut.generations).toEqual(whole.generations.slice(0, -1));
  });
});

describe('spanNs', () => {
  it('is exact past 2^53 ns', () => {
    const a = 2n ** 60n + 1n;
    expect(spanNs(a, a + 123_456_789n)).toBe(123_456_789);
    expect(spanNs(5, 2n ** 53n + 10n)).toBe(Number(2n ** 53n + 5n));
  });
});

describe('distinct-ID sets are bounded', () => {
  it('counts exactly up to the limit, then only says "more"', () => {
    const set = new BoundedIdSet(3);
    for (const id of [1, 2, 2n ** 64n - 2n, 1, 2]) set.add(id);
    expect(set.size).toBe(3);
    expect(set.capped).toBe(false); // full, but every repeat was already a member
    set.add(4);
    expect(set.capped).toBe(true);
    expect(set.size).toBe(3);
    set.add(5);
    expect(set.size).toBe(3);
  });

  it('a real trace: exact at a limit equal to the true count, capped one below it', () => {
    const name = traces.find((t) => t.startsWith('goroutines.'))!;
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const exact = summarizeTrace(bytes);
    const g = exact.total.goroutines;
    expect(g).toBeGreaterThan(2);
    expect(exact.total.goroutinesCapped).toBe(false);

    const atLimit = summarizeTrace(bytes, g);
    expect(atLimit.total.goroutines).toBe(g);
    expect(atLimit.total.goroutinesCapped).toBe(false);

    const below = summarizeTrace(bytes, g - 1);
    expect(below.total.goroutines).toBe(g - 1);
    expect(below.total.goroutinesCapped).toBe(true);
    // Every other figure is unchanged by the bound.
    expect(below.total.events).toBe(exact.total.events);
    expect(below.total.byKind).toEqual(exact.total.byKind);
    // Each generation is bounded on its own: capped exactly where it saw more than the limit.
    below.generations.forEach((gen, i) => {
      const truth = exact.generations[i];
      expect(gen.goroutinesCapped, `generation ${gen.n}`).toBe(truth.goroutines > g - 1);
      expect(gen.goroutines, `generation ${gen.n}`).toBe(Math.min(truth.goroutines, g - 1));
    });
  });
});

/**
 * The G, P and M IDs each event names (its own, and the one a transition moves), per
 * Sync-delimited stretch and in the whole trace, collected event by event: what the summary
 * counts, without the summary's shortcut (an event's G and P looked at only on its M's first event in a generation).
 */
function namedIds(bytes: Uint8Array): { total: Set<string>[]; stretches: Set<string>[][] } {
  const total = [new Set<string>(), new Set<string>(), new Set<string>()];
  const stretches: Set<string>[][] = [];
  runPassSync(bytes, [
    {
      event(ev) {
        if (ev.type === EV_SYNC) stretches.push([new Set(), new Set(), new Set()]);
        const named: [number, I64][] = [[0, ev.g], [1, ev.p], [2, ev.m]];
        const t = TRANSITION_RESOURCE[ev.type];
        if (TRANSITION_ID_IN_ARG[ev.type] !== 0) named.push([t === ResourceKind.Goroutine ? 0 : 1, u64ToI64(ev.a0)]);
        for (const [k, id] of named) {
          if (id === -1) continue;
          total[k].add(String(id));
          stretches[stretches.length - 1][k].add(String(id));
        }
      },
    },
  ]);
  return { total, stretches };
}

describe("the summary's goroutines, Ps and Ms are every ID the events name", () => {
  // Real traces are checked against Go's dump above. Damaged ones reach states that real ones
  // do not, and a mutant's events up to the damage still count.
  it('on 200 random mutants of the smaller committed traces, total and per complete generation', () => {
    const rand = seededRandom(8);
    const inputs = traces.map((t) => new Uint8Array(readFileSync(join(DIR, t)))).filter((b) => b.length > 64 && b.length < 20_000);
    let clean = 0;
    for (let i = 0; i < 200; i++) {
      const b = inputs[Math.floor(rand() * inputs.length)].slice();
      const flips = 1 + Math.floor(rand() * 4);
      for (let j = 0; j < flips; j++) b[16 + Math.floor(rand() * (b.length - 16))] = Math.floor(rand() * 256);
      const s = summarizeTrace(b);
      if (s.verdict.kind === 'ok') clean++;
      const { total, stretches } = namedIds(b);
      const counts = (c: SummaryCounts) => [c.goroutines, c.procs, c.threads];
      expect(counts(s.total), `mutant ${i}: total`).toEqual(total.map((x) => x.size));
      s.generations.forEach((g, n) => expect(counts(g), `mutant ${i}: generation ${n + 1}`).toEqual(stretches[n].map((x) => x.size)));
    }
    // Enough of them read cleanly to reach their ends.
    expect(clean).toBeGreaterThan(25);
  });
});

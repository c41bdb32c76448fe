// Conformance step: differential fuzzing against Go. Seeded, format-aware mutants
// (scripts/lib/mutate.ts) of the committed real traces and of our simulated runtime's output
// are each read by our parsed dump (the code `flightdeck dump --mode=parsed` runs) and by
// `go tool trace -d=parsed`, both in UTC. Exit status, stdout, the first line of stderr, and
// Go's state-dump lines as a set must agree (scripts/lib/parsed-outcome.ts).
//
//   npx tsx scripts/conformance/fuzz.ts [--mutants N] [--seed S] [--only I] [--record] [--no-go]
//     --mutants N  how many (default 1000)
//     --seed S     the run's seed; default a new one each run (printed), 1 under CI=true
//     --only I     just mutant I of the seed (to replay a disagreement)
//     --jobs J     Go processes in flight at once (default 2; our side runs in this process)
//     --sources K  which sources, comma-separated: real, sim, old (default all three). A seed
//                  replays the same mutants only with the same sources and the same checkout.
//     --record     save each disagreement, minimised, with Go's answer, as a regression
//                  fixture in testdata/regressions (for `npm test`)
//     --no-go      no Go here: skip, saying so (without it, a missing Go fails the step)
//
// Every disagreeing mutant is kept in reports/fuzz/ and minimised to the smallest file that
// still disagrees. Mutants whose header names Go 1.11–1.21 are read by our old-format reader
// (src/trace/v1) as Go reads them by its tracev1 package, and must agree like the rest. The
// sources include old-format traces too: our fixtures that read (src/trace/v1/testdata) and
// Go's own small test traces from the toolchain's source. Go's dump of an old trace orders
// events of equal time differently from run to run (src/trace/v1/go-compare.ts), so an
// old-format mutant whose output differs from Go's only in that order counts as agreeing.

import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BufferSink, SimulatedRuntime, startTrace, stopTrace } from '../../src/recorder/index';
import { compareWithGo, dumpV1WithTimes, parseV1Fixture } from '../../src/trace/v1/go-compare';
import { writeV1Trace } from '../../src/trace/v1/text-writer';
import { findGoTraceTool, goParsed, goParsedSync, type GoTraceTool } from '../lib/go-trace-tool';
import { headerVersion, mutate, structuralCuts } from '../lib/mutate';
import { ourParsed, parsedDifference, type ParsedOutcome } from '../lib/parsed-outcome';
import { goAnswer, loadRegressions, regressionTrace, saveRegression } from '../lib/regressions';

process.env.TZ = 'UTC';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'reports', 'fuzz');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Further runs of Go on an old-format mutant that disagreed, before it counts as a disagreement. */
const OLD_FORMAT_RETRIES = 12;

/** Old-format headers (Go 1.11–1.21): read by Go's tracev1 and our src/trace/v1. */
const isOldFormat = (bytes: Uint8Array) => {
  const v = headerVersion(bytes);
  return v !== null && v >= 11 && v <= 21;
};

interface Source {
  name: string;
  bytes: Uint8Array;
}

function corpus(): Source[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'testdata/traces/manifest.json'), 'utf8')) as {
    traces: { file: string; damage: unknown }[];
  };
  const real = manifest.traces
    .filter((t) => t.damage === null)
    .map((t) => ({ name: t.file, bytes: new Uint8Array(readFileSync(join(ROOT, 'testdata/traces', t.file))) }));
  const sims: Source[] = [];
  for (const [workload, seconds] of [['idle', 2.5], ['gc-heavy', 0.4]] as const) {
    for (const go of ['1.25', '1.26'] as const) {
      const rt = new SimulatedRuntime({ workload, seed: 7, go, cpuProfileHz: 100 });
      const sink = new BufferSink();
      startTrace(rt, sink);
      rt.advanceBy(seconds * 1e9);
      stopTrace(rt);
      sims.push({ name: `simulated ${workload} ${seconds} s go${go}`, bytes: sink.bytes() });
    }
  }
  // Old-format traces: ours that Go reads to the end, and Go's own small ones (not committed;
  // the toolchain's source is there whenever this step runs). The large stress traces are left
  // out: each mutant of one costs both readers far more than the rest.
  const old: Source[] = [];
  const v1Fixtures = join(ROOT, 'src/trace/v1/testdata');
  for (const f of readdirSync(v1Fixtures).filter((x) => x.endsWith('.test')).sort()) {
    const fx = parseV1Fixture(f, readFileSync(join(v1Fixtures, f), 'utf8'));
    if (fx.expect.success) old.push({ name: `src/trace/v1/testdata/${f}`, bytes: writeV1Trace(fx.trace) });
  }
  const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
  const goV1 = join(goroot, 'src/internal/trace/internal/tracev1/testdata');
  if (existsSync(goV1)) {
    for (const f of readdirSync(goV1).sort()) {
      if (statSync(join(goV1, f)).size <= 32 * 1024) old.push({ name: `GOROOT tracev1/testdata/${f}`, bytes: new Uint8Array(readFileSync(join(goV1, f))) });
    }
  }
  const kinds = (flag('--sources') ?? 'real,sim,old').split(',');
  return [...(kinds.includes('real') ? real : []), ...(kinds.includes('sim') ? sims : []), ...(kinds.includes('old') ? old : [])];
}

/**
 * How our dump of a mutant differs from Go's (null: they agree). For an old-format trace, a
 * difference only in the order of equal-time events is Go's own run-to-run variation.
 */
function difference(go: ParsedOutcome, bytes: Uint8Array, goVersion: string): string | null {
  const d = parsedDifference(go, ourParsed(bytes, goVersion));
  if (d === null || !isOldFormat(bytes)) return d;
  const c = compareWithGo(dumpV1WithTimes(bytes), { stdout: Buffer.from(go.stdout).toString('utf8'), stderr: Buffer.from(go.stderr, 'latin1').toString('utf8'), exitCode: go.exitCode });
  return c.equivalent ? null : d;
}

/**
 * Sources are picked with weight 1/sqrt(size): every trace is used, but the small ones (most
 * of them, and cheap for both readers) more often than the few large ones, which keeps the
 * step's time down; the mean source is then about 10 KB.
 */
function sourceWeights(sources: Source[]): number[] {
  let sum = 0;
  const cumulative = sources.map((s) => (sum += 1 / Math.sqrt(s.bytes.length)));
  return cumulative.map((c) => c / sum);
}

function pickSource(sources: Source[], weights: number[], seed: number): Source {
  const x = (seed >>> 8) / 2 ** 24;
  const i = weights.findIndex((w) => x < w);
  return sources[i < 0 ? sources.length - 1 : i];
}

/** A mutant's own seed, from the run's seed and its index. */
function mutantSeed(runSeed: number, i: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
}

interface Disagreement {
  index: number;
  source: string;
  edits: string[];
  bytes: Uint8Array;
  difference: string;
}

/**
 * Smallest file (header kept) that still disagrees: whole records, then single events, left
 * out while the disagreement stays (structuralCuts); then byte ranges dropped, largest first
 * (ddmin-like). At most `budget` runs of Go.
 */
async function minimise(tool: GoTraceTool, bytes: Uint8Array, tmp: string, budget = 600): Promise<Uint8Array> {
  let best = bytes;
  let tries = 0;
  const disagrees = async (b: Uint8Array) => {
    tries++;
    const f = join(tmp, 'min.trace');
    writeFileSync(f, b);
    return difference(await goParsed(tool, f), b, tool.version) !== null;
  };
  for (let progress = true; progress && tries < budget; ) {
    progress = false;
    for (const candidate of structuralCuts(best)) {
      if (tries >= budget) break;
      if (await disagrees(candidate)) {
        best = candidate;
        progress = true;
        break;
      }
    }
  }
  for (let chunk = Math.max(1, (best.length - 16) >> 1); chunk >= 1 && tries < budget; chunk = chunk > 1 ? chunk >> 1 : 0) {
    let progress = true;
    while (progress && tries < budget) {
      progress = false;
      for (let at = 16; at < best.length && tries < budget; at += chunk) {
        const candidate = new Uint8Array(best.length - Math.min(chunk, best.length - at));
        candidate.set(best.subarray(0, at));
        candidate.set(best.subarray(at + chunk), at);
        if (await disagrees(candidate)) {
          best = candidate;
          progress = true;
          at -= chunk;
        }
      }
    }
  }
  return best;
}

/** The real CLI, as a process, on one file: confirms what the in-process dump said. */
function ourCli(file: string, goVersion: string): ParsedOutcome {
  const go = goVersion.replace(/^go(\d+\.\d+).*$/, '$1');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'dump', '--mode=parsed', `--go=${go}`, file], {
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 1 << 30,
  });
  return { exitCode: r.status ?? -1, stdout: new Uint8Array(r.stdout), stderr: r.stderr.toString('latin1') };
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const tool = findGoTraceTool();
  if (typeof tool === 'string') {
    if (args.includes('--no-go')) {
      console.log(`fuzz: SKIPPED, ${tool} (--no-go): no mutant was compared with Go`);
      return 0;
    }
    console.log(`fuzz: FAIL, ${tool}: cannot compare with Go (pass --no-go to skip on a machine without Go)`);
    return 1;
  }
  const ci = process.env.CI === 'true';
  const runSeed = flag('--seed') !== undefined ? Number(flag('--seed')) >>> 0 : ci ? 1 : randomInt(1, 2 ** 31);
  const count = Number(flag('--mutants') ?? 1000);
  const only = flag('--only') !== undefined ? Number(flag('--only')) : null;
  const sources = corpus();
  const weights = sourceWeights(sources);
  console.log(
    `fuzz: seed ${runSeed}${ci && flag('--seed') === undefined ? ' (fixed under CI)' : ''}, ${only === null ? count : 1} mutants of ${sources.length} traces ` +
      `(${sources.filter((s) => !s.name.startsWith('simulated') && !isOldFormat(s.bytes)).length} committed real, ${sources.filter((s) => s.name.startsWith('simulated')).length} simulated, ${sources.filter((s) => isOldFormat(s.bytes)).length} Go 1.11–1.21), ${tool.version}; ` +
      `replay one with --seed ${runSeed} --only I`,
  );

  const tmp = mkdtempSync(join(tmpdir(), 'flightdeck-fuzz-'));
  let agree = 0;
  let oldFormat = 0;
  let oldFormatDisagree = 0;
  const disagreements: Disagreement[] = [];
  try {
    // The committed regression fixtures first: Go must still give the committed answers.
    let stale = 0;
    for (const r of loadRegressions()) {
      const bytes = regressionTrace(r);
      if (bytes === null) continue;
      const f = join(tmp, 'regression.trace');
      writeFileSync(f, bytes);
      const d = parsedDifference(goAnswer(r), goParsedSync(tool, f));
      if (d !== null) {
        stale++;
        console.log(`  FAIL Go's answer for regression ${r.file} changed: ${d}`);
      }
    }

    const indices = only === null ? Array.from({ length: count }, (_, i) => i) : [only];
    const CONCURRENCY = Math.max(1, Number(flag('--jobs') ?? 2));
    let next = 0;
    const worker = async (w: number) => {
      for (;;) {
        const i = next++;
        if (i >= indices.length) return;
        const index = indices[i];
        const seed = mutantSeed(runSeed, index);
        const src = pickSource(sources, weights, seed);
        const m = mutate(src.bytes, seed);
        const file = join(tmp, `m${w}.trace`);
        writeFileSync(file, m.bytes);
        let d = difference(await goParsed(tool, file), m.bytes, tool.version);
        // Go's own reading of an old-format trace varies from run to run (its conversion walks
        // Go maps): as the v1 step does, ours must equal one of Go's runs, so ask Go again.
        for (let retry = 0; d !== null && isOldFormat(m.bytes) && retry < OLD_FORMAT_RETRIES; retry++) {
          d = difference(await goParsed(tool, file), m.bytes, tool.version);
        }
        if (isOldFormat(m.bytes)) {
          oldFormat++;
          if (d !== null) oldFormatDisagree++;
        }
        if (d === null) agree++;
        else {
          // Said at once, so a long run can be replayed (--only) before it ends.
          console.log(`  mutant ${index} of ${src.name} disagrees: ${d}`);
          disagreements.push({ index, source: src.name, edits: m.edits, bytes: m.bytes, difference: d });
        }
        if (indices.length >= 5000 && (i + 1) % 1000 === 0) console.log(`  ${i + 1} mutants, ${disagreements.length} disagree so far (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
    const compareSecs = (performance.now() - t0) / 1000;

    // Keep, confirm with the real CLI, minimise and (with --record) save every disagreement.
    if (disagreements.length > 0) mkdirSync(OUT, { recursive: true });
    for (const d of disagreements.sort((a, b) => a.index - b.index)) {
      const kept = join(OUT, `seed${runSeed}-mutant${d.index}.trace`);
      writeFileSync(kept, d.bytes);
      const cli = parsedDifference(goParsedSync(tool, kept), ourCli(kept, tool.version));
      const small = await minimise(tool, d.bytes, tmp);
      const smallFile = join(OUT, `seed${runSeed}-mutant${d.index}.min.trace`);
      writeFileSync(smallFile, small);
      const smallDiff = difference(goParsedSync(tool, smallFile), small, tool.version);
      console.log(`  FAIL mutant ${d.index} of ${d.source} [${d.edits.join('; ')}]: ${d.difference}`);
      console.log(`       kept ${kept} (the CLI process ${cli === null ? 'agrees with Go?!' : 'disagrees too'}); minimised to ${small.length} bytes: ${smallFile} (${smallDiff})`);
      if (args.includes('--record')) {
        const name = `fuzz-seed${runSeed}-mutant${d.index}.trace`;
        saveRegression(
          { file: name, where: 'testdata', made: `fuzz step, seed ${runSeed}, mutant ${d.index} of ${d.source} (${d.edits.join('; ')}), minimised from ${d.bytes.length} to ${small.length} bytes`, goVersion: tool.version, found: smallDiff ?? d.difference },
          small,
          goParsedSync(tool, smallFile),
        );
        console.log(`       recorded as testdata/regressions/${name}`);
      }
    }
    const secs = (performance.now() - t0) / 1000;
    const n = indices.length;
    console.log(
      `fuzz: ${agree}/${n} mutants agree with Go, ${disagreements.length} disagree ` +
        `(${oldFormat} of them with a Go 1.11–1.21 header: ${oldFormatDisagree} disagree); ` +
        `${compareSecs.toFixed(1)} s comparing, ${(secs - compareSecs).toFixed(1)} s keeping and minimising, ${secs.toFixed(1)} s in all`,
    );
    if (stale > 0) console.log(`fuzz: ${stale} committed regression answers are no longer Go's`);
    return disagreements.length === 0 && stale === 0 ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

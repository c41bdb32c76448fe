// Conformance step: Go 1.11–1.21 traces against Go's own reader, live.
//
// 1. Go's old-format test traces, read from the Go toolchain's source
//    ($GOROOT/src/internal/trace/internal/tracev1/testdata; not committed here): Go's parsed
//    dump is run several times, because it varies from run to run (src/trace/v1/go-compare.ts
//    says why); ours must be Go-equivalent to every run, and we report how many runs it equals
//    byte for byte. The distinct outputs' SHA-256s are kept in src/trace/v1/testdata/
//    goroot-dumps.json, so the unit tests can check, with Node alone, that our dump is
//    byte-identical to one Go produced.
// 2. Our own old-format fixtures (src/trace/v1/testdata/*.test, written by text-writer.ts):
//    the Go outputs recorded in them must still be what Go prints, and ours must be
//    Go-equivalent to every live run.
// 3. Each other toolchain (Go 1.27) gives Go-equivalent dumps too.
//
//   npx tsx scripts/conformance/v1.ts [--runs=N] [--record]
//     --record   rewrite the recorded Go outputs (fixtures and goroot-dumps.json)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithGo, type Dump, dumpV1WithTimes, parseV1Fixture, withGoOutputs } from '../../src/trace/v1/go-compare';
import { writeV1Trace } from '../../src/trace/v1/text-writer';
import { CHILDREN_AT_ONCE, mapLimit, runChild } from '../lib/child';
import { traceToolPath } from '../lib/go-trace-tool';
import { couldNotCompare, NO_GO } from '../lib/go-needed';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'src/trace/v1/testdata');
const GOROOT_DUMPS = join(FIXTURES, 'goroot-dumps.json');
const args = process.argv.slice(2);
const record = args.includes('--record');
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? (record ? 40 : 12));
process.env.TZ = 'UTC';

interface GorootRecord {
  /** SHA-256 of the trace file, so a different Go source tree is noticed. */
  sha256: string;
  go: string;
  runs: number;
  /** Each distinct stdout of `go tool trace -d=parsed` seen, with how many runs gave it. */
  outputs: { sha256: string; runs: number }[];
}

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
let failed = false;

function goEnv(toolchain: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: toolchain, TZ: 'UTC' };
  delete env.GODEBUG;
  return env;
}

function goVersion(toolchain: string): string | null {
  const r = spawnSync('go', ['env', 'GOVERSION'], { env: goEnv(toolchain), encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const tmp = mkdtempSync(join(tmpdir(), 'flightdeck-v1-'));

/** The toolchain's trace tool binary, so each run is one process (no go launcher). */
function traceTool(toolchain: string): string {
  return traceToolPath(goEnv(toolchain));
}

async function goDump(tool: string, file: string): Promise<Dump> {
  const r = await runChild(tool, ['-d=parsed', file], { env: goEnv('local') });
  return { stdout: r.stdout.toString('utf8'), stderr: r.stderr, exitCode: r.status ?? -1 };
}

/** Runs Go n times (one per core at once); distinct outputs, most frequent first. */
async function goRuns(tool: string, file: string, n: number): Promise<{ dump: Dump; runs: number }[]> {
  const seen = new Map<string, { dump: Dump; runs: number }>();
  const dumps = await mapLimit(Array.from({ length: n }), CHILDREN_AT_ONCE, () => goDump(tool, file));
  for (const d of dumps) {
    const key = sha(d.stdout + '\0' + d.stderr + '\0' + d.exitCode);
    const e = seen.get(key);
    if (e) e.runs++;
    else seen.set(key, { dump: d, runs: 1 });
  }
  return [...seen.values()].sort((a, b) => b.runs - a.runs);
}

async function main(): Promise<void> {
  // A run that cannot ask Go fails (scripts/lib/go-needed.ts); --no-go skips, saying so. The
  // unit tests still check our dumps against the recorded Go outputs.
  const v126 = NO_GO ? null : goVersion('local');
  if (v126 === null) {
    if (couldNotCompare('v1', 'old-format traces', NO_GO ? '--no-go' : '`go` is not on PATH')) failed = true;
    return;
  }
  const local = traceTool('local');
  const others: { name: string; tool: string }[] = [];
  for (const t of ['go1.27.3']) {
    const v = goVersion(t);
    if (v !== null) others.push({ name: v, tool: traceTool(t) });
    else if (couldNotCompare('v1', `old-format traces read by ${t}`, `GOTOOLCHAIN=${t} does not run here`)) failed = true;
  }
  let totalRuns = 0;
  let totalIdentical = 0;
  let totalEquivalent = 0;
  let tracesIdentical = 0;
  let tracesChecked = 0;

  const check = async (label: string, bytes: Uint8Array, file: string) => {
    const ours = dumpV1WithTimes(bytes);
    const outputs = await goRuns(local, file, RUNS);
    let identical = 0;
    let equivalent = 0;
    for (const o of outputs) {
      const c = compareWithGo(ours, o.dump);
      if (c.identical) identical += o.runs;
      if (c.equivalent) equivalent += o.runs;
      else console.log(`  FAIL ${label}: not Go-equivalent to ${o.runs} of Go's runs: ${c.problem}`);
    }
    for (const t of others) {
      const c = compareWithGo(ours, await goDump(t.tool, file));
      if (!c.equivalent) console.log(`  FAIL ${label}: not Go-equivalent to ${t.name}: ${c.problem}`);
      if (!c.equivalent) failed = true;
    }
    totalRuns += RUNS;
    totalIdentical += identical;
    totalEquivalent += equivalent;
    tracesChecked++;
    if (identical > 0) tracesIdentical++;
    if (equivalent !== RUNS) failed = true;
    const note = identical === 0 ? '  (ours is none of the orders Go gave in these runs)' : '';
    console.log(`  ${label}: Go gave ${outputs.length} distinct dump(s) in ${RUNS} runs; ours identical to ${identical}, Go-equivalent to ${equivalent}${note}`);
    return { ours, outputs };
  };

  // 1. Go's own old-format traces, from the toolchain's source.
  const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8', env: goEnv('local') }).stdout.trim();
  const dir = join(goroot, 'src/internal/trace/internal/tracev1/testdata');
  const recordedRoot: Record<string, GorootRecord> = existsSync(GOROOT_DUMPS) ? JSON.parse(readFileSync(GOROOT_DUMPS, 'utf8')) : {};
  const newRoot: Record<string, GorootRecord> = {};
  console.log(`v1: Go's old-format test traces (${dir}), ${RUNS} runs of ${v126} each`);
  for (const f of readdirSync(dir).sort()) {
    const file = join(dir, f);
    const bytes = new Uint8Array(readFileSync(file));
    const { ours, outputs } = await check(f, bytes, file);
    const rec: GorootRecord = {
      sha256: sha(bytes),
      go: v126,
      runs: RUNS,
      outputs: outputs.map((o) => ({ sha256: sha(o.dump.stdout), runs: o.runs })),
    };
    const old = recordedRoot[f];
    if (old && old.sha256 === rec.sha256) {
      // Go's outputs must not have changed: every one seen now was seen when recording.
      const known = new Set(old.outputs.map((o) => o.sha256));
      const fresh = rec.outputs.filter((o) => !known.has(o.sha256));
      if (fresh.length > 0) console.log(`  note ${f}: ${fresh.length} Go output(s) not in goroot-dumps.json (a rare order, or Go changed)`);
    }
    newRoot[f] = record ? rec : (old ?? rec);
    if (!rec.outputs.some((o) => o.sha256 === sha(ours.stdout)) && !(old?.outputs ?? []).some((o) => o.sha256 === sha(ours.stdout))) {
      console.log(`  note ${f}: our dump is not byte-identical to any recorded Go run`);
    }
  }
  if (record) {
    writeFileSync(GOROOT_DUMPS, JSON.stringify(newRoot, null, 2) + '\n');
    console.log(`v1: recorded ${GOROOT_DUMPS}`);
  }

  // 2. Our own fixtures.
  console.log(`v1: our old-format fixtures (src/trace/v1/testdata), ${RUNS} runs of ${v126} each`);
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.test')).sort()) {
    const path = join(FIXTURES, f);
    const text = readFileSync(path, 'utf8');
    const fx = parseV1Fixture(f, text);
    const bytes = writeV1Trace(fx.trace);
    const file = join(tmp, f + '.trace');
    writeFileSync(file, bytes);
    const { outputs } = await check(f, bytes, file);
    if (record) {
      writeFileSync(path, withGoOutputs(text, outputs, `${v126}, ${RUNS} runs`));
    } else {
      const live = new Set(outputs.map((o) => sha(o.dump.stdout + o.dump.stderr)));
      const stale = fx.go.filter((o) => !live.has(sha(o.dump.stdout + o.dump.stderr)));
      if (fx.go.length === 0 || stale.length === fx.go.length) {
        console.log(`  FAIL ${f}: the recorded Go output is not what Go prints now (re-run with --record)`);
        failed = true;
      }
    }
  }
  const pct = (n: number) => `${((100 * n) / Math.max(totalRuns, 1)).toFixed(0)}%`;
  console.log(
    `v1: ${tracesChecked} traces; ours byte-identical to at least one Go run for ${tracesIdentical}/${tracesChecked}; ` +
      `identical to ${totalIdentical}/${totalRuns} Go runs (${pct(totalIdentical)}), Go-equivalent to ${totalEquivalent}/${totalRuns}`,
  );
}

try {
  await main();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

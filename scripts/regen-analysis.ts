// Records what Go's trace tool says about every committed trace that Go reads: the pages of
// `go tool trace -http` and `go tool trace -pprof=TYPE` (scripts/lib/go-analysis.ts), one
// gzipped JSON per trace in testdata/analysis/, made by the toolchain that wrote the trace.
// Node-only tests (scripts/lib/analysis-compare.test.ts) compare our analyses with them.
//
//   npx tsx scripts/regen-analysis.ts [--only=NAME[,NAME]] [--toolchain=go126|go127]
//
// Go runs with GODEBUG=cpu.fma=off: on CPUs with FMA, Go's math.Exp fuses steps and can end an
// ulp away, which moves the MMU plot's window sizes and histogram bounds by a nanosecond; without
// FMA its result does not depend on the machine (and equals src/trace/go/exp.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { captureGoAnalysis } from './lib/go-analysis';
import type { Manifest } from './regen-testdata';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ANALYSIS_DIR = process.env.FLIGHTDECK_ANALYSIS_DIR ?? join(ROOT, 'testdata', 'analysis');
const TRACES_DIR = process.env.FLIGHTDECK_TRACES_DIR ?? join(ROOT, 'testdata', 'traces');
const GOTOOLCHAIN: Record<string, string> = { go126: 'local', go127: 'go1.27.3' };

export function analysisEnv(tag: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: GOTOOLCHAIN[tag], GODEBUG: 'cpu.fma=off', TZ: 'UTC' };
  delete env.GOFLAGS;
  return env;
}

/** Traces Go's analysis reads: every committed trace whose parsed dump Go printed without error. */
export function analysedTraces(): { file: string; toolchain: string }[] {
  const m = JSON.parse(readFileSync(join(TRACES_DIR, 'manifest.json'), 'utf8')) as Manifest;
  return m.traces.filter((t) => t.dumps.parsed.exitCode === 0).map((t) => ({ file: t.file, toolchain: t.toolchain }));
}

export function capturePath(traceFile: string): string {
  return join(ANALYSIS_DIR, `${traceFile}.go-analysis.json.gz`);
}

async function main(argv: string[]): Promise<void> {
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const tcOnly = argv.find((a) => a.startsWith('--toolchain='))?.slice(12);
  if (spawnSync('go', ['version']).status !== 0) throw new Error('regen-analysis needs go on PATH');
  mkdirSync(ANALYSIS_DIR, { recursive: true });
  const traces = analysedTraces();
  for (const t of traces) {
    if (only && !only.includes(t.file.split('.')[0])) continue;
    if (tcOnly && t.toolchain !== tcOnly) continue;
    const cap = await captureGoAnalysis(join(TRACES_DIR, t.file), t.file, { tag: t.toolchain, env: analysisEnv(t.toolchain) });
    const gz = gzipSync(JSON.stringify(cap), { level: 9 });
    writeFileSync(capturePath(t.file), gz);
    console.log(`${t.file}: ${Object.keys(cap.pages).length} pages, ${gz.length} bytes`);
  }
  // Captures of traces no longer committed are left-overs.
  const keep = new Set(traces.map((t) => `${t.file}.go-analysis.json.gz`));
  for (const f of readdirSync(ANALYSIS_DIR)) if (f.endsWith('.go-analysis.json.gz') && !keep.has(f)) unlinkSync(join(ANALYSIS_DIR, f));
  void existsSync;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

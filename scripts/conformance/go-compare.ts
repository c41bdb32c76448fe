// Conformance step: our wire / parsed / footprint dumps of every committed real trace
// (testdata/traces, see testdata/README.md) must equal Go's `go tool trace -d=MODE` byte for
// byte: stdout, stderr and exit status.
//
// It first re-runs Go on every trace with the toolchain that wrote it and checks that Go still
// prints the committed dump (so the committed dumps are Go's own and current). Without `go`,
// or without one of the toolchains, the step fails saying what it could not compare, unless
// --no-go asks for the committed dumps only (said loudly). A dumper of ours that cannot be
// loaded fails the step.
//
//   npx tsx scripts/conformance/go-compare.ts [--no-go] [--cross] [--verbose]
//     --no-go    compare with the committed dumps only, without running Go
//     --cross    also run each other toolchain's `go tool trace` on every trace and report
//                whether Go's dump output depends on the toolchain
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { DumpMode, Manifest, Toolchain, TraceRecord } from '../regen-testdata';
import { DUMPER_MODULES, type DumpResult, loadDumper } from '../lib/dumpers';
import { CHILDREN_AT_ONCE, mapLimit, runChild } from '../lib/child';
import { traceToolPath } from '../lib/go-trace-tool';
import { couldNotCompare, goOnPath, NO_GO } from '../lib/go-needed';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TRACES = process.env.FLIGHTDECK_TRACES_DIR ?? join(ROOT, 'testdata', 'traces');
const MODES: DumpMode[] = ['wire', 'footprint', 'parsed'];
// Kept in step with TOOLCHAINS in scripts/regen-testdata.ts (imported as a type only, so that
// loading this step never runs the regeneration script).
const TOOLCHAINS: Toolchain[] = [
  { tag: 'go126', gotoolchain: 'local' },
  { tag: 'go127', gotoolchain: 'go1.27.3' },
];

// Go's parsed dump prints Sync wall times in the local time zone, and so does ours; the committed
// dumps are made in UTC, so both sides run in UTC here.
process.env.TZ = 'UTC';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');

function goEnv(tc: Toolchain): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: tc.gotoolchain };
  delete env.GODEBUG;
  // Go's parsed dump formats Sync wall times in the local zone; the committed dumps use UTC.
  env.TZ = 'UTC';
  return env;
}


function toolchainWorks(tc: Toolchain): boolean {
  const r = spawnSync('go', ['env', 'GOVERSION'], { env: goEnv(tc), encoding: 'utf8' });
  return r.status === 0;
}

async function runGo(tc: Toolchain, mode: DumpMode, file: string): Promise<DumpResult> {
  const env = goEnv(tc);
  const r = await runChild(traceToolPath(env), [`-d=${mode}`, file], { env });
  if (r.status === -1) throw new Error(`go tool trace could not start: ${r.stderr}`);
  return { stdout: r.stdout.toString('utf8'), stderr: r.stderr, exitCode: r.status ?? -1 };
}

/**
 * Every (trace, dumping toolchain) pair with committed dumps: the writer's own, and for
 * programs marked cross-dump the other toolchains' (their Unicode tables differ).
 */
interface DumpSet {
  t: TraceRecord;
  tag: string;
  goVersion: string;
  dumps: TraceRecord['dumps'];
  label: string;
}

function dumpSets(manifest: Manifest): DumpSet[] {
  const out: DumpSet[] = [];
  for (const t of manifest.traces) {
    out.push({ t, tag: t.toolchain, goVersion: t.goVersion, dumps: t.dumps, label: t.file });
    for (const [tag, dumps] of Object.entries(t.crossDumps ?? {})) {
      const goVersion = manifest.toolchains[tag];
      out.push({ t, tag, goVersion, dumps, label: `${t.file} (dumped by ${goVersion})` });
    }
  }
  return out;
}

function committed(t: TraceRecord, mode: DumpMode, dumps: TraceRecord['dumps'] = t.dumps): DumpResult {
  const d = dumps[mode];
  return {
    stdout: gunzipSync(readFileSync(join(TRACES, d.stdout))).toString('utf8'),
    stderr: d.stderr ? readFileSync(join(TRACES, d.stderr), 'utf8') : '',
    exitCode: d.exitCode,
  };
}

/** Where two dumps first differ, in words; null when they are identical. */
function difference(want: DumpResult, got: DumpResult): string | null {
  if (want.exitCode !== got.exitCode) return `exit status ${got.exitCode}, Go's ${want.exitCode}; our stderr ${JSON.stringify(got.stderr.slice(0, 200))}, Go's ${JSON.stringify(want.stderr.slice(0, 200))}`;
  if (want.stderr !== got.stderr) return `stderr ${JSON.stringify(got.stderr.slice(0, 200))}, Go's ${JSON.stringify(want.stderr.slice(0, 200))}`;
  if (want.stdout === got.stdout) return null;
  const a = want.stdout.split('\n');
  const b = got.stdout.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `stdout line ${i + 1} (of Go's ${a.length}, our ${b.length}): ours ${JSON.stringify(b[i] ?? '<end>')}, Go's ${JSON.stringify(a[i] ?? '<end>')}`;
}

async function main(): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(TRACES, 'manifest.json'), 'utf8')) as Manifest;
  const traces = manifest.traces;
  let failed = false;
  const report = (line: string) => console.log(line);

  // The committed traces must be the ones the dumps were made from.
  for (const t of traces) {
    const sum = createHash('sha256').update(readFileSync(join(TRACES, t.file))).digest('hex');
    if (sum !== t.sha256) {
      report(`FAIL ${t.file}: contents differ from manifest.json (re-run scripts/regen-testdata.sh --dump-only)`);
      failed = true;
    }
  }

  // 1. Go still prints what is committed.
  if (NO_GO) {
    couldNotCompare('go compare', "the committed dumps (are they still Go's?)", '--no-go');
  } else if (!goOnPath()) {
    failed = couldNotCompare('go compare', "the committed dumps (are they still Go's?)", '`go` is not on PATH') || failed;
  } else {
    const usable = TOOLCHAINS.filter((tc) => {
      const ok = toolchainWorks(tc);
      if (!ok) {
        const n = traces.filter((t) => t.toolchain === tc.tag).length;
        failed = couldNotCompare('go compare', `Go's dumps of the ${n} traces written by ${manifest.toolchains[tc.tag] ?? tc.gotoolchain}`, `GOTOOLCHAIN=${tc.gotoolchain} does not run here`) || failed;
      }
      return ok;
    });
    for (const mode of MODES) {
      const sets = dumpSets(manifest).flatMap((d) => {
        const tc = usable.find((x) => x.tag === d.tag);
        return tc ? [{ d, tc }] : [];
      });
      const diffs = await mapLimit(sets, CHILDREN_AT_ONCE, async ({ d, tc }) =>
        difference(committed(d.t, mode, d.dumps), await runGo(tc, mode, join(TRACES, d.t.file))),
      );
      diffs.forEach((diff, i) => {
        if (diff !== null) report(`  FAIL Go's ${mode} dump of ${sets[i].d.label} changed: ${diff}`);
      });
      const same = diffs.filter((x) => x === null).length;
      report(`go compare: Go ${mode} dumps still match the committed ones: ${same}/${sets.length}`);
      if (same !== sets.length) failed = true;
    }
    if (args.includes('--cross')) {
      // Informational: does `go tool trace` output depend on which toolchain runs it?
      for (const tc of usable) {
        let same = 0;
        let total = 0;
        for (const t of traces.filter((x) => x.toolchain !== tc.tag)) {
          for (const mode of MODES) {
            total++;
            const diff = difference(committed(t, mode), await runGo(tc, mode, join(TRACES, t.file)));
            if (diff === null) same++;
            else report(`  note: ${manifest.toolchains[tc.tag] ?? tc.gotoolchain} ${mode} dump of ${t.file} differs from its writer's: ${diff}`);
          }
        }
        report(`go compare: ${manifest.toolchains[tc.tag] ?? tc.gotoolchain} on the other toolchains' traces: ${same}/${total} dumps identical`);
      }
    }
  }

  // 2. Our dumps equal Go's.
  for (const mode of MODES) {
    let dumper;
    try {
      dumper = await loadDumper(...DUMPER_MODULES[mode]);
    } catch (e) {
      report(`go compare ${mode}: FAIL: ${(e as Error).message}`);
      failed = true;
      continue;
    }
    let same = 0;
    const fails: string[] = [];
    const sets = dumpSets(manifest);
    for (const d of sets) {
      const bytes = new Uint8Array(readFileSync(join(TRACES, d.t.file)));
      let got: DumpResult;
      try {
        // As the Go release that printed the dump quotes strings.
        got = dumper(bytes, { goVersion: d.goVersion });
      } catch (e) {
        fails.push(`${d.label}: threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        continue;
      }
      const diff = difference(committed(d.t, mode, d.dumps), got);
      if (diff === null) same++;
      else fails.push(`${d.label}: ${diff}`);
    }
    const shown = verbose ? fails : fails.slice(0, 8);
    for (const f of shown) report(`  FAIL ${mode} ${f}`);
    if (shown.length < fails.length) report(`  ... ${fails.length - shown.length} more (--verbose shows all)`);
    report(`go compare ${mode}: ${same}/${sets.length} identical (${traces.length} traces, ${sets.length - traces.length} also dumped by the other toolchain)`);
    if (same !== sets.length) failed = true;
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

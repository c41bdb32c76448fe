// Conformance step: our timeline model, exported as Catapult JSON (the `export --format=chrome`
// command), must hold the same events as Go's own viewer data: `go tool trace -http` serves
// it at /jsontrace (proc view) and /jsontrace?view=thread. Compared for every committed real
// trace Go's viewer accepts, as multisets of events with stacks resolved to frame names
// (chrome/compare.ts): same names, times at Go's microsecond precision, durations, lanes,
// counters, flows, stacks.
//
// With `go` on PATH, Go's JSON is fetched live from the toolchain that wrote each trace and
// must equal the committed copy (testdata/traces/NAME.jsontrace[-thread].json.gz, which the
// unit tests use); --write refreshes the committed copies instead. Without `go` the step fails
// (scripts/lib/go-needed.ts) after comparing with the committed copies; with --no-go it says
// loudly that the live comparison was skipped and compares with the committed copies only.
//
//   npx tsx scripts/conformance/jsontrace.ts [--no-go] [--write] [--verbose] [NAME-PREFIX...]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildTimeline } from '../../src/analysis/timeline/build';
import { compareJsonTraces } from '../../src/analysis/timeline/chrome/compare';
import { exportChromeJson, jsonTraceFile, type ChromeView } from '../../src/analysis/timeline/chrome/export';
import { fetchGoJsonTrace } from '../lib/go-jsontrace';
import { couldNotCompare, goOnPath, NO_GO } from '../lib/go-needed';
import type { Manifest } from '../regen-testdata';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TRACES = process.env.FLIGHTDECK_TRACES_DIR ?? join(ROOT, 'testdata', 'traces');
const VIEWS: ChromeView[] = ['proc', 'thread'];
const TOOLCHAINS: Record<string, string> = { go126: 'local', go127: 'go1.27.3' };

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const write = args.includes('--write');
const only = args.filter((a) => !a.startsWith('-'));

function goEnv(toolchain: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: TOOLCHAINS[toolchain] ?? 'local', TZ: 'UTC' };
  delete env.GODEBUG;
  delete env.GOFLAGS;
  return env;
}

async function main(): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(TRACES, 'manifest.json'), 'utf8')) as Manifest;
  const live = !NO_GO && goOnPath();
  let failed = 0;
  if (live) console.log("Go's viewer is run live for every trace");
  else if (couldNotCompare('jsontrace', "the committed Go JSON's freshness", NO_GO ? '--no-go' : 'go is not on PATH')) failed++;
  let checked = 0;
  for (const t of manifest.traces) {
    if (only.length && !only.some((o) => t.file.startsWith(o))) continue;
    const path = join(TRACES, t.file);
    let goBodies: Partial<Record<ChromeView, string>> = {};
    if (live) {
      const r = await fetchGoJsonTrace(path, goEnv(t.toolchain), VIEWS);
      if (r.error !== null) {
        const committedAny = VIEWS.some((v) => existsSync(join(TRACES, jsonTraceFile(t.file, v))));
        console.log(`${committedAny ? 'FAIL' : 'skip'} ${t.file}: Go's viewer refused it (${r.error.split('\n').pop()})`);
        if (committedAny) failed++;
        continue;
      }
      goBodies = r.bodies;
    }
    const { model } = buildTimeline(new Uint8Array(readFileSync(path)));
    for (const view of VIEWS) {
      const committedPath = join(TRACES, jsonTraceFile(t.file, view));
      const committed = existsSync(committedPath) ? gunzipSync(readFileSync(committedPath)).toString('utf8') : null;
      const go = goBodies[view] ?? committed;
      if (go === undefined || go === null) continue;
      if (live && write) writeFileSync(committedPath, gzipSync(go, { level: 9 }));
      else if (live && committed !== null) {
        // Go's own output is not byte-stable (map order); the committed copy must hold the same events.
        const d = compareJsonTraces(go, committed);
        if (d.onlyGo.length + d.onlyOurs.length > 0) {
          console.log(`FAIL ${t.file} ${view}: the committed Go JSON is stale (run with --write)`);
          failed++;
        }
      } else if (live && committed === null) {
        console.log(`FAIL ${t.file} ${view}: no committed Go JSON (run with --write)`);
        failed++;
      }
      const ours = exportChromeJson(model, view);
      const d = compareJsonTraces(go, ours);
      checked++;
      if (d.onlyGo.length === 0 && d.onlyOurs.length === 0) {
        if (verbose) console.log(`ok   ${t.file} ${view}: ${d.same} events`);
        continue;
      }
      failed++;
      console.log(`FAIL ${t.file} ${view}: ${d.same} equal, ${d.onlyGo.length} only in Go's, ${d.onlyOurs.length} only in ours`);
      for (const e of d.onlyGo.slice(0, 5)) console.log(`  go:   ${e}`);
      for (const e of d.onlyOurs.slice(0, 5)) console.log(`  ours: ${e}`);
    }
  }
  console.log(`jsontrace: ${checked - failed} of ${checked} views equal to Go's /jsontrace`);
  return failed === 0 && checked > 0 ? 0 : 1;
}

process.exit(await main());

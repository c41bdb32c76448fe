// Conformance step: our analyses of every committed real trace against Go's own trace tool.
// With `go` on PATH, Go is run now on each trace (with the toolchain that wrote it): the pages
// `go tool trace -http=127.0.0.1:0 FILE` serves (/goroutines, every /goroutine?name=…,
// /usertasks, every /usertask?type=…, /userregions, every /userregion?…, /mmu data) and
// `go tool trace -pprof=net|sync|syscall|sched FILE`; ours must say the same (profiles are
// compared after both are read back with the same pprof reader). Without `go` the step fails,
// saying so (scripts/lib/go-needed.ts); with --no-go it compares with the captures committed in
// testdata/analysis instead, and says that Go was not asked.
//
//   npx tsx scripts/conformance/analysis.ts [--no-go] [--verbose]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { analyseTrace } from '../../src/analysis/analyse';
import { compareAnalysis, goReleaseOf } from '../lib/analysis-compare';
import { CHILDREN_AT_ONCE, mapLimit } from '../lib/child';
import { couldNotCompare, goOnPath, NO_GO } from '../lib/go-needed';
import { captureGoAnalysis, type GoAnalysisCapture } from '../lib/go-analysis';
import { analysedTraces, analysisEnv, capturePath } from '../regen-analysis';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TRACES = process.env.FLIGHTDECK_TRACES_DIR ?? join(ROOT, 'testdata', 'traces');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const live = !NO_GO && goOnPath();

async function main(): Promise<number> {
  if (!live && couldNotCompare('analysis', 'the analyses (only the committed captures are checked)', NO_GO ? '--no-go' : '`go` is not on PATH')) {
    return 1;
  }
  console.log(live ? 'analysis: asking Go now (go tool trace -http and -pprof) for every trace' : 'analysis: go not used; comparing with testdata/analysis');
  // One trace per core at once: Go's server and pprof runs for one trace overlap our analysis
  // of another. Reported in the traces' order.
  const list = analysedTraces();
  const results = await mapLimit(list, CHILDREN_AT_ONCE, async (t) => {
    const path = join(TRACES, t.file);
    const cap: GoAnalysisCapture = live
      ? await captureGoAnalysis(path, t.file, { tag: t.toolchain, env: analysisEnv(t.toolchain) })
      : (JSON.parse(gunzipSync(readFileSync(capturePath(t.file))).toString('utf8')) as GoAnalysisCapture);
    return compareAnalysis(analyseTrace(new Uint8Array(readFileSync(path)), goReleaseOf(t.toolchain)), cap);
  });
  const traces = list.length;
  let checked = 0;
  let failed = 0;
  results.forEach((r, i) => {
    checked += r.checked;
    if (r.mismatches.length > 0) {
      failed++;
      console.log(`FAIL ${list[i].file}: ${r.mismatches.length} of ${r.checked} comparisons differ`);
      for (const m of r.mismatches.slice(0, verbose ? 50 : 3)) console.log(`  ${m}`);
    } else if (verbose) console.log(`ok   ${list[i].file}: ${r.checked} comparisons`);
  });
  console.log(`analysis vs go tool trace: ${traces - failed}/${traces} traces equal (${checked} comparisons: pages, profiles, MMU)`);
  return failed === 0 && traces > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

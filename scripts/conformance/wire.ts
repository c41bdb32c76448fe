// Wire-layer conformance, Node only: Go's golden traces (text → our binary → our -d=wire
// dump must give the text back), Go's fuzz seeds (read without crash or hang), and Go's
// committed dumps of real traces in testdata/traces. Exits 1 on any failure.

import { goSuiteMode, goSuiteNotice } from '../lib/go-suite';
import { checkFuzzSeeds, checkTestdataDumps, checkWireGolden, type CheckResult } from '../lib/wire-checks';

let failed = false;

function report(label: string, verb: string, results: CheckResult[]): void {
  const ok = results.filter((r) => r.ok).length;
  for (const r of results) if (!r.ok) console.log(`  FAIL ${r.name}: ${r.detail}`);
  console.log(`${label}: ${ok}/${results.length} ${verb}`);
  if (ok !== results.length) failed = true;
}

if (goSuiteMode() === 'required') {
  // Throws, failing the step, when the folder is missing or empty (scripts/lib/go-suite.ts).
  report('wire golden', 'identical', checkWireGolden());
  report('wire fuzz seeds', 'handled', checkFuzzSeeds());
} else {
  console.log(`wire golden, wire fuzz seeds: SKIPPED. ${goSuiteNotice()}`);
}
report('wire testdata dumps', 'identical to Go', checkTestdataDumps());
process.exit(failed ? 1 : 0);

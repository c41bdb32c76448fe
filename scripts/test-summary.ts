// Prints one closing line for the whole test run, "N passed, N failed", from the JSON
// reports vitest and Playwright leave in reports/. Exits 1 when a report is missing
// or anything failed, so a run that silently tested nothing does not pass.
import { existsSync, readFileSync } from 'node:fs';

interface Counts { passed: number; failed: number; skipped: number }

function vitest(path: string): Counts | null {
  if (!existsSync(path)) return null;
  const r = JSON.parse(readFileSync(path, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
}

function playwright(path: string): Counts | null {
  if (!existsSync(path)) return null;
  const s = JSON.parse(readFileSync(path, 'utf8')).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

const parts: [string, Counts | null][] = [
  ['unit', vitest('reports/vitest.json')],
  ['e2e', playwright('reports/playwright.json')],
];
let ok = true;
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [name, c] of parts) {
  if (!c) {
    console.log(`${name}: no report found (the runner did not finish)`);
    ok = false;
    continue;
  }
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
if (total.passed === 0 || total.failed > 0 || total.skipped > 0) ok = false;
console.log(`Tests: ${total.passed} passed, ${total.failed} failed`);
// npm run conformance's own closing line ("conformance: N passed, M failed"), when .ci/run kept it.
if (existsSync('reports/conformance.log')) {
  const line = readFileSync('reports/conformance.log', 'utf8').split('\n').filter((l) => l.startsWith('conformance: ')).pop();
  console.log(line ?? 'conformance: no summary line (the run did not finish)');
}
process.exit(ok ? 0 : 1);

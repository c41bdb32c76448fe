// What a conformance step does when it cannot ask Go. `npm run conformance` exists to compare
// with Go, and .ci/run runs it only where Go is installed: a step that could not compare must
// fail and say what it could not do. Only an explicit --no-go (`npm run conformance -- --no-go`,
// passed on to every step) lets a run without Go skip those parts, and it says so loudly.

import { spawnSync } from 'node:child_process';

export const NO_GO = process.argv.includes('--no-go');

/** Whether `go` runs here. */
export function goOnPath(): boolean {
  const r = spawnSync('go', ['version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/**
 * Reports a comparison that could not be made. With --no-go: a loud SKIPPED line, and the
 * caller goes on (returns false: not a failure). Without it: a FAIL line (returns true).
 */
export function couldNotCompare(step: string, what: string, why: string): boolean {
  if (NO_GO) {
    console.log(`${step}: SKIPPED (--no-go): ${what} not compared with Go: ${why}`);
    return false;
  }
  console.log(`${step}: FAIL: ${what} could not be compared with Go: ${why} (pass --no-go to run without Go)`);
  return true;
}

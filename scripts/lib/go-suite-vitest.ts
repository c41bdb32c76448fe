// The vitest side of scripts/lib/go-suite.ts: which test files to leave out when Go's
// conformance files are absent, and a reporter that says so once, after the run's summary
// (or, when they are required and missing, says that too).

import type { Reporter } from 'vitest/reporters';
import { GO_SUITE_TEST_GLOB, goSuiteMode, goSuiteNotice, goSuiteProblem } from './go-suite.js';

/** Extra exclude patterns for vitest: the go-suite tests, when Go's files are absent. */
export function goSuiteExclude(): string[] {
  return goSuiteMode() === 'absent' ? [GO_SUITE_TEST_GLOB] : [];
}

export class GoSuiteNotice implements Reporter {
  onTestRunEnd(): void {
    const notice = goSuiteNotice();
    if (notice !== null) {
      console.log(`\n${notice}`);
      return;
    }
    const problem = goSuiteProblem();
    if (problem !== null) console.log(`\nGo's conformance files are required here (../shared exists or FLIGHTDECK_GO_SUITE=required) but ${problem}: the go-suite tests fail`);
  }
}

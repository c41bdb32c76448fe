// Damaged traces on which we once disagreed with `go tool trace -d=parsed` (testdata/regressions):
// our parsed dump must give Go's committed answer — exit status, stdout byte for byte, the
// first line of stderr, and Go's state-dump lines as a set (scripts/lib/parsed-outcome.ts).
// Entries whose trace lives in ../shared/conformance/regressions: regressions.go-suite.test.ts.
import { describe, expect, it } from 'vitest';
import { parsedDifference, ourParsed } from '../../../scripts/lib/parsed-outcome';
import { goAnswer, loadRegressions, regressionTrace, sha256 } from '../../../scripts/lib/regressions';

const all = loadRegressions();
const own = all.filter((r) => r.where === 'testdata');

describe("regression fixtures: our parsed dump gives Go's answer", () => {
  it('has committed fixtures of our own', () => expect(own.length).toBeGreaterThanOrEqual(3));
  for (const r of own) {
    it(r.file, () => {
      const bytes = regressionTrace(r)!;
      expect(sha256(bytes), 'the trace is the one Go answered for').toBe(r.sha256);
      expect(parsedDifference(goAnswer(r), ourParsed(bytes, r.goVersion))).toBeNull();
    });
  }
});

// The regression traces of Go's conformance folder (../shared/conformance/regressions, see
// scripts/lib/go-suite.ts): each has Go's answer committed in testdata/regressions, and our
// parsed dump must give it (the rule of scripts/lib/parsed-outcome.ts).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GO_REGRESSIONS, requireGoSuite } from '../../../scripts/lib/go-suite';
import { parsedDifference, ourParsed } from '../../../scripts/lib/parsed-outcome';
import { goAnswer, loadRegressions, regressionTrace, sha256 } from '../../../scripts/lib/regressions';

requireGoSuite();
const shared = loadRegressions().filter((r) => r.where === 'shared');

describe("Go's regression traces: our parsed dump gives Go's answer", () => {
  it("every trace there has Go's answer recorded (else run scripts/regen-regressions.ts)", () => {
    const files = readdirSync(GO_REGRESSIONS).filter((f) => f.endsWith('.trace'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !shared.some((r) => r.file === f))).toEqual([]);
  });
  for (const r of shared) {
    it(r.file, () => {
      const bytes = regressionTrace(r);
      expect(bytes, `${r.file} is missing from ${GO_REGRESSIONS}`).not.toBeNull();
      expect(sha256(bytes!), 'the trace is the one Go answered for').toBe(r.sha256);
      expect(parsedDifference(goAnswer(r), ourParsed(bytes!, r.goVersion))).toBeNull();
    });
  }
});

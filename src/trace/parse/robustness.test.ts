// Bad input is normal input: the checks of robustness-checks.ts over our own traces (real Go
// traces from testdata/traces and our parser fixtures). Go's golden traces get the same checks
// in robustness.go-suite.test.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { robustnessTests } from './robustness-checks';
import { fixtureBinary, parseFixture } from './test-fixtures';

const ROOT = join(__dirname, '../../..');
const REAL = ['generations.go126.trace', 'gcstress.go126.trace', 'iterpull.go126.trace', 'cpuprofile.go126.trace'];
const OWN = /eog\.test|time-past|goswitch|cpu-samples|experimental/;

function corpus(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const real = join(ROOT, 'testdata/traces');
  // Committed data: a missing file fails the test file instead of shrinking the corpus.
  for (const f of REAL) out.push({ name: f, bytes: new Uint8Array(readFileSync(join(real, f))) });
  const own = join(__dirname, 'testdata');
  for (const f of readdirSync(own).filter((x) => OWN.test(x))) {
    out.push({ name: f, bytes: fixtureBinary(parseFixture(f, readFileSync(join(own, f), 'latin1')).trace) });
  }
  return out;
}

describe('robustness', () => {
  const traces = corpus();
  it('has every real trace and fixture it names to mutate', () => {
    expect(traces.filter((t) => REAL.includes(t.name)).map((t) => t.name)).toEqual(REAL);
    expect(traces.filter((t) => OWN.test(t.name)).length).toBeGreaterThanOrEqual(5);
  });
  robustnessTests(traces);
});

// The robustness checks of robustness-checks.ts over four of Go's golden traces
// (../shared/conformance, scripts/lib/go-suite.ts), converted to binary.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { parseGoldenTest } from '../../../scripts/lib/golden';
import { GO_GOLDEN_TESTS, requireGoSuite } from '../../../scripts/lib/go-suite';
import { textToBinary } from '../wire/convert';
import { robustnessTests } from './robustness-checks';

requireGoSuite();
const traces = ['go122-gc-stress.test', 'go123-sync.test', 'go125-sync.test', 'go122-task-across-generations.test'].map((f) => {
  const t = parseGoldenTest(readFileSync(join(GO_GOLDEN_TESTS, f), 'latin1'));
  return { name: f, bytes: textToBinary(new Uint8Array(Buffer.from(t.trace, 'latin1'))) };
});

describe("robustness on Go's golden traces", () => {
  robustnessTests(traces);
});

// readEvent and forEachEvent give the same events and error on every Go golden test
// (../shared/conformance, scripts/lib/go-suite.ts), converted to binary.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGoldenTest } from '../../../scripts/lib/golden';
import { GO_GOLDEN_TESTS, requireGoSuite } from '../../../scripts/lib/go-suite';
import { textToBinary } from '../wire/convert';
import { expectSameEvents, viaForEach } from './read-compare';

requireGoSuite();
const traces = readdirSync(GO_GOLDEN_TESTS)
  .filter((x) => x.endsWith('.test'))
  .sort()
  .map((f) => {
    const t = parseGoldenTest(readFileSync(join(GO_GOLDEN_TESTS, f), 'latin1'));
    return { name: f, bytes: textToBinary(new Uint8Array(Buffer.from(t.trace, 'latin1'))) };
  });

describe("readEvent and forEachEvent on Go's golden tests", () => {
  it('read all 22, successes and failures', () => {
    expect(traces).toHaveLength(22);
    const outcomes = traces.map((t) => viaForEach(t.bytes));
    expect(outcomes.filter((o) => o.error === null).length).toBe(20);
    expect(outcomes.filter((o) => o.error !== null).length).toBe(2);
  });
  for (const { name, bytes } of traces) {
    it(`give the same events and error: ${name}`, () => expectSameEvents(bytes));
  }
});

// Our own fixtures (testdata/*.test) for what Go's golden tests lack: Go 1.26's
// end-of-generation marker (clean, truncated, interleaved), coroutine switches,
// GoCreateBlocked and GoStatusStack, CPU samples, experimental batches and events, missing or
// duplicate clock snapshots, and times past 2^53. Each holds the outcome and, under
// `-- parsed --`, what Go's `go tool trace -d=parsed` printed for it.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpParsed } from '../dump/parsed';
import { encodeGoString } from '../go/string';
import { fixtureBinary, parseFixture, readAll } from './test-fixtures';

const DIR = join(__dirname, 'testdata');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.test'))
  .sort();

describe('parser fixtures', () => {
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(11));
  for (const f of files) {
    // Byte strings: the recorded Go output may hold bytes that are not UTF-8.
    const fx = parseFixture(f, readFileSync(join(DIR, f), 'latin1'));
    it(f, () => {
      const bin = fixtureBinary(fx.trace);
      const { error, invalid } = readAll(bin);
      if (fx.expect.success) {
        expect(error).toBeNull();
        expect(invalid).toEqual([]);
      } else {
        expect(error).toMatch(new RegExp(fx.expect.pattern));
      }
      if (fx.parsed !== null) {
        const got = dumpParsed(bin);
        expect(Buffer.from(encodeGoString(got.stdout)).toString('latin1')).toBe(fx.parsed);
        expect(got.exitCode).toBe(fx.expect.success ? 0 : 1);
      }
    });
  }
});

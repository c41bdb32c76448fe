// `go tool trace -d=footprint` of Go's golden go123-sync trace (../shared/conformance), with
// Go's output committed beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenBinaries } from '../../../scripts/lib/wire-checks';
import { dumpFootprint } from './footprint';

describe('dumpFootprint on a Go golden trace', () => {
  it("equals Go's output for the go123-sync golden trace", () => {
    const bin = goldenBinaries().find((g) => g.name === 'go123-sync.test')!.binary;
    const want = readFileSync(join(import.meta.dirname, 'testdata/go123-sync.footprint.txt'), 'utf8');
    expect(dumpFootprint(bin)).toEqual({ stdout: want, stderr: '', exitCode: 0 });
  });
});

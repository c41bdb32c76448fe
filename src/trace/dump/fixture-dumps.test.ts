// Go's `-d=wire` and `-d=footprint` dumps of our own parser fixtures (src/trace/parse/testdata,
// Go 1.22, 1.23, 1.25 and 1.26 formats, converted to binary), committed by
// scripts/regen-own-fixtures.ts: ours must equal them byte for byte, with the same stderr and
// exit status. They cover the older formats on a clone without Go's golden files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureBinary, parseFixture } from '../parse/test-fixtures';
import { dumpFootprint } from './footprint';
import { dumpWire } from './wire';

const DIR = join(__dirname, 'testdata/fixtures');
const FIXTURES = join(__dirname, '../parse/testdata');
const index = JSON.parse(readFileSync(join(DIR, 'dumps.json'), 'utf8')) as Record<string, Record<string, { exitCode: number; stderr: string }>>;
const DUMPERS = { wire: dumpWire, footprint: dumpFootprint } as const;

describe("Go's wire and footprint dumps of our own fixtures", () => {
  const names = Object.keys(index);
  it('cover every format we read', () => {
    expect(names.length).toBeGreaterThanOrEqual(11);
    for (const v of ['go122', 'go123', 'go125', 'go126']) expect(names.some((n) => n.startsWith(v) && index[n].footprint), v).toBe(true);
  });
  for (const name of names) {
    for (const [mode, want] of Object.entries(index[name])) {
      it(`${name} -d=${mode}`, () => {
        const bin = fixtureBinary(parseFixture(name, readFileSync(join(FIXTURES, `${name}.test`), 'latin1')).trace);
        const got = DUMPERS[mode as keyof typeof DUMPERS](bin);
        expect(got.stdout).toBe(readFileSync(join(DIR, `${name}.${mode}.txt`), 'utf8'));
        expect(got.stderr).toBe(want.stderr);
        expect(got.exitCode).toBe(want.exitCode);
      });
    }
  }
});

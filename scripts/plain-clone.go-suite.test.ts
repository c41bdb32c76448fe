// The test suite run from a copy of the checkout (its tracked files, as a clone has them) three
// ways: with nothing beside it (a user's clone), with ../shared beside it (our machines, CI),
// and with ../shared holding an empty conformance folder. Kept cheap: vitest lists the test
// files and runs one small file each time, which is enough to see which files are in, the
// one-line notice, and the failure. (Needs ../shared to build the second case, so it is a
// go-suite test itself.)

import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCheckout, vitestIn } from './lib/checkout-copy';
import { requireGoSuite, SHARED_DIR } from './lib/go-suite';

requireGoSuite();
const SMALL_TEST = 'src/trace/go/strconv.test.ts';
const GO_SUITE_TEST = 'src/trace/dump/wire-golden.go-suite.test.ts';

let tmp = '';

const copyAt = (dir: string) => copyCheckout(join(dir, 'repo'));
const vitest = (repo: string, args: string[]) => vitestIn(repo, args);

const listed = (out: string) => out.split('\n').filter((l) => /\.test\.tsx?$/.test(l.trim()));

describe('the suite from a clone, with and without ../shared beside it', () => {
  let bare = '';
  let withShared = '';
  let emptyShared = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'flightdeck-clone-'));
    bare = copyAt(join(tmp, 'bare'));
    withShared = copyAt(join(tmp, 'ci'));
    symlinkSync(SHARED_DIR, join(tmp, 'ci', 'shared'));
    emptyShared = copyAt(join(tmp, 'empty'));
    mkdirSync(join(tmp, 'empty', 'shared', 'conformance'), { recursive: true });
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('without ../shared: the go-suite files are left out, a run passes and names them once', () => {
    const files = listed(vitest(bare, ['list', '--filesOnly']).out);
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => f.includes('.go-suite.'))).toEqual([]);
    const run = vitest(bare, ['run', SMALL_TEST]);
    expect(run.status, run.out).toBe(0);
    const notices = run.out.split('\n').filter((l) => l.startsWith("Go's golden reader tests not found at ../shared/conformance: "));
    expect(notices, run.out).toHaveLength(1);
    expect(notices[0]).toContain(GO_SUITE_TEST);
  }, 120_000);

  it('with ../shared: every go-suite file is in, they run and pass, and nothing is said to be missing', () => {
    const files = listed(vitest(withShared, ['list', '--filesOnly']).out);
    expect(files.filter((f) => f.includes('.go-suite.')).length).toBeGreaterThanOrEqual(8);
    const run = vitest(withShared, ['run', GO_SUITE_TEST]);
    expect(run.status, run.out).toBe(0);
    expect(run.out).not.toContain("Go's golden reader tests not found");
  }, 120_000);

  it('with ../shared but an empty conformance folder: the go-suite tests fail and say why', () => {
    const run = vitest(emptyShared, ['run', GO_SUITE_TEST]);
    expect(run.status).toBe(1);
    expect(run.out).toContain("Go's conformance files are required here but ../shared/conformance/go-golden/tests holds no golden tests");
  }, 120_000);
});

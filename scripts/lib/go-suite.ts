// Go's own conformance files (golden reader tests, fuzz seeds, regression traces) live in
// ../shared/conformance beside the checkout, not in the project: they are Go's files, and a
// user's clone does not have them. Tests that need them are named *.go-suite.test.ts; this
// module decides whether those run.
//
//   FLIGHTDECK_GO_SUITE=required   they run; the folder must be there and hold Go's files
//   FLIGHTDECK_GO_SUITE=absent     they do not run (said once in the test output)
//   unset                          required when ../shared exists beside the checkout (our
//                                  machines, CI), absent when it does not (a user's clone)
//
// When required, a missing or empty conformance folder is a failure, never a silent skip.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
export const CONFORMANCE_DIR = join(SHARED_DIR, 'conformance');
export const GO_GOLDEN = join(CONFORMANCE_DIR, 'go-golden');
export const GO_GOLDEN_TESTS = join(GO_GOLDEN, 'tests');
export const GO_FUZZ_SEEDS = join(GO_GOLDEN, 'fuzz');
export const GO_REGRESSIONS = join(CONFORMANCE_DIR, 'regressions');

/** The file-name mark of a test that needs Go's conformance files. */
export const GO_SUITE_TEST_GLOB = '**/*.go-suite.test.ts';

export type GoSuiteMode = 'required' | 'absent';

export function goSuiteMode(env: NodeJS.ProcessEnv = process.env): GoSuiteMode {
  const v = env.FLIGHTDECK_GO_SUITE;
  if (v === 'required' || v === 'absent') return v;
  if (v !== undefined && v !== '') throw new Error(`FLIGHTDECK_GO_SUITE=${v}: expected "required" or "absent"`);
  return existsSync(SHARED_DIR) ? 'required' : 'absent';
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** What is wrong with the conformance folder, or null when Go's files are there. */
export function goSuiteProblem(): string | null {
  const where = relative(REPO_ROOT, CONFORMANCE_DIR);
  if (!isDir(CONFORMANCE_DIR)) return `${where} does not exist`;
  const tests = isDir(GO_GOLDEN_TESTS) ? readdirSync(GO_GOLDEN_TESTS).filter((f) => f.endsWith('.test')) : [];
  if (tests.length === 0) return `${relative(REPO_ROOT, GO_GOLDEN_TESTS)} holds no golden tests (*.test)`;
  const seeds = isDir(GO_FUZZ_SEEDS) ? readdirSync(GO_FUZZ_SEEDS) : [];
  if (seeds.length === 0) return `${relative(REPO_ROOT, GO_FUZZ_SEEDS)} holds no fuzz seeds`;
  return null;
}

/**
 * Called by every go-suite test before it reads Go's files: throws a clear error when they
 * are not there (so a required run fails saying why, instead of ENOENT deep in a helper).
 */
export function requireGoSuite(): void {
  const p = goSuiteProblem();
  if (p !== null) {
    throw new Error(`Go's conformance files are required here but ${p} (FLIGHTDECK_GO_SUITE=${goSuiteMode()}; see scripts/lib/go-suite.ts)`);
  }
}

/** The go-suite test files of the repository, relative to its root. */
export function goSuiteTestFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.') || name === 'dist' || name === 'dist-node') continue;
      const p = join(dir, name);
      if (isDir(p)) walk(p);
      else if (name.endsWith('.go-suite.test.ts')) out.push(relative(REPO_ROOT, p));
    }
  };
  for (const top of ['src', 'scripts', 'bench']) if (isDir(join(REPO_ROOT, top))) walk(join(REPO_ROOT, top));
  return out.sort();
}

/** The one line a run without Go's files prints: what did not run and why. */
export function goSuiteNotice(): string | null {
  if (goSuiteMode() !== 'absent') return null;
  const files = goSuiteTestFiles();
  const why = existsSync(SHARED_DIR) ? 'left out (FLIGHTDECK_GO_SUITE=absent)' : `not found at ${relative(REPO_ROOT, CONFORMANCE_DIR)}`;
  return `Go's golden reader tests ${why}: ${files.length} files not run (${files.join(', ')})`;
}

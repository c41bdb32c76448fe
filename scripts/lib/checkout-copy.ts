// A copy of the checkout's tracked files (as a clone of the current work has them: the working
// tree's content, no untracked files), sharing node_modules by a symlink. Used to run the test
// suite somewhere we may break or rearrange: the plain-clone test and the mutation step.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './go-suite';

/** Copies the tracked files of the checkout to `dest` and links node_modules; returns dest. */
export function copyCheckout(dest: string): string {
  const ls = spawnSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (ls.status !== 0) throw new Error(`git ls-files: ${ls.stderr}`);
  for (const f of ls.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(REPO_ROOT, f))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    copyFileSync(join(REPO_ROOT, f), join(dest, f));
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dest, 'node_modules'));
  return dest;
}

/** Runs vitest in a copy: exit status and output. The copy decides for itself about ../shared. */
export function vitestIn(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number; out: string } {
  const e: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', ...env };
  if (!('FLIGHTDECK_GO_SUITE' in env)) delete e.FLIGHTDECK_GO_SUITE;
  for (const k of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'NODE_V8_COVERAGE']) delete e[k];
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), ...args], { cwd: dir, env: e, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, out: r.stdout + r.stderr };
}

// Conformance step: brand-new traces. Copies testdata/traces to a temporary folder, rebuilds
// and re-runs every Go program there with each toolchain (scripts/regen-testdata.ts), has Go
// dump the new traces, and compares our dumps with Go's (scripts/conformance/go-compare.ts).
// The committed traces are checked by the go-compare step; this one shows the match is not
// an accident of the traces we happened to commit. Needs `go`: without it the step fails,
// unless --no-go asks to skip it (said loudly).
//
// `npm run regen-testdata` is the same regeneration, written into testdata/traces.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { couldNotCompare, goOnPath, NO_GO } from '../lib/go-needed';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

if (NO_GO || !goOnPath()) {
  const failed = couldNotCompare('go fresh', 'freshly written traces', NO_GO ? '--no-go' : '`go` is not on PATH');
  process.exit(failed ? 1 : 0);
}

const dir = mkdtempSync(join(tmpdir(), 'flightdeck-fresh-'));
let status = 1;
try {
  cpSync(join(ROOT, 'testdata', 'traces'), dir, { recursive: true });
  const env = { ...process.env, FLIGHTDECK_TRACES_DIR: dir };
  const node = (script: string, args: string[] = []) =>
    spawnSync(process.execPath, [...process.execArgv, join(ROOT, script), ...args], { stdio: 'inherit', env }).status ?? 1;
  const t0 = performance.now();
  if (node('scripts/regen-testdata.ts') !== 0) {
    console.log('go fresh: regenerating the traces failed');
  } else {
    console.log(`go fresh: regenerated every trace with Go in ${((performance.now() - t0) / 1000).toFixed(0)} s; comparing`);
    status = node('scripts/conformance/go-compare.ts', ['--no-go']);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);

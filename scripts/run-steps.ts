// Runs a folder of standalone tsx scripts one after another, streaming their output, and
// closes with one line per script and an overall verdict. Used by `npm run conformance`
// (scripts/conformance/*.ts) and `npm run bench` (bench/*.bench.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function runSteps(title: string, dir: string, suffix: string, preferredOrder: string[], args: string[]): number {
  const found = readdirSync(dir).filter((f) => f.endsWith(suffix) && !f.endsWith('.test.ts')).sort();
  const rank = (f: string) => {
    const i = preferredOrder.indexOf(f.slice(0, -suffix.length));
    return i < 0 ? preferredOrder.length : i;
  };
  found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const only = args.filter((a) => !a.startsWith('-'));
  const steps = only.length ? found.filter((f) => only.some((o) => f.startsWith(o))) : found;
  const results: [string, number, number][] = [];
  for (const file of steps) {
    console.log(`\n== ${title}: ${file}`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...process.execArgv, join(dir, file), ...args.filter((a) => a.startsWith('-'))], {
      stdio: 'inherit',
      env: process.env,
    });
    results.push([file, r.status ?? 1, (performance.now() - t0) / 1000]);
  }
  console.log(`\n== ${title} summary`);
  for (const [file, status, secs] of results) console.log(`${status === 0 ? 'ok  ' : 'FAIL'} ${file} (${secs.toFixed(1)} s)`);
  const failed = results.filter(([, s]) => s !== 0).length;
  console.log(`${title}: ${results.length - failed} passed, ${failed} failed`);
  return failed === 0 && results.length > 0 ? 0 : 1;
}

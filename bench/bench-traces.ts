// The bench traces, shared by `npm run bench -- parse` and `npm run bench -- load`: real Go
// execution traces made at bench time by the Go programs in bench/go (a busy scheduler
// workload, and an HTTP server under load with tens of thousands of goroutines, tasks and
// regions), cached under bench/out (gitignored) so later runs reuse them. Go's own reader
// (golang.org/x/exp/trace, bench/go/xexpparse) is built beside them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const MB = 1e6;
const GO_DIR = join(ROOT, 'bench/go');
const BIN = join(ROOT, 'bench/out/bin');
const TRACES = join(ROOT, 'bench/out/traces');

export interface BenchTrace {
  name: string;
  file: string;
}

export function haveGo(): boolean {
  return spawnSync('go', ['version']).status === 0;
}

/** Builds bench/go/<name> into bench/out/bin (go build is a no-op when nothing changed). */
export function goBinary(name: string): string {
  mkdirSync(BIN, { recursive: true });
  const out = join(BIN, name);
  const r = spawnSync('go', ['build', '-o', out, `./${name}`], { cwd: GO_DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`building bench/go/${name} failed`);
  return out;
}

/** Runs program until its trace reaches bytes, unless the cached file exists already. */
function make(program: string, name: string, bytes: number): BenchTrace {
  mkdirSync(TRACES, { recursive: true });
  const file = join(TRACES, `${name}-${Math.round(bytes / MB)}MB.trace`);
  if (!existsSync(file)) {
    const bin = goBinary(program);
    console.log(`making ${file} with bench/go/${program} (once; cached)`);
    const tmp = `${file}.partial`;
    const r = spawnSync(bin, [tmp, String(bytes)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`running bench/go/${program} failed`);
    renameSync(tmp, file);
  }
  return { name, file };
}

/** The busy-workload and HTTP-server traces (--quick: smaller ones; --only=busy or http: one). */
export function benchTraces(quick: boolean): BenchTrace[] {
  const only = flag('only');
  const all = [
    { name: 'busy', workload: 'busy', mb: quick ? 20 : 60 },
    { name: 'http', workload: 'httpload', mb: quick ? 30 : 80 },
  ].filter((t) => only === undefined || t.name === only);
  if (all.length === 0) throw new Error(`--only=${only}: the bench traces are busy and http`);
  return all.map((t) => make(t.workload, t.name, t.mb * MB));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The value of --name=V or --name V on the command line, if given. */
export function flag(name: string): string | undefined {
  const args = process.argv;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return undefined;
}

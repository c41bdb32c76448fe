// Real Go traces for the benches, made at bench time by the Go programs in bench/go (traces
// that big cannot be committed): each program is built once and run under runtime/trace until
// its trace reaches the size asked for. With a kept directory (--traces=DIR) a trace already
// there is reused, so figures taken on different commits read the same file.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const MB = 1e6;

export function haveGo(): boolean {
  return spawnSync('go', ['version']).status === 0;
}

/** Programs under bench/go that write a trace: `PROGRAM OUT.trace TARGET_BYTES`. */
export type TraceProgram = 'busy' | 'viewerload';

/**
 * The path of a trace of about `mb` MB written by `program` into `dir` (reused when a trace of
 * that program and size is already there). Throws if Go cannot build or run it.
 */
export function benchTrace(dir: string, program: TraceProgram, mb: number): string {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${program}-${mb}MB.trace`);
  if (existsSync(out) && statSync(out).size >= mb * MB) return out;
  const bin = join(dir, program);
  if (!existsSync(bin)) {
    const b = spawnSync('go', ['build', '-o', bin, `./${program}`], { cwd: join(ROOT, 'bench/go'), stdio: 'inherit' });
    if (b.status !== 0) throw new Error(`building bench/go/${program} failed`);
  }
  const r = spawnSync(bin, [out, String(Math.round(mb * MB))], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`running ${program} failed`);
  return out;
}

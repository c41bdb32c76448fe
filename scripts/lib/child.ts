// Child processes for the conformance steps, run a few at a time: most of a step's time is Go
// printing dumps, one process per trace, and the machine's other cores can print the next.

import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface ChildResult {
  /** Exit status; null when a signal (the timeout) ended it, -1 when it could not start. */
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** How many children a step runs at once: one per core. */
export const CHILDREN_AT_ONCE = Math.max(1, availableParallelism());

/** Runs cmd to its end; keepStdout false discards what it prints (a dump only judged by its exit). */
export function runChild(
  cmd: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; keepStdout?: boolean; timeoutMs?: number } = {},
): Promise<ChildResult> {
  const keep = options.keepStdout ?? true;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: options.env, stdio: ['ignore', keep ? 'pipe' : 'ignore', 'pipe'], timeout: options.timeoutMs ?? 300_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => resolve({ status: -1, stdout: Buffer.alloc(0), stderr: String(e) }));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** fn over every item, at most `limit` at once; the results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// Running Go's `go tool trace -d=parsed` many times: `go tool -n trace` names the cached
// binary once, and each trace is then read by that binary directly (about 10 ms a run instead
// of the ~300 ms the `go tool` launcher adds). Always in UTC: Go's parsed dump prints Sync wall
// times in the local zone (see testdata/README.md).

import { spawn, spawnSync } from 'node:child_process';
import type { ParsedOutcome } from './parsed-outcome';

export interface GoTraceTool {
  /** What `go version` says of the toolchain, e.g. "go1.26.8". */
  version: string;
  path: string;
}

function env(gotoolchain: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: gotoolchain, TZ: 'UTC' };
  delete e.GODEBUG;
  delete e.GOFLAGS;
  return e;
}

/** The trace tool of a toolchain, or a sentence saying why it is not there. */
export function findGoTraceTool(gotoolchain = 'local'): GoTraceTool | string {
  const v = spawnSync('go', ['env', 'GOVERSION'], { env: env(gotoolchain), encoding: 'utf8' });
  if (v.error) return '`go` is not on PATH';
  if (v.status !== 0) return `GOTOOLCHAIN=${gotoolchain} go env GOVERSION failed: ${v.stderr.trim()}`;
  const t = spawnSync('go', ['tool', '-n', 'trace'], { env: env(gotoolchain), encoding: 'utf8' });
  if (t.status !== 0) return `go tool -n trace failed: ${t.stderr.trim()}`;
  return { version: v.stdout.trim(), path: t.stdout.trim() };
}

const toolPaths = new Map<string, string>();

/**
 * The trace tool binary `go tool trace` runs under this environment (its GOTOOLCHAIN), found
 * once: run directly, it skips the launcher's ~300 ms. Throws when go cannot name it.
 */
export function traceToolPath(goEnv: NodeJS.ProcessEnv): string {
  const key = goEnv.GOTOOLCHAIN ?? '';
  let path = toolPaths.get(key);
  if (path === undefined) {
    const t = spawnSync('go', ['tool', '-n', 'trace'], { env: goEnv, encoding: 'utf8' });
    if (t.error || t.status !== 0) throw new Error(`go tool -n trace failed: ${String(t.error ?? t.stderr).trim()}`);
    path = t.stdout.trim();
    toolPaths.set(key, path);
  }
  return path;
}

/** `go tool trace -d=parsed FILE`, with TZ=UTC (stderr as raw bytes: see ParsedOutcome). */
export function goParsedSync(tool: GoTraceTool, file: string): ParsedOutcome {
  const r = spawnSync(tool.path, ['-d=parsed', file], { env: env('local'), maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { exitCode: r.status ?? -1, stdout: new Uint8Array(r.stdout), stderr: r.stderr.toString('latin1') };
}

/** The same, without blocking: several can run at once. */
export function goParsed(tool: GoTraceTool, file: string): Promise<ParsedOutcome> {
  return new Promise((done, fail) => {
    const p = spawn(tool.path, ['-d=parsed', file], { env: env('local') });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.stderr.on('data', (c: Buffer) => err.push(c));
    p.on('error', fail);
    p.on('close', (code, signal) =>
      done({
        exitCode: code ?? (signal ? 128 : -1),
        stdout: new Uint8Array(Buffer.concat(out)),
        stderr: Buffer.concat(err).toString('latin1'),
      }),
    );
  });
}

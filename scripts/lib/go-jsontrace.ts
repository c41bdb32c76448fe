// Fetches the Catapult JSON that `go tool trace -http` serves at /jsontrace for a trace file:
// starts Go's viewer on a free local port, reads the address it prints, asks for the views,
// and stops it (the whole process group: `go tool trace` runs the trace binary as a child).
import { spawn } from 'node:child_process';
import { traceToolPath } from './go-trace-tool';

export type JsonView = 'proc' | 'thread';

export interface GoJsonResult {
  /** Body per view; null when Go's viewer refused the trace (its stderr in `error`). */
  readonly bodies: Partial<Record<JsonView, string>>;
  readonly error: string | null;
}

/** The query string of a view on /jsontrace. */
function viewQuery(v: JsonView): string {
  return v === 'thread' ? '?view=thread' : '';
}

export async function fetchGoJsonTrace(file: string, env: NodeJS.ProcessEnv, views: JsonView[], timeoutMs = 120_000): Promise<GoJsonResult> {
  const child = spawn(traceToolPath(env), ['-http=127.0.0.1:0', file], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const stop = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    const url = await new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      const onData = (b: Buffer) => {
        log += b.toString('utf8');
        const m = /listening on (http:\/\/[0-9.:]+)/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
    if (url === null) return { bodies: {}, error: log.trim() || 'go tool trace did not start' };
    const bodies: Partial<Record<JsonView, string>> = {};
    for (const v of views) {
      const res = await fetch(`${url}/jsontrace${viewQuery(v)}`);
      bodies[v] = await res.text();
    }
    return { bodies, error: null };
  } finally {
    stop();
  }
}

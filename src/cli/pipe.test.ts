// The real process: a reader that closes the pipe early (`flightdeck dump … | head -1`) ends
// the command quietly, with no stack trace on stderr.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

describe('flightdeck dump into a closed pipe', () => {
  it('stops quietly when the reader goes away', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'dump', '--mode=parsed', join(ROOT, 'testdata/traces/syscallsteal.go126.trace')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const first = await new Promise<string>((res) => child.stdout.once('data', (d) => res(String(d))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    expect(first.startsWith('M=-1 P=-1 G=-1 Sync')).toBe(true);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

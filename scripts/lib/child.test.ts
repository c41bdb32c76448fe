import { describe, expect, it } from 'vitest';
import { mapLimit, runChild } from './child';

describe('mapLimit', () => {
  it('gives the results in the items’ order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const items = [30, 5, 20, 1, 15, 10, 2];
    const out = await mapLimit(items, 3, async (ms, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(items.map((ms, i) => `${i}:${ms}`));
    expect(most).toBe(3);
  });

  it('passes a failure on', async () => {
    await expect(mapLimit([1, 2, 3], 2, async (x) => {
      if (x === 2) throw new Error('two');
      return x;
    })).rejects.toThrow('two');
  });
});

describe('runChild', () => {
  it('gives the exit status, what the child printed, and stdout only when kept', async () => {
    const script = "process.stdout.write('out'); process.stderr.write('err'); process.exit(3)";
    const kept = await runChild(process.execPath, ['-e', script]);
    expect(kept).toEqual({ status: 3, stdout: Buffer.from('out'), stderr: 'err' });
    const dropped = await runChild(process.execPath, ['-e', script], { keepStdout: false });
    expect(dropped.stdout.length).toBe(0);
    expect(dropped.status).toBe(3);
  });

  it('says when the command cannot start', async () => {
    const r = await runChild('/nonexistent/flightdeck-no-such-tool', []);
    expect(r.status).toBe(-1);
    expect(r.stderr).toMatch(/ENOENT/);
  });
});

// `flightdeck validate` and `flightdeck dump --mode=parsed` over real committed traces: exit
// 0 for whole traces, exit 1 with Go's error text for damaged ones, and the parsed dump's raw
// bytes for strings that are not UTF-8.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import { readFileCapped } from '../node-io';
import { runCli } from '../run';

const TRACES = join(__dirname, '../../../testdata/traces');

function memIO() {
  const out: (string | Uint8Array)[] = [];
  let err = '';
  const io: CliIO = {
    out: (t) => void out.push(t),
    err: (t) => void (err += t),
    readInput: async (p) => readFileCapped(p),
    writeOutput: async () => undefined,
  };
  const stdout = () => Buffer.concat(out.map((c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.from(c))));
  return { io, stdout, stderr: () => err };
}

describe('flightdeck validate', () => {
  it('accepts a whole real trace', async () => {
    const m = memIO();
    expect(await runCli(['validate', join(TRACES, 'gcstress.go126.trace')], m.io)).toBe(0);
    expect(m.stdout().toString()).toMatch(/^ok: \d+ events in \d+ generations\n$/);
  });

  it("rejects a truncated trace with Go's message and says what was kept", async () => {
    const m = memIO();
    expect(await runCli(['validate', join(TRACES, 'damaged-truncmid.go126.trace')], m.io)).toBe(1);
    expect(m.stderr().split('\n')[0]).toBe('failed to read full batch: read 12 but wanted 24');
  });

  it('rejects a trace whose wall clock goes back (the validator, not the reader)', async () => {
    const m = memIO();
    expect(await runCli(['validate', join(TRACES, 'damaged-wallback.go126.trace')], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/sync 2 has non-increasing wall time/);
  });
});

describe('flightdeck dump --mode=parsed', () => {
  it("prints what Go's -d=parsed prints", async () => {
    const m = memIO();
    expect(await runCli(['dump', '--mode=parsed', join(TRACES, 'iterpull.go126.trace')], m.io)).toBe(0);
    const { gunzipSync } = await import('node:zlib');
    expect(m.stdout().equals(gunzipSync(readFileSync(join(TRACES, 'iterpull.go126.trace.parsed.txt.gz'))))).toBe(true);
  });
});

// `flightdeck validate` and `flightdeck dump --mode=parsed` over real committed traces: exit
// 0 for whole traces, exit 1 with Go's error text for damaged ones, and the parsed dump's raw
// bytes for strings that are not UTF-8.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import { readFileCapped } from '../node-io';
import { openInputChunks } from '../node-input';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
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

describe('flightdeck validate, reading the file as a stream', () => {
  // The CLI's own input: a file read in pieces (tiny here, so a generation spans many), a
  // gzipped one through zlib.
  const streamIO = (piece: number) => {
    const m = memIO();
    m.io.openInput = (p) => openInputChunks(p, piece);
    return m;
  };
  const dir = mkdtempSync(join(tmpdir(), 'validate-'));

  it('gives the same verdict read in 1 KiB pieces, plain and gzipped', async () => {
    for (const name of ['gcstress.go126.trace', 'annotations.go126.trace']) {
      const whole = memIO();
      expect(await runCli(['validate', join(TRACES, name)], whole.io)).toBe(0);
      const gz = join(dir, `${name}.gz`);
      writeFileSync(gz, gzipSync(readFileSync(join(TRACES, name))));
      for (const file of [join(TRACES, name), gz]) {
        const m = streamIO(1024);
        expect(await runCli(['validate', file], m.io)).toBe(0);
        expect(m.stdout().toString()).toBe(whole.stdout().toString());
      }
    }
  });

  it('a gzip file cut short: the decompressor says so, after the generations that came out whole', async () => {
    // 24 generations: a cut at 70% leaves several whole.
    const gz = gzipSync(readFileSync(join(TRACES, 'syscallsteal.go126.trace')));
    const cut = join(dir, 'cut.trace.gz');
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length * 0.7)));
    const m = streamIO(1024);
    expect(await runCli(['validate', cut], m.io)).toBe(1);
    const lines = m.stderr().split('\n');
    expect(lines[0]).toMatch(/gzip|unexpected end/i);
    expect(lines[1]).toMatch(/^flightdeck validate: trace is truncated \(\d+ complete generations? read before it\)$/);
  });

  it('a damaged trace streamed: the same error as read whole', async () => {
    const whole = memIO();
    expect(await runCli(['validate', join(TRACES, 'damaged-truncmid.go126.trace')], whole.io)).toBe(1);
    const m = streamIO(512);
    expect(await runCli(['validate', join(TRACES, 'damaged-truncmid.go126.trace')], m.io)).toBe(1);
    expect(m.stderr()).toBe(whole.stderr());
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

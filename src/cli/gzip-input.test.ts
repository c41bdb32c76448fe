// The real CLI process on a gzipped trace: read through zlib (recognised by its magic bytes),
// it dumps exactly what Go's `go tool trace -d=parsed` printed for the plain trace.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CliError } from './command';
import { maybeGunzip } from './node-io';

const ROOT = resolve(__dirname, '../..');
const GZ = join(ROOT, 'testdata/gzip/annotations.go126.trace.gz');

describe('flightdeck CLI on a .trace.gz', () => {
  it("prints Go's parsed dump of the trace inside", () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'dump', '--mode=parsed', GZ], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const want = gunzipSync(readFileSync(join(ROOT, 'testdata/traces/annotations.go126.trace.parsed.txt.gz'))).toString('utf8');
    expect(r.stdout).toBe(want);
  });

  it('refuses damaged gzip data and a trace that inflates past the cap, with a clear message', () => {
    const gz = new Uint8Array(readFileSync(GZ));
    expect(() => maybeGunzip('x.trace.gz', gz.subarray(0, gz.length - 50))).toThrow(/x\.trace\.gz: the gzip data is damaged or cut short/);
    const bomb = new Uint8Array(gzipSync(new Uint8Array(8 << 20)));
    expect(() => maybeGunzip('bomb.gz', bomb, 1 << 20)).toThrow(CliError);
    expect(() => maybeGunzip('bomb.gz', bomb, 1 << 20)).toThrow(/more than 1\.0 MiB/);
    const plain = new Uint8Array([1, 2, 3]);
    expect(maybeGunzip('p', plain)).toBe(plain);
  });
});

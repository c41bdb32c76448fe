// Which Go's Unicode tables: Go 1.26 quotes strings with Unicode 15.0 tables, Go 1.27 with
// Unicode 17.0, so `go tool trace` of the two toolchains prints the same trace differently when
// a name holds a character assigned in between. testdata/go/unicode writes such a trace with
// each toolchain, and each trace is dumped by both (testdata/traces, `crossDumps` in the
// manifest): our dumps must equal Go 1.27's by default and Go 1.26's with --go=1.26.

import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedDumps, readCommitted, type CommittedDump } from '../../../scripts/lib/wire-checks';
import { runCli } from '../../cli/run';
import type { CliIO } from '../../cli/command';
import { readFileCapped } from '../../cli/node-io';
import { encodeGoString } from '../go/string';
import { dumpParsed } from './parsed';
import { dumpWire } from './wire';

const DIR = join(__dirname, '../../../testdata/traces');
const dumps = committedDumps().filter((d) => d.file.startsWith('unicode.'));
const release = (d: CommittedDump) => (d.goVersion.startsWith('go1.26') ? '1.26' : '1.27');

describe("Go 1.26's and Go 1.27's Unicode tables", () => {
  it('has the unicode traces of both toolchains, each dumped by both', () => {
    const seen = dumps.filter((d) => d.mode === 'parsed').map((d) => `${d.file} by ${release(d)}`);
    expect(seen.sort()).toEqual([
      'unicode.go126.trace by 1.26',
      'unicode.go126.trace by 1.27',
      'unicode.go127.trace by 1.26',
      'unicode.go127.trace by 1.27',
    ]);
  });

  for (const file of ['unicode.go126.trace', 'unicode.go127.trace']) {
    for (const mode of ['parsed', 'wire'] as const) {
      it(`${file} -d=${mode}: the toolchains differ, and we match each`, () => {
        const bytes = new Uint8Array(readFileSync(join(DIR, file)));
        const go126 = readCommitted(dumps.find((d) => d.file === file && d.mode === mode && release(d) === '1.26')!).stdout;
        const go127 = readCommitted(dumps.find((d) => d.file === file && d.mode === mode && release(d) === '1.27')!).stdout;
        expect(go126.equals(go127)).toBe(false);
        // Go 1.26 escapes the characters Unicode 15.0 lacks; Go 1.27 prints them.
        expect(go126.toString('utf8')).toContain('\\U0002ebf0');
        expect(go126.toString('utf8')).not.toContain('\u{2EBF0}');
        expect(go127.toString('utf8')).toContain('\u{2EBF0}');
        expect(go127.toString('utf8')).toContain('\u{1CC00}\u{1FAE9}\u{2EBF0}');
        // Both escape what neither table has.
        for (const go of [go126, go127]) expect(go.toString('utf8')).toContain('unassigned \\u0378, zero width \\u200b');
        const dump = mode === 'parsed' ? dumpParsed : dumpWire;
        const ours = (goVersion?: string) => Buffer.from(encodeGoString(dump(bytes, goVersion ? { goVersion } : {}).stdout));
        expect(ours().equals(go127)).toBe(true);
        expect(ours('1.27').equals(go127)).toBe(true);
        expect(ours('1.26').equals(go126)).toBe(true);
      });
    }
  }

  it('the CLI takes --go=1.26 and --go=1.27, and refuses other releases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-unicode-'));
    const path = join(dir, 'u.trace');
    writeFileSync(path, readFileSync(join(DIR, 'unicode.go127.trace')));
    const run = async (args: string[]) => {
      const out: (string | Uint8Array)[] = [];
      let err = '';
      const io: CliIO = {
        out: (t) => void out.push(t),
        err: (t) => void (err += t),
        readInput: async (p) => readFileCapped(p),
        writeOutput: async () => {},
      };
      const code = await runCli(args, io);
      const stdout = Buffer.concat(out.map((c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.from(c))));
      return { code, stdout, err };
    };
    const want = (r: '1.26' | '1.27') =>
      readCommitted(dumps.find((d) => d.file === 'unicode.go127.trace' && d.mode === 'parsed' && release(d) === r)!).stdout;
    const old = await run(['dump', '--mode=parsed', '--go=1.26', path]);
    expect(old.code).toBe(0);
    expect(old.stdout.equals(want('1.26'))).toBe(true);
    const newest = await run(['dump', '--mode=parsed', path]);
    expect(newest.stdout.equals(want('1.27'))).toBe(true);
    const bad = await run(['dump', '--mode=parsed', '--go=1.25', path]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^flightdeck dump: --go=1.25: want 1.26 or 1.27\nusage: flightdeck dump --mode=MODE \[--go=RELEASE\] FILE/);
  });
});

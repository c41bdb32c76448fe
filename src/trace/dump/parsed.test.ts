// Real Go traces (testdata/traces, with Go's own dumps in the manifest): our parsed dump must
// equal `go tool trace -d=parsed` byte for byte — stdout, stderr and exit code — for every
// committed trace, damaged ones included.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGoString } from '../go/string';
import { committedDumps, readCommitted } from '../../../scripts/lib/wire-checks';
import { dumpParsed, dumpParsedTo } from './parsed';

const DIR = join(__dirname, '../../../testdata/traces');
const parsedDumps = committedDumps().filter((d) => d.mode === 'parsed');

describe('parsed dump of real traces', () => {
  it('has real traces to compare, some dumped by both toolchains', () => {
    // Committed data: committedDumps() throws on a missing manifest, and a shrunk one fails here.
    expect(parsedDumps.length).toBeGreaterThanOrEqual(50);
    expect(parsedDumps.some((d) => d.cross)).toBe(true);
  });
  for (const d of parsedDumps) {
    it(`${d.file}${d.cross ? ` by ${d.goVersion}` : ''}`, () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, d.file)));
      // As the Go release that printed the dump quotes strings.
      const got = dumpParsed(bytes, { goVersion: d.goVersion });
      const want = readCommitted(d);
      // Compare bytes: Go writes strings' raw bytes.
      expect(Buffer.from(encodeGoString(got.stdout)).equals(want.stdout)).toBe(true);
      expect(got.stderr).toBe(want.stderr);
      expect(got.exitCode).toBe(d.want.exitCode);
    });
  }
});

describe('dumpParsedTo', () => {
  it('streams the same text in chunks', () => {
    const t = parsedDumps.find((x) => x.want.exitCode === 0)!;
    const bytes = new Uint8Array(readFileSync(join(DIR, t.file)));
    const chunks: string[] = [];
    const r = dumpParsedTo(bytes, (c) => chunks.push(c));
    expect(r.exitCode).toBe(0);
    expect(chunks.join('')).toBe(dumpParsed(bytes).stdout);
  });
  it("reports a header error with Go's message and exit 1", () => {
    const r = dumpParsed(new TextEncoder().encode('not a trace at all'));
    expect(r).toEqual({ stdout: '', stderr: 'bad file format: not a Go execution trace?\n', exitCode: 1 });
  });
});

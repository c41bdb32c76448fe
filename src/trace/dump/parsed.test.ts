// Real Go traces (testdata/traces, with Go's own dumps in the manifest): our parsed dump must
// equal `go tool trace -d=parsed` byte for byte — stdout, stderr and exit code — for every
// committed trace, damaged ones included.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeGoString } from '../go/string';
import { dumpParsed, dumpParsedTo } from './parsed';

const DIR = join(__dirname, '../../../testdata/traces');

interface Dump {
  stdout: string;
  stderr: string | null;
  exitCode: number;
}
interface Manifest {
  traces: { file: string; dumps: Record<string, Dump | undefined> }[];
}

// Committed data: a missing manifest fails this file rather than checking nothing.
const manifest: Manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
const withParsed = manifest.traces.filter((t) => t.dumps.parsed);

describe('parsed dump of real traces', () => {
  it('has real traces to compare', () => expect(withParsed.length).toBeGreaterThanOrEqual(50));
  for (const t of withParsed) {
    it(t.file, () => {
      const want = t.dumps.parsed!;
      const bytes = new Uint8Array(readFileSync(join(DIR, t.file)));
      const got = dumpParsed(bytes);
      const stdout = gunzipSync(readFileSync(join(DIR, want.stdout)));
      // Compare bytes: Go writes strings' raw bytes.
      expect(Buffer.from(encodeGoString(got.stdout)).equals(stdout)).toBe(true);
      const stderr = want.stderr ? readFileSync(join(DIR, want.stderr), 'utf8') : '';
      expect(got.stderr).toBe(stderr);
      expect(got.exitCode).toBe(want.exitCode);
    });
  }
});

describe('dumpParsedTo', () => {
  it('streams the same text in chunks', () => {
    const t = withParsed.find((x) => x.dumps.parsed!.exitCode === 0)!;
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

// `go tool trace -d=footprint`: the table Go prints, including where its unstable sort puts
// the 200-odd empty rows.
// (Go's own dumps of our fixtures are in fixture-dumps.test.ts; of Go's golden go123-sync in
// footprint.go-suite.test.ts.)
import { describe, expect, it } from 'vitest';
import { dumpFootprint } from './footprint';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('dumpFootprint', () => {
  it('prints NaN% counts for a trace with no events, as Go does', () => {
    const out = dumpFootprint(latin1('go 1.26 trace\0\0\0'));
    expect(out.exitCode).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('Event                Bytes  %      Count  %');
    expect(lines[2]).toMatch(/^ +0 +0\.00% +0 +NaN%$/);
    expect(lines).toHaveLength(259);
  });

  it('names types past a v1 table <unknown (N)>', () => {
    const out = dumpFootprint(latin1('go 1.11 trace\0\0\0'));
    expect(out.stdout).toContain('<unknown (255)>');
  });

  it("prints nothing but Go's error when reading fails", () => {
    expect(dumpFootprint(latin1('go 1.26 trace\0\0\0\x05\x01\x80'))).toEqual({ stdout: '', stderr: 'unexpected EOF\n', exitCode: 1 });
    expect(dumpFootprint(latin1('nope'))).toEqual({ stdout: '', stderr: 'bad file format: not a Go execution trace?\n', exitCode: 1 });
  });
});

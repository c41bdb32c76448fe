// The header as Go's version.ReadHeader reads it: fmt.Fscanf with "go 1.%d trace\x00\x00\x00".
// Expected outcomes for the unusual headers below were checked against `go tool trace`.
import { describe, expect, it } from 'vitest';
import { HeaderError, headerBytes, readHeader, scanHeader, specsForAny, V2_VERSIONS } from './version';

const enc = (s: string) => new TextEncoder().encode(s);
const NOT_A_TRACE = 'bad file format: not a Go execution trace?';

function fault(s: string): [string, string] {
  try {
    scanHeader(enc(s));
    return ['ok', ''];
  } catch (e) {
    expect(e).toBeInstanceOf(HeaderError);
    return [(e as HeaderError).fault, (e as HeaderError).message];
  }
}

describe('scanHeader', () => {
  it.each(V2_VERSIONS)('reads the header Go writes for 1.%i', (v) => {
    expect(scanHeader(headerBytes(v))).toEqual({ version: v, size: 16 });
    expect(readHeader(headerBytes(v))).toEqual({ version: v, size: 16 });
  });

  it('reads a Go 1.27 trace as 1.26: Go 1.27 kept the format and writes "go 1.26 trace"', () => {
    // Go 1.27's internal/trace/version table ends at Go126 (Current = Go126), like 1.26's.
    expect(readHeader(enc('go 1.26 trace\0\0\0')).version).toBe(26);
    expect(fault('go 1.27 trace\0\0\0')).toEqual(['unsupported-version', 'unknown or unsupported trace version go 1.27']);
  });

  it.each([
    ['go 1.24 trace\0\0\0', 'unknown or unsupported trace version go 1.24'],
    ['go 1.20 trace\0\0\0', 'unknown or unsupported trace version go 1.20'],
    ['go 1.4294967295 trace\0\0\0', 'unknown or unsupported trace version go 1.4294967295'],
  ])('names an unknown version with Go\'s message: %j', (h, msg) => {
    expect(fault(h)).toEqual(['unsupported-version', msg]);
  });

  it.each(['go 1.11 trace\0\0\0', 'go 1.19 trace\0\0\0', 'go 1.21 trace\0\0\0'])(
    'accepts v1 header %j as Go does, and readHeader names it a v1 trace',
    (h) => {
      const { version } = scanHeader(enc(h));
      expect(specsForAny(version)).toEqual([]);
      try {
        readHeader(enc(h));
        expect.unreachable();
      } catch (e) {
        expect((e as HeaderError).fault).toBe('v1-trace');
        expect((e as HeaderError).message).toContain(`go 1.${version}`);
        expect((e as HeaderError).message).toContain('Go 1.11–1.21');
      }
    },
  );

  it.each<[string, number, number]>([
    // fmt's scanner: a space in the format matches any run of spaces, %d skips spaces first,
    // and leading zeros are digits like any other.
    ['go  1.22 trace\0\0\0', 22, 17],
    ['go 1. 22 trace\0\0\0', 22, 17],
    ['go 1.0022\t trace\0\0\0', 22, 19],
    ['go\u00a01.22 trace\0\0\0', 22, 17],
    ['go 1.22\u3000trace\0\0\0', 22, 18],
  ])('accepts %j like Go, consuming the bytes Go consumes', (h, v, size) => {
    expect(scanHeader(enc(h))).toEqual({ version: v, size });
  });

  it.each([
    '',
    'go',
    'go 1.22 trace\0\0',
    'go 1.+22 trace\0\0\0',
    'go 1.4294967318 trace\0\0\0', // past uint32
    'go 1.22\ntrace\0\0\0',
    'go 1.\n22 trace\0\0\0',
    'go 1.\r\n22 trace\0\0\0',
    'go 1.22trace\0\0\0',
    'GO 1.22 trace\0\0\0',
    '\x89PNG\r\n\x1a\n',
  ])('rejects %j with Go\'s not-a-trace message', (h) => {
    expect(fault(h)).toEqual(['not-a-trace', NOT_A_TRACE]);
  });
});

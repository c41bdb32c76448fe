// `go tool trace -d=wire` on small hand-made binaries: stdout, stderr and exit code as Go
// 1.26 printed them for the same bytes.
import { describe, expect, it } from 'vitest';
import { dumpWire } from './wire';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const H22 = 'go 1.22 trace\0\0\0';
const H26 = 'go 1.26 trace\0\0\0';

describe('dumpWire', () => {
  it.each<[string, string, string, string, number]>([
    ['a header alone', H22, '', '', 0],
    ['an odd but valid header', 'go 1.0022\t trace\0\0\0', '', '', 0],
    ['not a trace', 'hello', '', 'bad file format: not a Go execution trace?\n', 1],
    ['an unknown version', 'go 1.24 trace\0\0\0', '', 'unknown or unsupported trace version go 1.24\n', 1],
    ['a v1 trace (Go reads no raw events from it)', 'go 1.11 trace\0\0\0\x01', '', 'invalid event type: 1\n', 1],
    ['an unused 1.26 type (empty name) and a cut event', H26 + '\x34\x35\x80', 'EndOfGeneration\n\n', '', 0],
    ['empty String data (a nil slice: no data line)', H26 + '\x05\x01\x00', 'String id=1\n', '', 0],
    ['data cut short (io.EOF: a quiet stop)', H26 + '\x05\x01\x02a', '', '', 0],
    ['a varint cut short', H26 + '\x05\x01\x80\x80', '', 'unexpected EOF\n', 1],
    ['a stack cut at a frame boundary', H26 + '\x03\x01\x02\x01\x02\x03', '', '', 0],
    ['an experimental batch', H26 + '\x31\x01\x01\x01\x01\x00', 'ExperimentalBatch exp=1 gen=1 m=1 time=1\n', '', 0],
    ['nframes ≥ 2^63 (no frames read)', H26 + '\x03\x01' + '\xff'.repeat(8) + '\x80\x01\x01', 'Stack id=1 nframes=9295429630892703743\n', '', 0],
    ['an overflowing varint', H22 + '\x01' + '\xff'.repeat(9) + '\x02', '', 'binary: varint overflows a 64-bit integer\n', 1],
    [
      'quoted data, then an error after it',
      H26 + '\x05\x01\x04\xff\xfe\x22\xe2\x80\x8b',
      'String id=1\n\tdata="\\xff\\xfe\\"\\xe2"\n',
      'unexpected EOF\n',
      1,
    ],
    ['control characters in data', H26 + '\x05\x01\x0b\x07\x08\x0c\x0a\x0d\x09\x0b\x7f\x00\x5c\x27', 'String id=1\n\tdata="\\a\\b\\f\\n\\r\\t\\v\\x7f\\x00\\\\\'"\n', '', 0],
    ['a 1.22 event type the version lacks', H22 + '\x2d', '', 'invalid event type: 45\n', 1],
  ])('%s', (_, input, stdout, stderr, exitCode) => {
    expect(dumpWire(latin1(input))).toEqual({ stdout, stderr, exitCode });
  });
});

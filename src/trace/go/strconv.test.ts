// Quoting and unquoting as Go's strconv does it; expected strings are Go's outputs.
import { describe, expect, it } from 'vitest';
import { binaryToBytes, bytesToBinary, goQuote, goReleaseOf, goUnquote, isGoPrint, parseUint64, trimSpace, utf8Binary } from './strconv';

const q = (bytes: number[]) => goQuote(bytesToBinary(new Uint8Array(bytes)));

describe('goQuote', () => {
  it.each<[string, number[], string]>([
    ['control characters', [7, 8, 12, 10, 13, 9, 11, 0x7f, 0, 0x5c, 0x27], '"\\a\\b\\f\\n\\r\\t\\v\\x7f\\x00\\\\\'"'],
    ['invalid UTF-8 byte by byte', [0xff, 0xfe, 0x22, 0xe2], '"\\xff\\xfe\\"\\xe2"'],
    ['a valid U+FFFD kept, a surrogate encoding escaped', [0xef, 0xbf, 0xbd, 0xed, 0xa0, 0x80], '"\uFFFD\\xed\\xa0\\x80"'],
    ['non-printing U+00A0 and a lone lead byte', [0xc2, 0xa0, 0xc2], '"\\u00a0\\xc2"'],
    ['an emoji and a combining mark kept', [0xf0, 0x9f, 0x98, 0x80, 0xcc, 0x81], '"\u{1F600}\u0301"'],
  ])('%s', (_, bytes, want) => {
    expect(q(bytes)).toBe(want);
  });

  it("uses the Go release's Unicode tables, not the host's: 15.0 for Go 1.26, 17.0 for Go 1.27", () => {
    // U+0378 is unassigned; U+E0001 is a format character; U+2028 is a separator.
    for (const go of ['1.26', '1.27'] as const) {
      expect(goQuote(utf8Binary('\u0378\u{1F600}\u{E0001}\u2028'), go)).toBe('"\\u0378\u{1F600}\\U000e0001\\u2028"');
      expect(isGoPrint(0x4e00, go)).toBe(true);
    }
    // Assigned after Unicode 15.0 (15.1: CJK Ext. I U+2EBF0; 16.0: U+1CC00, U+1FAE9). What each
    // toolchain's strconv.Quote printed for them (Go 1.26.8, Go 1.27.3):
    const s = utf8Binary('\u{1CC00}\u{1FAE9}\u{2EBF0}');
    expect(goQuote(s, '1.26')).toBe('"\\U0001cc00\\U0001fae9\\U0002ebf0"');
    expect(goQuote(s, '1.27')).toBe('"\u{1CC00}\u{1FAE9}\u{2EBF0}"');
    // The newest Go's tables by default.
    expect(goQuote(s)).toBe(goQuote(s, '1.27'));
    for (const r of [0x1cc00, 0x1fae9, 0x2ebf0]) {
      expect(isGoPrint(r, '1.26')).toBe(false);
      expect(isGoPrint(r, '1.27')).toBe(true);
    }
  });

  it('names the release of a Go version', () => {
    expect(['1.26', 'go1.26.8', '1.27', 'go1.27.3', ' go1.27 '].map(goReleaseOf)).toEqual(['1.26', '1.26', '1.27', '1.27', '1.27']);
    expect(['1.25', 'go1.28.0', 'latest', ''].map(goReleaseOf)).toEqual([null, null, null, null]);
  });
});

describe('goUnquote', () => {
  it.each<[string, string | null]>([
    ['"abc"', 'abc'],
    ['"\\x00\\xff\\u00e9\\U0001F600\\101\\n\\\\\\""', '\x00\xff' + utf8Binary('é\u{1F600}') + 'A\n\\"'],
    ['`raw\r\\n`', 'raw\\n'],
    ["'a'", 'a'],
    ["''", ''],
    ['"unterminated', null],
    ['"a"b', null],
    ['"\\q"', null],
    ['"\\400"', null],
    ['"\\uD800"', null],
    ["'ab'", null],
    ['"a\nb"', null],
    ["\"\\'\"", null],
    ['x', null],
  ])('%j', (input, want) => {
    expect(goUnquote(input)).toBe(want);
  });

  it('replaces invalid UTF-8 with U+FFFD only on the escaping path, as Go does', () => {
    expect(goUnquote('"\xff"')).toBe(utf8Binary('\uFFFD'));
    expect(goUnquote('"\\n\xff"')).toBe('\n' + utf8Binary('\uFFFD'));
    expect(goUnquote('"' + utf8Binary('é') + '"')).toBe(utf8Binary('é'));
  });

  it('round-trips every byte value through goQuote', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const quoted = utf8Binary(goQuote(bytesToBinary(all)));
    expect(binaryToBytes(goUnquote(quoted)!)).toEqual(all);
  });
});

describe('parseUint64 and trimSpace', () => {
  it("parses like strconv.ParseUint(s, 10, 64), with Go's error text", () => {
    expect(parseUint64('18446744073709551615')).toEqual({ value: 2n ** 64n - 1n });
    expect(parseUint64('007')).toEqual({ value: 7n });
    expect(parseUint64('18446744073709551616')).toEqual({ error: 'strconv.ParseUint: parsing "18446744073709551616": value out of range' });
    expect(parseUint64('')).toEqual({ error: 'strconv.ParseUint: parsing "": invalid syntax' });
    expect(parseUint64('-1')).toEqual({ error: 'strconv.ParseUint: parsing "-1": invalid syntax' });
    expect(parseUint64('1_000')).toEqual({ error: 'strconv.ParseUint: parsing "1_000": invalid syntax' });
    expect(parseUint64('99999999999999999999x')).toEqual({ error: 'strconv.ParseUint: parsing "99999999999999999999x": value out of range' });
  });

  it('trims Unicode space at both ends', () => {
    expect(trimSpace(utf8Binary('\u00a0 \t x y \u3000\n'))).toBe('x y');
    expect(trimSpace('\xff ')).toBe('\xff');
    expect(trimSpace('   ')).toBe('');
  });
});

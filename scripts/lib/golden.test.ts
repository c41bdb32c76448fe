import { describe, expect, it } from 'vitest';
import { meetsExpectation, parseExpectation, parseGoldenTest, parseTxtar, re2ToRegExp } from './golden';

describe('golden test files', () => {
  it('splits a txtar archive into its comment and files', () => {
    const a = parseTxtar('note\n-- expect --\nSUCCESS\n-- trace --\nTrace Go1.22\nEventBatch gen=1 m=1 time=1 size=0');
    expect(a.comment).toBe('note\n');
    expect(a.files).toEqual([
      { name: 'expect', data: 'SUCCESS\n' },
      { name: 'trace', data: 'Trace Go1.22\nEventBatch gen=1 m=1 time=1 size=0\n' },
    ]);
  });

  it('reads SUCCESS and FAILURE "<quoted RE2>" expectations', () => {
    expect(parseExpectation('SUCCESS\n')).toEqual({ success: true });
    const f = parseExpectation('FAILURE ".*expected a proc but didn\'t have one.*"\n');
    expect(f.success).toBe(false);
    if (f.success) return;
    expect(f.pattern).toBe(".*expected a proc but didn't have one.*");
    expect(meetsExpectation(f, "broken trace: expected a proc but didn't have one")).toBe(true);
    expect(meetsExpectation(f, 'something else')).toBe(false);
    expect(meetsExpectation(f, null)).toBe(false);
    expect(meetsExpectation({ success: true }, null)).toBe(true);
    expect(() => parseExpectation('FAILURE\n')).toThrow(/bad header line for FAILURE/);
    expect(() => parseExpectation('MAYBE\n')).toThrow(/bad header line/);
    expect(() => parseExpectation('FAILURE "unterminated\n')).toThrow(/malformed pattern/);
  });

  it('turns RE2 syntax into an equivalent JS RegExp', () => {
    expect(re2ToRegExp('(?i)Invalid \\Qa.b(c)\\E\\z').test('invalid a.b(c)')).toBe(true);
    expect(re2ToRegExp('(?i)Invalid \\Qa.b(c)\\E\\z').test('invalid aXb(c)')).toBe(false);
    expect(re2ToRegExp('\\Aabc').test('xabc')).toBe(false);
    expect(re2ToRegExp('(?P<n>[[:digit:]]+)$').exec('id 42')?.groups?.n).toBe('42');
    expect(re2ToRegExp('\\pL+').test('é')).toBe(true);
    expect(() => re2ToRegExp('(?U)a+')).toThrow(/no JS equivalent/);
    // Go's default: '.' does not match a newline; (?s) makes it.
    expect(re2ToRegExp('a.b').test('a\nb')).toBe(false);
    expect(re2ToRegExp('(?s)a.b').test('a\nb')).toBe(true);
  });

  it('requires exactly the expect and trace files, in order', () => {
    expect(parseGoldenTest('-- expect --\nSUCCESS\n-- trace --\nTrace Go1.22\n').trace).toBe('Trace Go1.22\n');
    expect(() => parseGoldenTest('-- trace --\nx\n-- expect --\nSUCCESS\n')).toThrow(/first file must be "expect"/);
    expect(() => parseGoldenTest('-- expect --\nSUCCESS\n')).toThrow(/expected 2 files/);
  });
});

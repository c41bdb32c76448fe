// Go's golden trace tests (internal/trace/testdata/tests/*.test): a txtar archive with an
// `expect` file (SUCCESS, or FAILURE and a Go-quoted RE2 pattern, per
// internal/trace/testtrace/expectation.go) and a `trace` file in the text format.

import { bytesToBinary, goUnquote } from '../../src/trace/go/strconv';

export interface TxtarFile {
  name: string;
  data: string;
}

/** golang.org/x/tools/txtar: `-- NAME --` lines start files; text before the first is a comment. */
export function parseTxtar(text: string): { comment: string; files: TxtarFile[] } {
  const lines = text.split(/(?<=\n)/);
  const files: TxtarFile[] = [];
  let comment = '';
  let cur: TxtarFile | null = null;
  for (const line of lines) {
    const m = /^-- (.+?) --\r?\n?$/.exec(line);
    if (m && m[1].trim() !== '') {
      cur = { name: m[1].trim(), data: '' };
      files.push(cur);
      continue;
    }
    if (cur) cur.data += line;
    else comment += line;
  }
  // txtar gives every file (and the comment) a final newline.
  for (const f of files) if (f.data !== '' && !f.data.endsWith('\n')) f.data += '\n';
  return { comment, files };
}

export type Expectation = { success: true } | { success: false; pattern: string; regexp: RegExp };

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/**
 * An RE2 pattern as a JS RegExp with the same meaning for the syntax Go's tests use:
 * leading (?flags) groups, (?P<name>…), \A and \z, \Q…\E, POSIX classes. Throws on
 * RE2 features JS lacks (ungreedy mode).
 */
export function re2ToRegExp(pattern: string): RegExp {
  let flags = '';
  let p = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(p);
  if (lead) {
    if (lead[1].includes('U')) throw new Error(`RE2 flag U has no JS equivalent: ${pattern}`);
    flags += lead[1];
    p = p.slice(lead[0].length);
  }
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const lit = end < 0 ? p.slice(i + 2) : p.slice(i + 2, end);
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end < 0 ? p.length : end + 1;
        continue;
      }
      if ((n === 'p' || n === 'P') && p[i + 2] !== undefined && p[i + 2] !== '{') {
        // RE2 allows a one-letter class without braces (\pL); JS needs \p{L}.
        out += `\\${n}{${p[i + 2]}}`;
        i += 2;
        continue;
      }
      if (n === 'A') out += '^';
      else if (n === 'z') out += '$(?![\\s\\S])';
      else out += c + (n ?? '');
      i++;
      continue;
    }
    if (c === '(' && p.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    if (c === '[' && p[i + 1] === ':') {
      const m = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(i));
      if (m && POSIX[m[2]] !== undefined) {
        if (m[1]) throw new Error(`negated POSIX class is not supported: ${pattern}`);
        out += POSIX[m[2]];
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  if (/\\p/.test(out)) flags += 'u';
  return new RegExp(out, flags);
}

/** testtrace.ParseExpectation: the first line is SUCCESS or FAILURE "<quoted RE2>". */
export function parseExpectation(text: string): Expectation {
  const first = text.split('\n')[0].replace(/\r$/, '');
  const sp = first.indexOf(' ');
  const word = sp < 0 ? first : first.slice(0, sp);
  if (word === 'SUCCESS') return { success: true };
  if (word !== 'FAILURE') throw new Error(`bad header line: ${JSON.stringify(first)}`);
  if (sp < 0) throw new Error(`bad header line for FAILURE: ${JSON.stringify(first)}`);
  const quoted = goUnquote(bytesToBinary(new TextEncoder().encode(first.slice(sp + 1))));
  if (quoted === null) throw new Error(`malformed pattern: ${first.slice(sp + 1)}`);
  const pattern = new TextDecoder().decode(Uint8Array.from(quoted, (ch) => ch.charCodeAt(0)));
  return { success: false, pattern, regexp: re2ToRegExp(pattern) };
}

/** Whether an outcome meets an expectation (testtrace Expectation.Check): the pattern is searched, not anchored. */
export function meetsExpectation(exp: Expectation, error: string | null): boolean {
  if (exp.success) return error === null;
  return error !== null && exp.regexp.test(error);
}

export interface GoldenTest {
  expect: Expectation;
  /** The text-format trace, as in the file. */
  trace: string;
}

/** testtrace.ParseFile's checks: exactly two files, `expect` then `trace`. */
export function parseGoldenTest(text: string): GoldenTest {
  const { files } = parseTxtar(text);
  if (files.length !== 2) throw new Error(`malformed test: expected 2 files, found ${files.length}`);
  if (files[0].name !== 'expect') throw new Error(`malformed test: first file must be "expect", is ${JSON.stringify(files[0].name)}`);
  if (files[1].name !== 'trace') throw new Error(`malformed test: second file must be "trace", is ${JSON.stringify(files[1].name)}`);
  return { expect: parseExpectation(files[0].data), trace: files[1].data };
}

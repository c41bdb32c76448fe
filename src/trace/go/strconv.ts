// The few pieces of Go's strconv, unicode/utf8 and unicode that the trace text format and
// the dumps depend on. Outputs must match Go byte for byte, so these follow Go's rules
// (strconv/quote.go, strconv/atoi.go, unicode/utf8/utf8.go) rather than the host's.
//
// "Byte strings" here are JS strings whose char codes are all 0..255, one per byte: Go
// strings are byte sequences, and keeping them that way avoids lossy UTF-16 round trips.

import { GO_PRINT_RANGES_1_26, GO_PRINT_RANGES_1_27 } from './print-table';

export const RUNE_ERROR = 0xfffd;

/** Bytes → byte string (one char per byte). */
export function bytesToBinary(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(b.subarray(i, Math.min(end, i + 8192))));
  }
  return s;
}

/** Byte string → bytes. */
export function binaryToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** A JS (UTF-16) string → its UTF-8 bytes as a byte string. */
export function utf8Binary(s: string): string {
  return bytesToBinary(new TextEncoder().encode(s));
}

/**
 * Decodes one rune at i of a byte string the way Go's utf8.DecodeRune does: invalid or
 * short sequences, surrogates and overlong forms give (RuneError, 1). Returns rune and size.
 */
export function decodeRune(s: string, i: number): [number, number] {
  return decodeRuneWith((k) => s.charCodeAt(i + k), s.length - i);
}

/** decodeRune over raw bytes. */
export function decodeRuneBytes(b: Uint8Array, i: number): [number, number] {
  return decodeRuneWith((k) => b[i + k], b.length - i);
}

function decodeRuneWith(at: (k: number) => number, n: number): [number, number] {
  if (n <= 0) return [RUNE_ERROR, 0];
  const b0 = at(0);
  if (b0 < 0x80) return [b0, 1];
  const cont = (k: number) => {
    const c = at(k);
    return c >= 0x80 && c <= 0xbf ? c & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    if (n < 2) return [RUNE_ERROR, 1];
    const c1 = cont(1);
    return c1 < 0 ? [RUNE_ERROR, 1] : [((b0 & 0x1f) << 6) | c1, 2];
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    if (n < 3) return [RUNE_ERROR, 1];
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 < 0 || c2 < 0) return [RUNE_ERROR, 1];
    const r = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
    if (r < 0x800 || (r >= 0xd800 && r <= 0xdfff)) return [RUNE_ERROR, 1];
    return [r, 3];
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    if (n < 4) return [RUNE_ERROR, 1];
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return [RUNE_ERROR, 1];
    const r = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (r < 0x10000 || r > 0x10ffff) return [RUNE_ERROR, 1];
    return [r, 4];
  }
  return [RUNE_ERROR, 1];
}

/** Go's utf8.RuneCountInString over a byte string. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; n++) i += decodeRune(s, i)[1];
  return n;
}

/** Go's utf8.AppendRune, as a byte string. */
export function encodeRune(r: number): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = RUNE_ERROR;
  return utf8Binary(String.fromCodePoint(r));
}

/** Go's unicode.IsSpace (the same set fmt's scanner uses). */
export function isGoSpace(r: number): boolean {
  if (r <= 0xff) return (r >= 0x09 && r <= 0x0d) || r === 0x20 || r === 0x85 || r === 0xa0;
  return (
    r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000
  );
}

/** Go's utf8.DecodeLastRune over s[lo:end]. */
function decodeLastRune(s: string, lo: number, end: number): [number, number] {
  let start = end - 1;
  if (s.charCodeAt(start) < 0x80) return [s.charCodeAt(start), 1];
  const lim = Math.max(end - 4, lo);
  for (start--; start >= lim; start--) {
    if ((s.charCodeAt(start) & 0xc0) !== 0x80) break;
  }
  if (start < lo) start = lo;
  const [r, size] = decodeRune(s.slice(0, end), start);
  return start + size !== end ? [RUNE_ERROR, 1] : [r, size];
}

/** Go's strings.TrimSpace over a byte string. */
export function trimSpace(s: string): string {
  let start = 0;
  while (start < s.length) {
    const [r, n] = decodeRune(s, start);
    if (!isGoSpace(r)) break;
    start += n;
  }
  let end = s.length;
  while (end > start) {
    const [r, n] = decodeLastRune(s, start, end);
    if (!isGoSpace(r)) break;
    end -= n;
  }
  return s.slice(start, end);
}

/**
 * The Go release whose strconv tables quoting follows. What strconv.Quote prints literally
 * depends on the Unicode version of the toolchain's tables: Go 1.26 has Unicode 15.0's, Go 1.27
 * Unicode 17.0's, so a character assigned in between (U+1CC00, U+1FAE9, U+2EBF0, ...) is
 * escaped by the one and printed by the other, and `go tool trace` dumps of the same trace
 * differ.
 */
export type GoRelease = '1.26' | '1.27';

/** What we quote like unless told otherwise: the newest Go. */
export const NEWEST_GO: GoRelease = '1.27';

/** "1.26", "go1.26.8", "1.27.3" → the release whose tables apply; null if none of ours. */
export function goReleaseOf(version: string): GoRelease | null {
  const m = /^(?:go)?1\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (m === null) return null;
  const minor = Number(m[1]);
  // Go 1.26 is the oldest release whose traces we dump; releases after 1.27 keep its tables
  // until we carry theirs.
  if (minor === 26) return '1.26';
  if (minor === 27) return '1.27';
  return null;
}

interface PrintTable {
  starts: Uint32Array;
  ends: Uint32Array;
}

const printTables = new Map<GoRelease, PrintTable>();

function printTable(go: GoRelease): PrintTable {
  let t = printTables.get(go);
  if (t !== undefined) return t;
  const nums = (go === '1.26' ? GO_PRINT_RANGES_1_26 : GO_PRINT_RANGES_1_27).split(',').map((x) => parseInt(x, 36));
  t = { starts: new Uint32Array(nums.length / 2), ends: new Uint32Array(nums.length / 2) };
  let at = 0;
  for (let k = 0; k < nums.length; k += 2) {
    at += nums[k];
    t.starts[k / 2] = at;
    at += nums[k + 1];
    t.ends[k / 2] = at; // exclusive
  }
  printTables.set(go, t);
  return t;
}

/** Go's strconv.IsPrint, with the tables of Go release `go`. */
export function isGoPrint(r: number, go: GoRelease = NEWEST_GO): boolean {
  if (r >= 0x20 && r < 0x7f) return true;
  if (r < 0x20 || r === 0x7f) return false;
  const { starts, ends } = printTable(go);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] <= r) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo] <= r;
}

const HEX = '0123456789abcdef';

function hex(v: number, digits: number): string {
  let s = '';
  for (let k = digits - 1; k >= 0; k--) s += HEX[Math.floor(v / 16 ** k) % 16];
  return s;
}

/**
 * Go's strconv.Quote of a byte string, returned as a JS string (the result is always valid
 * UTF-8, so nothing is lost), as Go release `go` quotes it. Follows strconv/quote.go
 * appendQuotedWith.
 */
export function goQuote(s: string, go: GoRelease = NEWEST_GO): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const [r, width] = decodeRune(s, i);
    if (width === 1 && r === RUNE_ERROR) {
      out += '\\x' + hex(s.charCodeAt(i), 2);
      i += 1;
      continue;
    }
    i += width;
    if (r === 0x22 || r === 0x5c) {
      out += '\\' + String.fromCharCode(r);
    } else if (isGoPrint(r, go)) {
      out += String.fromCodePoint(r);
    } else {
      switch (r) {
        case 0x07: out += '\\a'; break;
        case 0x08: out += '\\b'; break;
        case 0x0c: out += '\\f'; break;
        case 0x0a: out += '\\n'; break;
        case 0x0d: out += '\\r'; break;
        case 0x09: out += '\\t'; break;
        case 0x0b: out += '\\v'; break;
        default:
          if (r < 0x20 || r === 0x7f) out += '\\x' + hex(r, 2);
          else if (r < 0x10000) out += '\\u' + hex(r, 4);
          else out += '\\U' + hex(r, 8);
      }
    }
  }
  return out + '"';
}

/** Go's strconv.Quote of raw bytes. */
export function goQuoteBytes(b: Uint8Array, go: GoRelease = NEWEST_GO): string {
  return goQuote(bytesToBinary(b), go);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function isValidUtf8(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    if (r === RUNE_ERROR && n === 1) return false;
    i += n;
  }
  return true;
}

/**
 * Go's strconv.Unquote over a byte string: a double-quoted, back-quoted or single-quoted
 * Go literal. Returns the value as a byte string, or null where Go returns ErrSyntax.
 */
export function goUnquote(s: string): string | null {
  if (s.length < 2) return null;
  const quote = s[0];
  const close = s.indexOf(quote, 1);
  if (close < 0) return null;
  const end = close + 1;
  if (quote === '`') {
    if (end !== s.length) return null;
    return s.slice(1, end - 1).replace(/\r/g, '');
  }
  if (quote !== '"' && quote !== "'") return null;
  const head = s.slice(0, end);
  if (!head.includes('\\') && !head.includes('\n')) {
    const body = s.slice(1, end - 1);
    let valid: boolean;
    if (quote === '"') valid = isValidUtf8(body);
    else {
      const [r, n] = decodeRune(body, 0);
      valid = 2 + n === end && (r !== RUNE_ERROR || n !== 1);
    }
    if (valid) return end === s.length ? body : null;
  }
  let out = '';
  let i = 1;
  while (i < s.length && s[i] !== quote) {
    if (s[i] === '\n') return null;
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      const [r, n] = decodeRune(s, i);
      out += encodeRune(r);
      i += n;
    } else if (c !== 0x5c) {
      out += s[i];
      i++;
    } else {
      if (i + 1 >= s.length) return null;
      const e = s[i + 1];
      i += 2;
      switch (e) {
        case 'a': out += '\x07'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x':
        case 'u':
        case 'U': {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          if (s.length - i < n) return null;
          let v = 0;
          for (let j = 0; j < n; j++) {
            const x = unhex(s.charCodeAt(i + j));
            if (x < 0) return null;
            v = v * 16 + x;
          }
          i += n;
          if (e === 'x') {
            out += String.fromCharCode(v);
          } else {
            if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null;
            out += v < 0x80 ? String.fromCharCode(v) : encodeRune(v);
          }
          break;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          if (s.length - i < 2) return null;
          let v = e.charCodeAt(0) - 0x30;
          for (let j = 0; j < 2; j++) {
            const x = s.charCodeAt(i + j) - 0x30;
            if (x < 0 || x > 7) return null;
            v = v * 8 + x;
          }
          i += 2;
          if (v > 255) return null;
          out += String.fromCharCode(v);
          break;
        }
        case '\\': out += '\\'; break;
        case "'":
        case '"':
          if (e !== quote) return null;
          out += e;
          break;
        default:
          return null;
      }
    }
    if (quote === "'") break;
  }
  if (!(i < s.length && s[i] === quote)) return null;
  return i + 1 === s.length ? out : null;
}

const UINT64_MAX = 0xffff_ffff_ffff_ffffn;

/**
 * Go's strconv.ParseUint(s, 10, 64) over a byte string. Returns the value, or the error
 * text Go's *NumError prints.
 */
export function parseUint64(s: string): { value: bigint } | { error: string } {
  const fail = (why: string) => ({ error: `strconv.ParseUint: parsing ${goQuote(s)}: ${why}` });
  if (s.length === 0) return fail('invalid syntax');
  // Plain numbers first: up to 15 digits are exact in a double.
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return fail('invalid syntax');
    n = n * 10n + BigInt(d);
    if (n > UINT64_MAX) return fail('value out of range');
  }
  return { value: n };
}

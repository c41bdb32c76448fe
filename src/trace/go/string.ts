// Go strings are byte strings; trace strings (function names, labels, log messages) are
// usually UTF-8 but a damaged trace can hold any bytes. We decode them to JavaScript strings
// losslessly: valid UTF-8 decodes normally, and each byte Go's utf8.DecodeRune rejects
// becomes a lone low surrogate U+DC80+(byte-0x80) — the "surrogateescape" trick. Valid UTF-8
// can never produce a lone surrogate, so the original bytes can always be recovered
// (encodeGoString), and Go's %q quoting (quoteGo) prints them as \xNN exactly like Go.

import { decodeRuneBytes, type GoRelease, goQuoteBytes, NEWEST_GO, RUNE_ERROR } from './strconv';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeGoString(b: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < b.length; i++) {
    if (b[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    if (b.length < 64) return String.fromCharCode.apply(null, b as unknown as number[]);
    return strict.decode(b);
  }
  try {
    return strict.decode(b);
  } catch {
    return decodeEscaping(b);
  }
}

/** Decodes rune by rune with Go's rules; an invalid byte consumes one byte and is escaped. */
function decodeEscaping(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const [r, n] = decodeRuneBytes(b, i);
    // (RuneError, 1) is Go's "invalid byte"; a real U+FFFD in the input is 3 bytes long.
    if (r === RUNE_ERROR && n === 1) {
      out += String.fromCharCode(0xdc00 + b[i]);
      i += 1;
    } else {
      out += String.fromCodePoint(r);
      i += n;
    }
  }
  return out;
}

const utf8 = new TextEncoder();

/** The original bytes of a string decoded by decodeGoString (escapes become raw bytes). */
export function encodeGoString(s: string): Uint8Array {
  if (!/[\udc80-\udcff]/.test(s)) return utf8.encode(s);
  const parts: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xdc80 && cp <= 0xdcff) parts.push(cp - 0xdc00);
    else for (const byte of utf8.encode(ch)) parts.push(byte);
  }
  return new Uint8Array(parts);
}

/**
 * Go's strconv.Quote (what %q prints) of the Go string s stands for, as Go release `go` quotes
 * it: the quoting rules live once, in strconv.ts, and work on the original bytes, so escaped
 * invalid bytes print as \xNN.
 */
export function quoteGo(s: string, go: GoRelease = NEWEST_GO): string {
  // Most trace strings are plain printable ASCII without quotes or backslashes.
  if (/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(s)) return '"' + s + '"';
  return goQuoteBytes(encodeGoString(s), go);
}

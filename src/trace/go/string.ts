// Go strings are byte strings; trace strings (function names, labels, log messages) are
// usually UTF-8 but a damaged trace can hold any bytes. We decode them to JavaScript strings
// losslessly: valid UTF-8 decodes normally, and each byte Go's utf8.DecodeRune rejects
// becomes a lone low surrogate U+DC80+(byte-0x80) — the "surrogateescape" trick. Valid UTF-8
// can never produce a lone surrogate, so the original bytes can always be recovered
// (encodeGoString), and Go's %q quoting (quoteGo) prints them as \xNN exactly like Go.

import { isGoPrint } from '../wire/go-strconv';

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
    const [r, n] = decodeRune(b, i);
    if (r < 0) {
      out += String.fromCharCode(0xdc00 + b[i]);
      i += 1;
    } else {
      out += String.fromCodePoint(r);
      i += n;
    }
  }
  return out;
}

/** Go's utf8.DecodeRune, returning -1 for an invalid encoding (width 1). */
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c0 = b[i];
  if (c0 < 0x80) return [c0, 1];
  const n = b.length - i;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => k < n && b[i + k] >= lo && b[i + k] <= hi;
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    if (cont(1)) return [((c0 & 0x1f) << 6) | (b[i + 1] & 0x3f), 2];
  } else if (c0 >= 0xe0 && c0 <= 0xef) {
    const lo = c0 === 0xe0 ? 0xa0 : 0x80;
    const hi = c0 === 0xed ? 0x9f : 0xbf;
    if (cont(1, lo, hi) && cont(2)) return [((c0 & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f), 3];
  } else if (c0 >= 0xf0 && c0 <= 0xf4) {
    const lo = c0 === 0xf0 ? 0x90 : 0x80;
    const hi = c0 === 0xf4 ? 0x8f : 0xbf;
    if (cont(1, lo, hi) && cont(2) && cont(3)) {
      return [((c0 & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f), 4];
    }
  }
  return [-1, 1];
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


const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');

/** Go's strconv.Quote (what %q prints for a string). */
export function quoteGo(s: string): string {
  let out = '"';
  // Fast path for plain printable ASCII without quotes or backslashes.
  if (/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(s)) return out + s + '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xdc80 && cp <= 0xdcff && ch.length === 1) {
      out += '\\x' + hex(cp - 0xdc00, 2);
      continue;
    }
    if (cp === 0x22 || cp === 0x5c) {
      out += '\\' + ch;
      continue;
    }
    if (isGoPrint(cp)) {
      out += ch;
      continue;
    }
    switch (cp) {
      case 0x07:
        out += '\\a';
        continue;
      case 0x08:
        out += '\\b';
        continue;
      case 0x0c:
        out += '\\f';
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
      case 0x0b:
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + '"';
}

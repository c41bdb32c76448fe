// What a file that is not a readable Go trace is instead, from its first bytes: empty, gzip
// (and, from the decompressed start, a gzipped trace or a gzipped pprof profile), a pprof
// profile, a web page, JSON, text (Go's own text trace format among them), or a trace from
// Go 1.5–1.10. Each gets its own words in the viewer instead of one "not a Go trace".
// Pure: the caller inflates a gzip prefix (DecompressionStream in a worker, zlib in Node).

import { scanHeader, V1_VERSIONS } from './version';

export type FileKind =
  | { readonly kind: 'empty' }
  /** inner: what the decompressed start is. */
  | { readonly kind: 'gzip'; readonly inner: 'trace' | 'pprof' | 'other' }
  | { readonly kind: 'pprof' }
  | { readonly kind: 'html' }
  | { readonly kind: 'json' }
  /** Go's text trace format (internal/trace/raw, the golden tests' format). */
  | { readonly kind: 'text-trace' }
  | { readonly kind: 'text'; readonly firstLine: string }
  /** A header from before Go 1.11 ("go 1.8 trace"): Go's tools stopped reading these. */
  | { readonly kind: 'old-trace'; readonly goMinor: number }
  | { readonly kind: 'unknown' };

/** How many leading bytes identifyFile looks at (and how much of a gzip stream to inflate). */
export const SNIFF_BYTES = 4096;

/** RFC 1952: every gzip member starts with ID1 ID2 = 1f 8b and compression method 8 (deflate). */
export function isGzip(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 0x08;
}

/**
 * Names the file from its start. `inflated` is the decompressed start of a gzip file (null
 * when not gzip or when it could not be inflated).
 */
export function identifyFile(bytes: Uint8Array, inflated: Uint8Array | null = null): FileKind {
  if (bytes.length === 0) return { kind: 'empty' };
  if (isGzip(bytes)) {
    const inner = inflated === null ? 'other' : looksLikeTrace(inflated) ? 'trace' : isProfileProto(inflated) ? 'pprof' : 'other';
    return { kind: 'gzip', inner };
  }
  const old = oldTraceVersion(bytes);
  if (old !== null) return { kind: 'old-trace', goMinor: old };
  if (isProfileProto(bytes.subarray(0, SNIFF_BYTES))) return { kind: 'pprof' };
  const text = asText(bytes.subarray(0, SNIFF_BYTES));
  if (text === null) return { kind: 'unknown' };
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<(!doctype html|html|head|body|meta|script|title)\b/i.test(start)) return { kind: 'html' };
  if (/^Trace Go1\.\d+\s/.test(start)) return { kind: 'text-trace' };
  if (/^[[{]/.test(start)) return { kind: 'json' };
  const firstLine = start.split(/\r?\n/, 1)[0].slice(0, 160);
  return { kind: 'text', firstLine };
}

/** A Go trace header (any version Go ever wrote): what a gzipped trace decompresses to. */
function looksLikeTrace(b: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 16));
  return /^go 1\.\d+ trace/.test(head);
}

/** The minor version of a pre-1.11 trace header ("go 1.5 trace" … "go 1.10 trace"), else null. */
function oldTraceVersion(b: Uint8Array): number | null {
  try {
    scanHeader(b);
    return null;
  } catch (e) {
    const v = (e as { goVersion?: number }).goVersion;
    return typeof v === 'number' && v >= 5 && v < Math.min(...V1_VERSIONS) ? v : null;
  }
}

/** The start as text when it is text: valid UTF-8 without control bytes other than whitespace. */
function asText(b: Uint8Array): string | null {
  let s: string;
  try {
    // A cut in the middle of a character at the end of the sample is not a fault.
    s = new TextDecoder('utf-8', { fatal: true }).decode(trimPartialChar(b));
  } catch {
    return null;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return null;
    if (c === 0x7f) return null;
  }
  return s;
}

function trimPartialChar(b: Uint8Array): Uint8Array {
  let end = b.length;
  // Back over up to three continuation bytes to the lead byte of the last character.
  let i = end - 1;
  let cont = 0;
  while (i >= 0 && cont < 3 && (b[i] & 0xc0) === 0x80) {
    i--;
    cont++;
  }
  if (i >= 0) {
    const lead = b[i];
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    if (need > cont) end = i;
  }
  return b.subarray(0, end);
}

// profile.proto (github.com/google/pprof/proto/profile.proto), the format runtime/pprof
// writes: the field numbers of Profile and their wire types (0 varint, 2 length-delimited).
const PROFILE_FIELDS: Record<number, readonly number[]> = {
  1: [2], // sample_type
  2: [2], // sample
  3: [2], // mapping
  4: [2], // location
  5: [2], // function
  6: [2], // string_table
  7: [0], // drop_frames
  8: [0], // keep_frames
  9: [0], // time_nanos
  10: [0], // duration_nanos
  11: [2], // period_type
  12: [0], // period
  13: [0, 2], // comment (packed or not)
  14: [0], // default_sample_type
  15: [0], // doc_url
};

/**
 * Whether the bytes read as the start of a Profile message: every field a Profile field with
 * its wire type, at least three of them, sample_type or period_type among them (runtime/pprof
 * writes both near the start). The last field may be cut off by the end of the sample.
 */
export function isProfileProto(b: Uint8Array): boolean {
  let pos = 0;
  let fields = 0;
  let typed = false;
  const varint = (): number | null => {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= b.length) return null;
      const x = b[pos++];
      v += (x & 0x7f) * mul;
      if (x < 0x80) return v;
      mul *= 128;
    }
    return -1; // more than ten bytes: not a varint
  };
  while (pos < b.length) {
    const tag = varint();
    if (tag === null) break;
    if (tag < 0) return false;
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (!(PROFILE_FIELDS[field] ?? []).includes(wire)) return false;
    if (field === 1 || field === 11) typed = true;
    if (wire === 0) {
      const v = varint();
      if (v === null) break;
      if (v < 0) return false;
    } else {
      const n = varint();
      if (n === null) break;
      if (n < 0) return false;
      pos += n;
    }
    fields++;
  }
  return fields >= 3 && typed;
}

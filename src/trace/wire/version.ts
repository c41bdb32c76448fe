// Trace versions and the 16-byte file header, following Go's internal/trace/version.
//
// Go 1.24 writes the 1.23 format, and Go 1.27 writes the 1.26 format (its version table
// is unchanged and its runtime still writes the header "go 1.26 trace"), so the header versions in use are 22, 23, 25 and 26. Headers 11, 19 and
// 21 belong to the older v1 format (Go 1.11–1.21), which Go reads with a separate parser, and so
// do we (src/trace/v1).

import { Ev, SPECS, type EventSpec } from './specs';
import { WireError } from './errors';
import { decodeRuneBytes, isGoSpace } from '../go/strconv';

export type Version = 22 | 23 | 25 | 26;

export const HEADER_SIZE = 16;
export const CURRENT_VERSION: Version = 26;
export const V1_VERSIONS: readonly number[] = [11, 19, 21];
export const V2_VERSIONS: readonly Version[] = [22, 23, 25, 26];

/** Where each version's event table ends (it is a prefix of the full table). */
const LAST_EVENT: Record<Version, number> = {
  22: Ev.UserLog,
  23: Ev.ExperimentalBatch,
  25: Ev.ClockSnapshot,
  26: SPECS.length - 1,
};

const specsByVersion = new Map<Version, readonly EventSpec[]>(
  V2_VERSIONS.map((v) => [v, SPECS.slice(0, LAST_EVENT[v] + 1)]),
);

/** The event table of a version, as Go's Version.Specs returns it. */
export function specsFor(v: Version): readonly EventSpec[] {
  return specsByVersion.get(v)!;
}

/** Go's Version.EventName: the name, or Invalid(N) for a type the version does not have. */
export function eventName(v: Version, type: number): string {
  const s = specsFor(v);
  if (type < s.length && s[type].name !== '') return s[type].name;
  return `Invalid(${type})`;
}

export function isV2Version(n: number): n is Version {
  return (V2_VERSIONS as readonly number[]).includes(n);
}

/** Header versions Go's version.Valid accepts: v1 and v2. */
export type GoTraceVersion = Version | 11 | 19 | 21;

export function isValidVersion(n: number): n is GoTraceVersion {
  return isV2Version(n) || V1_VERSIONS.includes(n);
}

/** The event table of any valid version; empty for v1, as Go's Version.Specs is nil there. */
export function specsForAny(v: GoTraceVersion): readonly EventSpec[] {
  return isV2Version(v) ? specsFor(v) : [];
}

/** What is wrong with a header, in the user's terms; the message is Go's own. */
export type HeaderFault = 'not-a-trace' | 'unsupported-version' | 'v1-trace';

export class HeaderError extends WireError {
  constructor(fault: HeaderFault, message: string, readonly goVersion?: number) {
    super(fault, message, 0);
    this.name = 'HeaderError';
  }
}

export const NOT_A_TRACE_MESSAGE = 'bad file format: not a Go execution trace?';

export function headerBytes(v: GoTraceVersion): Uint8Array {
  const text = `go 1.${v} trace\0\0\0`;
  return new TextEncoder().encode(text);
}

/**
 * Go's version.ReadHeader: fmt.Fscanf(r, "go 1.%d trace\x00\x00\x00", &v) into a uint32,
 * then Version.Valid. v1 versions (11, 19, 21) are valid here, as they are for Go's raw
 * reader. Returns the version and how many bytes the scan consumed, which is 16 for every
 * header Go writes but can differ: fmt's scanner lets a format space match any run of
 * (non-newline) Unicode spaces, skips spaces before %d, and takes any number of digits.
 * Throws HeaderError.
 */
export function scanHeader(buf: Uint8Array): { version: GoTraceVersion; size: number } {
  const notTrace = () => new HeaderError('not-a-trace', NOT_A_TRACE_MESSAGE);
  let pos = 0;
  const EOF = -1;
  const peek = (): [number, number] => (pos >= buf.length ? [EOF, 0] : decodeRuneBytes(buf, pos));
  const literal = (ch: string) => {
    const [r, n] = peek();
    if (r !== ch.charCodeAt(0)) throw notTrace();
    pos += n;
  };
  // A lone space in the format: at least one non-newline space in the input, or end of input
  // (then the next literal fails anyway).
  const spaces = () => {
    let [r, n] = peek();
    if (r === EOF) return;
    if (!isGoSpace(r) || r === 0x0a) throw notTrace();
    while (r !== EOF && isGoSpace(r) && r !== 0x0a) {
      pos += n;
      [r, n] = peek();
    }
  };
  literal('g');
  literal('o');
  spaces();
  literal('1');
  literal('.');
  // %d into an unsigned: skip spaces (a newline is an error), then one or more ASCII digits.
  for (;;) {
    const [r, n] = peek();
    if (r === EOF) throw notTrace();
    if (r === 0x0a) throw notTrace();
    if (!isGoSpace(r)) break;
    pos += n;
  }
  let v = 0n;
  const digitsStart = pos;
  while (pos < buf.length && buf[pos] >= 0x30 && buf[pos] <= 0x39) {
    if (v <= 0xffff_ffffn) v = v * 10n + BigInt(buf[pos] - 0x30);
    pos++;
  }
  if (pos === digitsStart || v > 0xffff_ffffn) throw notTrace();
  spaces();
  for (const ch of 'trace\0\0\0') literal(ch);
  const version = Number(v);
  if (!isValidVersion(version)) {
    throw new HeaderError('unsupported-version', `unknown or unsupported trace version go 1.${version}`, version);
  }
  return { version, size: pos };
}

/**
 * Reads the header at the start of buf and returns the version, for readers of the v2
 * format only (TraceReader reads both: it uses scanHeader): a v1 header throws HeaderError
 * with fault 'v1-trace'. Throws HeaderError.
 */
export function readHeader(buf: Uint8Array): { version: Version; size: number } {
  const { version, size } = scanHeader(buf);
  if (!isV2Version(version)) {
    throw new HeaderError('v1-trace', v1Message(version), version);
  }
  return { version, size };
}

/**
 * For a reader of the v2 format alone there is no Go message for "this is the old format";
 * ours names it and what reads it.
 */
export function v1Message(version: number): string {
  return `trace version go 1.${version} is the Go 1.11–1.21 trace format, which this reader does not read (TraceReader does); it reads traces from Go 1.22 and later`;
}

// Trace versions and the 16-byte file header, following Go's internal/trace/version.
//
// Go 1.24 writes the 1.23 format, and Go 1.27 writes the 1.26 format (its version table
// is unchanged), so the header versions in use are 22, 23, 25 and 26. Headers 11, 19 and
// 21 belong to the older v1 format (Go 1.11–1.21), which Go still reads and we do not.

import { Ev, SPECS, type EventSpec } from './specs';

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

/** What is wrong with a header, in the user's terms; the message is Go's own. */
export type HeaderFault = 'not-a-trace' | 'unsupported-version' | 'v1-trace';

export class HeaderError extends Error {
  constructor(readonly fault: HeaderFault, message: string, readonly goVersion?: number) {
    super(message);
    this.name = 'HeaderError';
  }
}

export function headerBytes(v: Version): Uint8Array {
  const text = `go 1.${v} trace\0\0\0`;
  return new TextEncoder().encode(text);
}

/**
 * Reads the header at the start of buf and returns the version. The match follows Go's
 * scanf of "go 1.%d trace\x00\x00\x00": a decimal number, then the literal rest.
 * Returns the number of bytes consumed with it.
 */
export function readHeader(buf: Uint8Array): { version: Version; size: number } {
  const notTrace = () => new HeaderError('not-a-trace', 'bad file format: not a Go execution trace?');
  const prefix = 'go 1.';
  let pos = 0;
  for (let i = 0; i < prefix.length; i++, pos++) {
    if (buf[pos] !== prefix.charCodeAt(i)) throw notTrace();
  }
  // scanf's %d accepts an optional sign and then digits.
  let sign = 1;
  if (buf[pos] === 0x2b || buf[pos] === 0x2d) {
    if (buf[pos] === 0x2d) sign = -1;
    pos++;
  }
  const digitsStart = pos;
  let n = 0;
  while (pos < buf.length && buf[pos] >= 0x30 && buf[pos] <= 0x39 && pos - digitsStart < 12) {
    n = n * 10 + (buf[pos] - 0x30);
    pos++;
  }
  if (pos === digitsStart) throw notTrace();
  const suffix = ' trace\0\0\0';
  for (let i = 0; i < suffix.length; i++, pos++) {
    if (buf[pos] !== suffix.charCodeAt(i)) throw notTrace();
  }
  const version = sign * n;
  if (V1_VERSIONS.includes(version)) {
    throw new HeaderError(
      'v1-trace',
      `unknown or unsupported trace version go 1.${version}: a trace from Go 1.11–1.21, which Flightdeck does not read; Go 1.22 and later write the format it reads`,
      version,
    );
  }
  if (!isV2Version(version)) {
    throw new HeaderError('unsupported-version', `unknown or unsupported trace version go 1.${version}`, version);
  }
  return { version, size: pos };
}

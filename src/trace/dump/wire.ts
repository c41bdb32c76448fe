// `go tool trace -d=wire`, byte for byte: every raw event's String() on its own line
// (debugRawEvents in Go's cmd/trace/main.go). On an error Go has already printed the events
// before it, then logAndDie writes the error text and a newline to stderr and exits 1. A
// bare io.EOF inside an event ends the dump quietly, as it does in Go.

import { type GoRelease, goReleaseOf, NEWEST_GO } from '../go/strconv';
import { RawReader, rawEventString } from '../wire/raw';

export interface DumpResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Which Go release a dump follows: `goVersion` as "1.26" or "go1.26.8"; the newest if absent. */
export interface DumpOptions {
  goVersion?: string;
}

/**
 * The release whose quoting a dump follows (go/strconv.ts GoRelease); throws RangeError for a
 * release we have no tables for.
 */
export function dumpRelease(opts: DumpOptions = {}): GoRelease {
  if (opts.goVersion === undefined) return NEWEST_GO;
  const go = goReleaseOf(opts.goVersion);
  if (go === null) throw new RangeError(`no strconv tables for Go ${opts.goVersion}: Go 1.26 and 1.27 are known`);
  return go;
}

/** The stderr text logAndDie prints for an error. */
export function errorText(e: unknown): string {
  return `${e instanceof Error ? e.message : String(e)}\n`;
}

/**
 * Streams the wire dump to write() in chunks (for large traces), and returns what goes to
 * stderr and the exit code.
 */
export function dumpWireTo(
  bytes: Uint8Array,
  write: (chunk: string) => void,
  go: GoRelease = NEWEST_GO,
): { stderr: string; exitCode: number } {
  let r: RawReader;
  try {
    r = RawReader.open(bytes);
  } catch (e) {
    return { stderr: errorText(e), exitCode: 1 };
  }
  let chunk = '';
  try {
    for (let ev = r.next(); ev !== null; ev = r.next()) {
      chunk += rawEventString(ev, go) + '\n';
      if (chunk.length > 1 << 16) {
        write(chunk);
        chunk = '';
      }
    }
  } catch (e) {
    write(chunk);
    return { stderr: errorText(e), exitCode: 1 };
  }
  write(chunk);
  return { stderr: '', exitCode: 0 };
}

/** The whole wire dump, quoting as opts.goVersion's Go release does (the newest by default). */
export function dumpWire(bytes: Uint8Array, opts: DumpOptions = {}): DumpResult {
  const parts: string[] = [];
  const { stderr, exitCode } = dumpWireTo(bytes, (c) => parts.push(c), dumpRelease(opts));
  return { stdout: parts.join(''), stderr, exitCode };
}

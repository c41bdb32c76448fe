// `go tool trace -d=parsed`, byte for byte: every event's String() on its own line
// (debugProcessedEvents in Go's cmd/trace/main.go). On an error the events before it have
// been printed; logAndDie then writes the error text and a newline to stderr and exits 1.
// Where Go's reader would panic instead (a table lookup it assumes cannot fail), we print the
// panic's first line and exit 2, as a Go panic does. Strings are quoted as the newest Go quotes
// them unless a Go release is named (go/strconv.ts GoRelease: Go 1.26 and 1.27 differ).

import { type GoRelease, NEWEST_GO } from '../go/strconv';
import { GoPanic } from '../parse/errors';
import { eventString } from '../parse/event-string';
import { TraceReader } from '../parse/reader';
import { type DumpOptions, dumpRelease, errorText, type DumpResult } from './wire';

const CHUNK = 1 << 16;

/** Streams the parsed dump to write() in chunks; returns stderr and the exit code. */
export function dumpParsedTo(
  bytes: Uint8Array,
  write: (chunk: string) => void,
  go: GoRelease = NEWEST_GO,
): { stderr: string; exitCode: number } {
  let chunk = '';
  try {
    const r = new TraceReader(bytes);
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      chunk += eventString(ev, go) + '\n';
      if (chunk.length > CHUNK) {
        write(chunk);
        chunk = '';
      }
    }
  } catch (e) {
    if (chunk) write(chunk);
    if (e instanceof GoPanic) return { stderr: `panic: ${e.message}\n`, exitCode: 2 };
    return { stderr: errorText(e), exitCode: 1 };
  }
  if (chunk) write(chunk);
  return { stderr: '', exitCode: 0 };
}

export function dumpParsed(bytes: Uint8Array, opts: DumpOptions = {}): DumpResult {
  const parts: string[] = [];
  const { stderr, exitCode } = dumpParsedTo(bytes, (c) => parts.push(c), dumpRelease(opts));
  return { stdout: parts.join(''), stderr, exitCode };
}

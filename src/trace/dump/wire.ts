// `go tool trace -d=wire`, byte for byte: every raw event's String() on its own line
// (debugRawEvents in Go's cmd/trace/main.go). On an error Go has already printed the events
// before it, then logAndDie writes the error text and a newline to stderr and exits 1. A
// bare io.EOF inside an event ends the dump quietly, as it does in Go.

import { RawReader, rawEventString } from '../wire/raw';

export interface DumpResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The stderr text logAndDie prints for an error. */
export function errorText(e: unknown): string {
  return `${e instanceof Error ? e.message : String(e)}\n`;
}

/**
 * Streams the wire dump to write() in chunks (for large traces), and returns what goes to
 * stderr and the exit code.
 */
export function dumpWireTo(bytes: Uint8Array, write: (chunk: string) => void): { stderr: string; exitCode: number } {
  let r: RawReader;
  try {
    r = RawReader.open(bytes);
  } catch (e) {
    return { stderr: errorText(e), exitCode: 1 };
  }
  let chunk = '';
  try {
    for (let ev = r.next(); ev !== null; ev = r.next()) {
      chunk += rawEventString(ev) + '\n';
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

export function dumpWire(bytes: Uint8Array): DumpResult {
  const parts: string[] = [];
  const { stderr, exitCode } = dumpWireTo(bytes, (c) => parts.push(c));
  return { stdout: parts.join(''), stderr, exitCode };
}

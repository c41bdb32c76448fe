// Errors of the trace reader. The message is always Go's own wording for the same fault
// (internal/trace), so users can search for it; the fault tells a UI which of the three kinds
// of failure it is, in words a user understands.

/**
 * - 'truncated': the file ends in the middle of something (a batch, a generation).
 * - 'damaged': the bytes are there but do not make a valid trace.
 * - 'too-large': read in pieces, one generation spans more bytes than the reader holds at once
 *   (not a Go error: Go's reader holds any generation; the message is ours).
 */
export type TraceFault = 'truncated' | 'damaged' | 'too-large';

export class TraceError extends Error {
  constructor(
    message: string,
    readonly fault: TraceFault = faultOf(message),
  ) {
    super(message);
    this.name = 'TraceError';
  }
}

/**
 * Go's io.EOF, returned unwrapped from inside a generation: a structural batch (strings,
 * stacks, CPU samples, sync) whose payload ends where a varint should start. Go's Reader hands
 * it on from ReadEvent like any error (internal/trace/reader.go, after the Sync that closes the
 * last good generation), and every caller compares `err == io.EOF` and stops as at the end of
 * the trace (cmd/trace/main.go: debugProcessedEvents, parseTrace). So the reader never throws
 * it: it ends the trace there, and nothing reports damage.
 */
export class GoEOF extends TraceError {
  constructor() {
    super('EOF', 'truncated');
    this.name = 'GoEOF';
  }
}

/**
 * Go code that would panic (an index out of range, a table lookup that cannot fail) on input
 * Go's own reader accepts. We surface it as an error with the panic's message.
 */
export class GoPanic extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoPanic';
  }
}

function faultOf(message: string): TraceFault {
  return /EOF|truncated|failed to read full/.test(message) ? 'truncated' : 'damaged';
}

// The one error family of the wire layer. Every failure reading trace bytes is a WireError
// whose message is the text Go prints for the same fault, and whose fault names the kind
// of failure in the user's terms.

/** not-a-trace: no Go trace header; unsupported-version: a header Go does not know;
 * v1-trace: Go 1.11–1.21 (Go reads these, we do not); damaged: cut short or corrupt. */
export type WireFault = 'not-a-trace' | 'unsupported-version' | 'v1-trace' | 'damaged';

export class WireError extends Error {
  constructor(readonly fault: WireFault, message: string, readonly offset: number) {
    super(message);
    this.name = 'WireError';
  }
}

/**
 * Go's io.EOF seen where a Go reader treats it as the clean end of the stream (Go
 * compares errors with ==, so io.EOF from the first byte of a record ends a dump
 * quietly). Thrown inside readers; callers that mirror Go stop without an error.
 */
export class CleanEOF extends WireError {
  constructor(offset: number) {
    super('damaged', 'EOF', offset);
    this.name = 'CleanEOF';
  }
}

// What `go tool trace -d=parsed FILE` answers for a trace, and whether our answer is the same.
// Shared by the committed regression fixtures (testdata/regressions, checked by `npm test`) and
// the differential fuzz step (scripts/conformance/fuzz.ts), so both apply one rule:
//
//   - the same exit status;
//   - the same standard output, byte for byte;
//   - the same first line of standard error (Go's error message);
//   - the rest of standard error as a set of lines. After "broken trace: failed to advance"
//     Go prints its ordering state by ranging over maps (internal/trace/order.go), so the
//     order of those lines changes from run to run; which lines appear does not.

import { encodeGoString } from '../../src/trace/go/string';
import { dumpParsed } from '../../src/trace/dump/parsed';

/** One run of a parsed dump: stdout as Go's raw bytes, stderr as text. */
export interface ParsedOutcome {
  exitCode: number;
  stdout: Uint8Array;
  stderr: string;
}

/**
 * Our parsed dump (the code `flightdeck dump --mode=parsed` runs), in Go's byte form, quoting
 * strings as `goVersion`'s Go release does (Go 1.26 and 1.27 differ: src/trace/dump/wire.ts).
 * Always name the toolchain whose answer it is compared with.
 */
export function ourParsed(bytes: Uint8Array, goVersion: string): ParsedOutcome {
  const r = dumpParsed(bytes, { goVersion });
  return { exitCode: r.exitCode, stdout: encodeGoString(r.stdout), stderr: r.stderr };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}

function restLines(s: string): Set<string> {
  const i = s.indexOf('\n');
  return new Set(i < 0 ? [] : s.slice(i + 1).split('\n').filter((l) => l !== ''));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const clip = (s: string) => JSON.stringify(s.length > 160 ? s.slice(0, 160) + '…' : s);

/** How ours differs from Go's, in words; null when they agree by the rule above. */
export function parsedDifference(go: ParsedOutcome, ours: ParsedOutcome): string | null {
  if (go.exitCode !== ours.exitCode) {
    return `exit status ${ours.exitCode}, Go's ${go.exitCode} (our stderr ${clip(firstLine(ours.stderr))}, Go's ${clip(firstLine(go.stderr))})`;
  }
  if (firstLine(go.stderr) !== firstLine(ours.stderr)) {
    return `stderr ${clip(firstLine(ours.stderr))}, Go's ${clip(firstLine(go.stderr))}`;
  }
  if (!sameBytes(go.stdout, ours.stdout)) {
    const a = Buffer.from(go.stdout).toString('latin1').split('\n');
    const b = Buffer.from(ours.stdout).toString('latin1').split('\n');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return `stdout line ${i + 1} (of Go's ${a.length}, our ${b.length}): ours ${clip(b[i] ?? '<end>')}, Go's ${clip(a[i] ?? '<end>')}`;
  }
  const want = restLines(go.stderr);
  const got = restLines(ours.stderr);
  const missing = [...want].filter((l) => !got.has(l));
  const extra = [...got].filter((l) => !want.has(l));
  if (missing.length || extra.length) {
    return `state dump lines differ: ${missing.length} of Go's missing (first ${clip(missing[0] ?? '')}), ${extra.length} extra (first ${clip(extra[0] ?? '')})`;
  }
  return null;
}

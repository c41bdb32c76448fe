// Turns the wire layer's summary into what the first screen says: a verdict in the user's
// words, Go's own message for searching, the generations kept, and how much was lost.
// Pure, so the wording of every fault is tested without a browser.

import type { WireSummary } from '../../worker/parse-protocol';
import { formatBytes, formatInt, plural } from '../format';

export type Verdict = 'ok' | 'not-a-trace' | 'unsupported-version' | 'damaged';

export interface GenRow {
  readonly gen: string;
  readonly batches: number;
  readonly bytes: number;
  /** Offset of the generation's first byte in the file. */
  readonly offset: number;
  /**
   * From the first to the last batch start, in the trace's raw clock ticks (the wire layer
   * does not read the frequency that converts them to nanoseconds); null if unknown.
   */
  readonly spanTicks: number | null;
}

export interface InspectView {
  readonly verdict: Verdict;
  /** One line, the headline of the result card. */
  readonly title: string;
  /** Plain words: what this means and what to do. */
  readonly explanation: string;
  /** Go's own error text, verbatim (what users search for); null when all is well. */
  readonly goMessage: string | null;
  /** "Go 1.26 or 1.27", from the header; null when the header was not a Go trace. */
  readonly goVersion: string | null;
  readonly generations: readonly GenRow[];
  readonly batches: number;
  /** Bytes in complete generations (after the header). */
  readonly genBytes: number;
  /** Header plus complete generations: what a reader can use. */
  readonly readableBytes: number;
  readonly fileBytes: number;
  /** For a damaged trace: "Kept 3 complete generations, 120,000 of 389,579 bytes". */
  readonly kept: string | null;
}

/**
 * The Go releases that write each header version (Go 1.12–1.18 kept 1.11's, 1.20 kept 1.19's,
 * 1.24 kept 1.23's, 1.27 kept 1.26's).
 */
export function goReleasesFor(headerVersion: number): string {
  switch (headerVersion) {
    case 11:
      return 'Go 1.11–1.18';
    case 19:
      return 'Go 1.19 or 1.20';
    case 23:
      return 'Go 1.23 or 1.24';
    case 26:
      return 'Go 1.26 or 1.27';
    default:
      return `Go 1.${headerVersion}`;
  }
}

export function inspectView(s: WireSummary): InspectView {
  const generations: GenRow[] = s.generations.map((g) => ({
    gen: String(g.gen),
    batches: g.batches,
    bytes: g.bytes,
    offset: g.offset,
    spanTicks: g.minTime !== null && g.maxTime !== null ? Number(BigInt(g.maxTime) - BigInt(g.minTime)) : null,
  }));
  const batches = s.batches;
  const genBytes = s.readableBytes - s.headerBytes;
  const fileBytes = s.totalBytes;
  const goVersion = s.version !== null ? goReleasesFor(s.version) : null;
  const base = { goVersion, generations, batches, genBytes, readableBytes: s.readableBytes, fileBytes, goMessage: null, kept: null };
  const err = s.error;
  const old = s.version !== null && s.version < 22;
  if (!err) {
    return {
      ...base,
      verdict: 'ok',
      title: old ? `${goVersion} execution trace, in the format before Go 1.22` : `${goVersion} execution trace`,
      explanation: old
        ? `The Go 1.11–1.21 format has no generations: Go reads it whole, as one, and so does Flightdeck, converting its events as Go's reader does. ${plural(batches, 'batch', 'batches')}, ${formatBytes(fileBytes)}. Read entirely in this browser; nothing was uploaded.`
        : `${plural(generations.length, 'generation')} in ${plural(batches, 'batch', 'batches')}, ${formatBytes(fileBytes)}. Read entirely in this browser; nothing was uploaded.`,
    };
  }
  switch (err.fault) {
    case 'not-a-trace':
      return {
        ...base,
        verdict: 'not-a-trace',
        title: 'This is not a Go execution trace',
        explanation:
          'A Go execution trace starts with a header like “go 1.26 trace”. This file does not. Traces come from runtime/trace.Start, a FlightRecorder snapshot, go test -trace, or /debug/pprof/trace. A CPU or heap profile (pprof) is a different format.',
        goMessage: err.message,
      };
    // Only readers of the Go 1.22+ format alone (readHeader) report a Go 1.11–1.21 header as a
    // fault; the inspector reads that format.
    case 'v1-trace':
    case 'unsupported-version':
      return {
        ...base,
        verdict: 'unsupported-version',
        title: 'A Go trace version Flightdeck does not read',
        explanation:
          'The header names a trace format version that neither Flightdeck nor the Go releases it follows know. It may come from a newer Go than this app, or the header may be damaged.',
        goMessage: err.message,
      };
    case 'damaged': {
      if (old) {
        return {
          ...base,
          verdict: 'damaged',
          title: 'Damaged or cut short',
          explanation:
            'Go reads a trace in the Go 1.11–1.21 format whole, before its first event, so damage anywhere in it leaves nothing to show. A trace is cut short when the program exits before trace.Stop, or a download or copy stops early.',
          goMessage: err.message,
          kept: `Kept nothing: the damage is at byte ${formatInt(err.offset)} of ${formatInt(fileBytes)}.`,
        };
      }
      const lost = s.partial ? ` Generation ${String(s.partial.gen)} was cut off and is not shown.` : '';
      const kept = `Kept ${plural(generations.length, 'complete generation')}: ${formatInt(s.readableBytes)} of ${formatInt(fileBytes)} bytes are readable; the damage is at byte ${formatInt(err.offset)}.${lost}`;
      return {
        ...base,
        verdict: 'damaged',
        title: generations.length > 0 ? 'Damaged or cut short: the start of the trace is readable' : 'Damaged or cut short',
        explanation:
          generations.length > 0
            ? 'Everything before the damage is shown below. A trace is cut short when the program exits before trace.Stop, or a download or copy stops early.'
            : 'No complete generation could be read before the damage. A trace is cut short when the program exits before trace.Stop, or a download or copy stops early.',
        goMessage: err.message,
        kept,
      };
    }
  }
  return assertNever(err.fault);
}

function assertNever(x: never): never {
  throw new Error(`unknown wire fault ${String(x)}`);
}

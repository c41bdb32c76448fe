// Turns Go's parser summary (src/analysis/trace-summary.ts) into what the "Go's parser" section
// says: a verdict in plain words with Go's message, the figures for the stat tiles, the
// events-by-kind bars and the per-generation columns. Pure, so wording and numbers are tested
// without a browser.

import type { GenerationStats, TraceSummary } from '../../worker/parse-protocol';
import { formatBytes, formatDuration, formatInt, plural } from '../format';

export interface ParsedTile {
  readonly label: string;
  readonly value: string;
  readonly sub?: string;
  readonly testId: string;
}

export interface KindBar {
  readonly label: string;
  readonly count: number;
  /** Part of a kind (StateTransition by resource): drawn indented under its kind. */
  readonly child: boolean;
}

export interface ParsedView {
  readonly ok: boolean;
  readonly title: string;
  readonly explanation: string;
  /** Go's own error text, verbatim; null for a clean read. */
  readonly goMessage: string | null;
  /** What Go's partial rule kept: "Kept 1 complete generation (29 events) …"; null when clean. */
  readonly kept: string | null;
  readonly tiles: readonly ParsedTile[];
  readonly kinds: readonly KindBar[];
}

const KIND_LABELS = [
  'Bad', 'Sync', 'Metric', 'Label', 'StackSample', 'RangeBegin', 'RangeActive', 'RangeEnd',
  'TaskBegin', 'TaskEnd', 'RegionBegin', 'RegionEnd', 'Log', 'StateTransition', 'Experimental',
];
const STATE_TRANSITION = 13;
const RESOURCE_LABELS = ['no resource', 'goroutines', 'Ps', 'Ms'];

/** "2026-11-25T21:26:31.905489524Z" → "2026-11-25 21:26:31.905 UTC" (the full text stays in a title). */
export function shortWall(rfc3339: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(rfc3339);
  if (!m) return rfc3339;
  const ms = (m[3] ?? '').padEnd(3, '0').slice(0, 3);
  return `${m[1]} ${m[2]}.${ms} UTC`;
}

/** A span in milliseconds with three decimals (µs resolution), for table columns. */
export function spanMs(ns: number): string {
  return (ns / 1e6).toLocaleString('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

/** A distinct-ID count: exact, or "100,000+" when the summary stopped counting at its limit. */
export function distinct(n: number, capped: boolean): string {
  return capped ? `${formatInt(n)}+` : formatInt(n);
}

export function parsedView(s: TraceSummary): ParsedView {
  const t = s.total;
  const v = s.verdict;
  const gens = s.generations.length;
  const wall = s.wallStart ? /^(\S+) (\S+) UTC$/.exec(shortWall(s.wallStart)) : null;
  const tiles: ParsedTile[] = [
    {
      label: 'Events',
      value: formatInt(t.events),
      sub: v.kind === 'ok' ? `in ${plural(gens, 'generation')}` : 'read before the error',
      testId: 'parsed-events',
    },
    { label: 'Duration', value: formatDuration(t.durationNs), sub: `${formatInt(t.durationNs)} ns`, testId: 'parsed-duration' },
    {
      label: 'Wall-clock start',
      value: wall ? wall[2] : s.wallStart ?? '—',
      sub: wall ? `${wall[1]} UTC` : 'no clock snapshot (Go 1.25+ writes one)',
      testId: 'parsed-wall-start',
    },
    {
      label: 'Goroutines',
      value: distinct(t.goroutines, t.goroutinesCapped),
      sub: t.goroutinesCapped ? `more than ${formatInt(t.goroutines)} distinct IDs; counting stops there` : 'distinct IDs seen',
      testId: 'parsed-goroutines',
    },
    {
      label: 'Ps / Ms',
      value: `${distinct(t.procs, t.procsCapped)} / ${distinct(t.threads, t.threadsCapped)}`,
      sub: t.maxGomaxprocs === null ? 'GOMAXPROCS not reported' : `GOMAXPROCS up to ${formatInt(t.maxGomaxprocs)}`,
      testId: 'parsed-procs',
    },
    { label: 'GC cycles', value: formatInt(t.gcCycles), sub: plural(t.stw, 'stop-the-world pause'), testId: 'parsed-gc' },
    {
      label: 'Tasks / regions / logs',
      value: `${formatInt(t.tasks)} / ${formatInt(t.regions)} / ${formatInt(t.logs)}`,
      sub: t.cpuSamples > 0 ? `${plural(t.cpuSamples, 'CPU sample')} too` : 'user annotations',
      testId: 'parsed-annotations',
    },
    {
      label: 'Heap peak',
      value: t.heapPeakBytes === null ? '—' : formatBytes(t.heapPeakBytes),
      sub: t.heapPeakBytes === null ? 'no heap metric' : `${formatInt(t.heapPeakBytes)} bytes live`,
      testId: 'parsed-heap',
    },
  ];

  const kinds: KindBar[] = [];
  const order = t.byKind.map((count, kind) => ({ kind, count })).filter((k) => k.count > 0).sort((a, b) => b.count - a.count || a.kind - b.kind);
  for (const { kind, count } of order) {
    kinds.push({ label: KIND_LABELS[kind] ?? `kind ${kind}`, count, child: false });
    if (kind === STATE_TRANSITION) {
      t.transitionsByResource.forEach((n, r) => {
        if (n > 0) kinds.push({ label: `of ${RESOURCE_LABELS[r]}`, count: n, child: true });
      });
    }
  }

  if (v.kind === 'ok') {
    return {
      ok: true,
      title: 'Go’s parser reads it cleanly',
      explanation: `${plural(t.events, 'event')} in ${plural(gens, 'generation')}, ordered exactly as go tool trace orders them, over ${formatDuration(t.durationNs)}.`,
      goMessage: null,
      kept: null,
      tiles,
      kinds,
    };
  }
  const header = v.fault === 'not-a-trace' || v.fault === 'v1-trace' || v.fault === 'unsupported-version';
  // A Go 1.11–1.21 trace is one generation, read whole before its first event.
  const old = s.version !== null && s.version < 22;
  return {
    ok: false,
    title: header ? 'Go’s parser cannot read this file' : v.fault === 'internal' ? 'Go’s parser stopped' : 'Go’s parser stops at the damage',
    explanation: header
      ? 'The header already names the problem; no events were read.'
      : old
        ? 'Go reads a trace in the Go 1.11–1.21 format whole before giving its first event, so an error anywhere leaves nothing to keep.'
        : v.generationsKept > 0
          ? 'As go tool trace does, everything up to the damage is kept: the complete generations before it are summarised below.'
          : 'The damage is in the first generation, so no complete generation could be kept.',
    goMessage: v.message,
    kept: header
      ? null
      : old && v.eventsRead === 0
        ? 'Kept nothing: the error comes before the first event.'
        : `Kept ${plural(v.generationsKept, 'complete generation')}: ${plural(v.eventsKept, 'event')} of the ${plural(v.eventsRead, 'event')} read before the error.`,
    tiles,
    kinds,
  };
}

/** The parser's figures for one wire generation row, joined on the generation number. */
export function parsedGenerations(s: TraceSummary | null): Map<string, GenerationStats> {
  const m = new Map<string, GenerationStats>();
  for (const g of s?.generations ?? []) if (g.gen !== null) m.set(String(g.gen), g);
  return m;
}

// Two traces side by side: the figures of each (the wire layer's and Go's parser's), the
// difference, and whether it matters. Generations are lined up by their number, so two
// snapshots of one run show which generations they share. Pure, tested without a browser.

import type { TraceSummary, WireSummary } from '../../worker/parse-protocol';
import { formatBytes, formatDuration, formatInt } from '../format';
import { goReleasesFor } from '../inspect/inspect-model';
import { KIND_LABELS } from '../inspect/parsed-model';

/** What is known of one side once it has been read. */
export interface CompareInput {
  readonly wire: WireSummary;
  readonly parsed: TraceSummary | null;
}

export type Change = 'same' | 'changed' | 'big';

export interface CompareRow {
  readonly label: string;
  readonly a: string;
  readonly b: string;
  /** B − A in words ("+12 (+3.4%)"), or null when equal or not a number. */
  readonly delta: string | null;
  readonly change: Change;
}

export interface GenerationPair {
  readonly gen: string;
  /** "both", or the one side that has it. */
  readonly where: 'both' | 'a' | 'b';
  readonly a: string;
  readonly b: string;
}

export interface CompareView {
  readonly overview: readonly CompareRow[];
  readonly kinds: readonly CompareRow[];
  readonly generations: readonly GenerationPair[];
  /** How many rows of overview and kinds differ. */
  readonly differences: number;
}

/** A relative change at or past this is marked as large. */
export const BIG_CHANGE = 0.25;

function numberRow(label: string, a: number | null, b: number | null, show: (n: number) => string = formatInt): CompareRow {
  const sa = a === null ? '—' : show(a);
  const sb = b === null ? '—' : show(b);
  if (a === null || b === null || a === b) return { label, a: sa, b: sb, delta: null, change: a === b ? 'same' : 'changed' };
  const d = b - a;
  const rel = a === 0 ? Infinity : d / Math.abs(a);
  const pct = Number.isFinite(rel) ? ` (${rel > 0 ? '+' : ''}${(rel * 100).toFixed(Math.abs(rel) < 0.1 ? 1 : 0)}%)` : '';
  const sign = d > 0 ? '+' : '−';
  return { label, a: sa, b: sb, delta: `${sign}${show(Math.abs(d))}${pct}`, change: Math.abs(rel) >= BIG_CHANGE ? 'big' : 'changed' };
}

function textRow(label: string, a: string, b: string): CompareRow {
  return { label, a, b, delta: null, change: a === b ? 'same' : 'changed' };
}

function genSpan(w: WireSummary): string {
  if (w.generations.length === 0) return '—';
  const first = String(w.generations[0].gen);
  const last = String(w.generations[w.generations.length - 1].gen);
  return first === last ? `g${first}` : `g${first}–g${last}`;
}

export function compareView(a: CompareInput, b: CompareInput): CompareView {
  const pa = a.parsed?.total ?? null;
  const pb = b.parsed?.total ?? null;
  const n = (f: (t: NonNullable<typeof pa>) => number | null) => [pa ? f(pa) : null, pb ? f(pb) : null] as const;
  const version = (w: WireSummary) => (w.version === null ? 'not a Go trace' : goReleasesFor(w.version));
  const overview: CompareRow[] = [
    textRow('Go version', version(a.wire), version(b.wire)),
    numberRow('File size', a.wire.totalBytes, b.wire.totalBytes, formatBytes),
    numberRow('Generations', a.wire.generations.length, b.wire.generations.length),
    textRow('Generation numbers', genSpan(a.wire), genSpan(b.wire)),
    numberRow('Batches', a.wire.batches, b.wire.batches),
    numberRow('Time span', ...n((t) => t.durationNs), formatDuration),
    numberRow('Events', ...n((t) => t.events)),
    numberRow('Goroutines', ...n((t) => t.goroutines)),
    numberRow('Ps', ...n((t) => t.procs)),
    numberRow('Ms', ...n((t) => t.threads)),
    numberRow('GC cycles', ...n((t) => t.gcCycles)),
    numberRow('Stop-the-world pauses', ...n((t) => t.stw)),
    numberRow('Tasks', ...n((t) => t.tasks)),
    numberRow('Regions', ...n((t) => t.regions)),
    numberRow('Logs', ...n((t) => t.logs)),
    numberRow('CPU samples', ...n((t) => t.cpuSamples)),
    numberRow('Heap peak', ...n((t) => t.heapPeakBytes), formatBytes),
  ];
  const kinds: CompareRow[] = [];
  if (pa && pb) {
    for (let k = 0; k < Math.max(pa.byKind.length, pb.byKind.length); k++) {
      const x = pa.byKind[k] ?? 0;
      const y = pb.byKind[k] ?? 0;
      if (x === 0 && y === 0) continue;
      kinds.push(numberRow(KIND_LABELS[k] ?? `kind ${k}`, x, y));
    }
    kinds.sort((r, s) => Number(s.change !== 'same') - Number(r.change !== 'same'));
  }
  const differences = [...overview, ...kinds].filter((r) => r.change !== 'same').length;
  return { overview, kinds, generations: pairGenerations(a, b), differences };
}

/** The generations of both, by number: bytes and (once parsed) events of each. */
function pairGenerations(a: CompareInput, b: CompareInput): GenerationPair[] {
  const describe = (c: CompareInput) => {
    const events = new Map<string, number>();
    for (const g of c.parsed?.generations ?? []) if (g.gen !== null) events.set(String(g.gen), g.events);
    return new Map(
      c.wire.generations.map((g) => {
        const key = String(g.gen);
        const ev = events.get(key);
        return [key, `${formatBytes(g.bytes)}${ev === undefined ? '' : ` · ${formatInt(ev)} events`}`] as const;
      }),
    );
  };
  const da = describe(a);
  const db = describe(b);
  const keys = [...new Set([...da.keys(), ...db.keys()])].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : BigInt(x) > BigInt(y) ? 1 : 0));
  return keys.map((gen) => ({
    gen,
    where: da.has(gen) && db.has(gen) ? 'both' : da.has(gen) ? 'a' : 'b',
    a: da.get(gen) ?? '—',
    b: db.get(gen) ?? '—',
  }));
}

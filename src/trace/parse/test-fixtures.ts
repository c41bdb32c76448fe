// Our own parser fixtures (src/trace/parse/testdata/*.test), in the spirit of Go's golden
// tests: a txtar file with `-- expect --` (SUCCESS, or FAILURE and a Go-quoted RE2 pattern),
// `-- trace --` (the text format of Go's internal/trace/raw) and, optionally, `-- parsed --`:
// what `go tool trace -d=parsed` printed for the trace when the fixture was written (the
// conformance script re-checks it against Go when go is installed).
//
// One convenience over Go's files: `size=auto` on an EventBatch line is replaced with the
// encoded size of the events up to the next batch, so fixtures can be edited by hand.

import { Ev } from '../wire/specs';
import { readTextTrace } from '../wire/text';
import { rawEventEncodedSize } from '../wire/raw';
import { writeBinaryTrace } from '../wire/convert';
import type { TraceEvent } from './event';
import { TraceError } from './errors';
import { TraceReader } from './reader';
import { Validator } from './validator';

export interface Fixture {
  name: string;
  expect: { success: true } | { success: false; pattern: string };
  trace: string;
  /** Go's -d=parsed stdout for the trace, when recorded. */
  parsed: string | null;
}

/** Splits a txtar file into its named sections (Go's golang.org/x/tools/txtar layout). */
export function parseSections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^-- (.+?) --$/gm;
  const marks = [...text.matchAll(re)];
  marks.forEach((m, i) => {
    const start = m.index! + m[0].length + 1;
    const end = i + 1 < marks.length ? marks[i + 1].index! : text.length;
    out.set(m[1], text.slice(start, end));
  });
  return out;
}

export function parseFixture(name: string, text: string): Fixture {
  const s = parseSections(text);
  const exp = (s.get('expect') ?? '').trim();
  const trace = s.get('trace');
  if (trace === undefined) throw new Error(`${name}: no trace section`);
  let expect: Fixture['expect'];
  if (exp === 'SUCCESS') expect = { success: true };
  else if (exp.startsWith('FAILURE ')) expect = { success: false, pattern: JSON.parse(exp.slice(8)) as string };
  else throw new Error(`${name}: bad expectation ${JSON.stringify(exp)}`);
  return { name, expect, trace, parsed: s.get('parsed') ?? null };
}

/** Text trace → binary, filling in `size=auto` batch sizes. */
export function fixtureBinary(trace: string): Uint8Array {
  const text = trace.replace(/size=auto/g, 'size=0');
  const { version, events } = readTextTrace(new TextEncoder().encode(text));
  let open: (typeof events)[number] | null = null;
  const autos = new Set<number>();
  trace
    .split('\n')
    .filter((l) => /^\s*EventBatch\b/.test(l))
    .forEach((l, i) => l.includes('size=auto') && autos.add(i));
  let batchIndex = -1;
  for (const ev of events) {
    if (ev.type === Ev.EventBatch) {
      batchIndex++;
      open = autos.has(batchIndex) ? ev : null;
      if (open) open.args[3] = 0;
      continue;
    }
    if (ev.type === Ev.ExperimentalBatch || ev.type === Ev.EndOfGeneration) {
      open = null;
      continue;
    }
    if (open) open.args[3] = (open.args[3] as number) + rawEventEncodedSize(ev);
  }
  return writeBinaryTrace(version, events);
}

/** Reads everything; returns the events, the first reader error and the validator's errors. */
export function readAll(bin: Uint8Array): { events: TraceEvent[]; error: string | null; invalid: string[] } {
  const events: TraceEvent[] = [];
  const invalid: string[] = [];
  let r: TraceReader;
  try {
    r = new TraceReader(bin);
  } catch (e) {
    return { events, error: (e as Error).message, invalid };
  }
  const v = new Validator(r.version);
  try {
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      events.push(ev);
      invalid.push(...v.event(ev));
    }
  } catch (e) {
    if (!(e instanceof TraceError)) throw e;
    return { events, error: e.message, invalid };
  }
  return { events, error: null, invalid };
}


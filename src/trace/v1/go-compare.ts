// Comparing our parsed dump of an old-format trace with Go's, where Go's own output varies.
//
// Go's conversion of a Go 1.11–1.21 trace walks Go maps (merge.ts, go-map.ts), so events of
// equal time come out of `go tool trace -d=parsed` in an order that changes from run to run;
// the reader then makes times strictly increasing by nudging each such event 1 ns past the
// one before. Reordering events of one equal-time run does not change the times printed (the
// nudged times of a run depend only on its length), so two dumps are Go-equivalent when every
// line's time matches and, within each run of events that had equal times before nudging,
// the same events appear (as a multiset). We know those runs from our own reader: the events
// made from old events of one time (a syscall's 1 ns begin/end pair counts with its begin).
//
// Test and conformance support; not used by the app.

import { eventString } from '../parse/event-string';
import { GoPanic } from '../parse/errors';
import type { I64 } from '../parse/int64';
import { scanHeader } from '../wire/version';
import { parseSections } from '../parse/test-fixtures';
import { V1Reader } from './reader';

export interface Dump {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Our dump plus, per event, the time of the old event it came from (before nudging). */
export interface TimedDump extends Dump {
  rawTimes: I64[];
}

/** dumpParsed for an old-format trace, keeping each event's source time. */
export function dumpV1WithTimes(bytes: Uint8Array): TimedDump {
  const rawTimes: I64[] = [];
  const lines: string[] = [];
  const done = (stderr: string, exitCode: number): TimedDump => ({ stdout: lines.join(''), stderr, exitCode, rawTimes });
  try {
    const { version, size } = scanHeader(bytes);
    const r = new V1Reader(bytes, size, version);
    for (let ev = r.next(null); ev !== null; ev = r.next(null)) {
      lines.push(eventString(ev) + '\n');
      rawTimes.push(r.sourceTime);
    }
  } catch (e) {
    if (e instanceof GoPanic) return done(`panic: ${e.message}\n`, 2);
    return done(`${(e as Error).message}\n`, 1);
  }
  return done('', 0);
}

/** The dump's events: each starts with a line "M=..." and runs to the next. */
export function dumpBlocks(stdout: string): string[] {
  const out: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith('M=') || out.length === 0) out.push(line);
    else out[out.length - 1] += '\n' + line;
  }
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

const TIME = /^(M=\S+ P=\S+ G=\S+ \w+ Time=)(-?\d+)/;

export interface Comparison {
  identical: boolean;
  /** Identical up to the order of events of equal time (see above). */
  equivalent: boolean;
  /** Where they first differ beyond that, in words; null when equivalent. */
  problem: string | null;
}

export function compareWithGo(ours: TimedDump, go: Dump): Comparison {
  const identical = ours.stdout === go.stdout && ours.stderr === go.stderr && ours.exitCode === go.exitCode;
  if (identical) return { identical, equivalent: true, problem: null };
  const no = (problem: string): Comparison => ({ identical, equivalent: false, problem });
  if (ours.exitCode !== go.exitCode || ours.stderr !== go.stderr) {
    return no(`exit ${ours.exitCode} ${JSON.stringify(ours.stderr)}, Go's ${go.exitCode} ${JSON.stringify(go.stderr)}`);
  }
  const a = dumpBlocks(ours.stdout);
  const b = dumpBlocks(go.stdout);
  if (a.length !== b.length) return no(`${a.length} events, Go's ${b.length}`);
  if (a.length !== ours.rawTimes.length) return no(`internal: ${a.length} events but ${ours.rawTimes.length} times`);
  const body = (blk: string) => blk.replace(TIME, '$1');
  for (let i = 0; i < a.length; ) {
    let j = i + 1;
    while (j < a.length && ours.rawTimes[j] === ours.rawTimes[i]) j++;
    for (let k = i; k < j; k++) {
      const ta = TIME.exec(a[k])?.[2];
      const tb = TIME.exec(b[k])?.[2];
      if (ta === undefined || ta !== tb) return no(`event ${k + 1}: time ${ta}, Go's ${tb}: ${JSON.stringify(b[k].split('\n')[0])}`);
    }
    const mine = a.slice(i, j).map(body).sort();
    const theirs = b.slice(i, j).map(body).sort();
    for (let k = 0; k < mine.length; k++) {
      if (mine[k] !== theirs[k]) {
        return no(`events ${i + 1}-${j} (equal time) differ: ours ${JSON.stringify(mine[k].split('\n')[0])}, Go's ${JSON.stringify(theirs[k].split('\n')[0])}`);
      }
    }
    i = j;
  }
  return { identical, equivalent: true, problem: null };
}

/** One of our old-format fixtures (src/trace/v1/testdata/*.test). */
export interface V1Fixture {
  name: string;
  /** SUCCESS, or FAILURE with an RE2 pattern for the error. */
  expect: { success: true } | { success: false; pattern: string };
  /** The trace in text-writer.ts's text. */
  trace: string;
  /** Go's -d=parsed outputs as recorded (most frequent first), and how often each came up. */
  go: { dump: Dump; runs: number }[];
  /** "go1.26.8, 40 runs" or similar: how the Go outputs were recorded. */
  recorded: string | null;
}

/**
 * Sections: `-- expect --`, `-- trace --`, then per recorded Go output `-- go N runs=K exit=E --`
 * (stdout) and, when Go wrote to stderr, `-- go N stderr --`; `-- recorded --` says with what.
 */
export function parseV1Fixture(name: string, text: string): V1Fixture {
  const s = parseSections(text);
  const exp = (s.get('expect') ?? '').trim();
  let expect: V1Fixture['expect'];
  if (exp === 'SUCCESS') expect = { success: true };
  else if (exp.startsWith('FAILURE ')) expect = { success: false, pattern: JSON.parse(exp.slice(8)) as string };
  else throw new Error(`${name}: bad expectation ${JSON.stringify(exp)}`);
  const trace = s.get('trace');
  if (trace === undefined) throw new Error(`${name}: no trace section`);
  const go: V1Fixture['go'] = [];
  for (const [key, value] of s) {
    const m = /^go (\d+) runs=(\d+) exit=(\d+)$/.exec(key);
    if (m === null) continue;
    go.push({ dump: { stdout: value, stderr: s.get(`go ${m[1]} stderr`) ?? '', exitCode: Number(m[3]) }, runs: Number(m[2]) });
  }
  return { name, expect, trace, go, recorded: s.get('recorded')?.trim() ?? null };
}

/** The fixture text with new Go outputs in place of the recorded ones. */
export function withGoOutputs(text: string, outputs: { dump: Dump; runs: number }[], recorded: string): string {
  const at = text.search(/^-- (go \d+ |recorded --)/m);
  const keep = at < 0 ? text : text.slice(0, at);
  let out = keep.endsWith('\n') ? keep : keep + '\n';
  outputs.forEach((o, i) => {
    if (!/(^|\n)$/.test(o.dump.stdout) || !/(^|\n)$/.test(o.dump.stderr)) throw new Error('Go output without a final newline');
    out += `-- go ${i + 1} runs=${o.runs} exit=${o.dump.exitCode} --\n${o.dump.stdout}`;
    if (o.dump.stderr) out += `-- go ${i + 1} stderr --\n${o.dump.stderr}`;
  });
  return out + `-- recorded --\n${recorded}\n`;
}

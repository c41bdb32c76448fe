// Our own Go 1.11–1.21 traces (testdata/*.test, written by text-writer.ts) against what
// `go tool trace -d=parsed` printed for them, recorded in each file (scripts/conformance/v1.ts
// re-checks the recordings against a live Go). Where Go's output varied between runs every
// variant seen is recorded: ours must equal one byte for byte and be Go-equivalent to all.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpParsed } from '../dump/parsed';
import { EventKind } from '../parse/event';
import { eventString } from '../parse/event-string';
import { TraceError } from '../parse/errors';
import { TraceReader } from '../parse/reader';
import { Validator } from '../parse/validator';
import { compareWithGo, dumpBlocks, dumpV1WithTimes, parseV1Fixture } from './go-compare';
import { writeV1Trace } from './text-writer';

const DIR = join(__dirname, 'testdata');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.test'))
  .sort()
  .map((f) => parseV1Fixture(f, readFileSync(join(DIR, f), 'utf8')));

/** Every event through readEvent, and the error that ended the trace. */
function readAll(bytes: Uint8Array): { events: string[]; error: string | null; invalid: string[] } {
  const events: string[] = [];
  const invalid: string[] = [];
  const r = new TraceReader(bytes);
  const v = new Validator(r.version);
  try {
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      events.push(eventString(ev));
      invalid.push(...v.event(ev));
    }
  } catch (e) {
    if (!(e instanceof TraceError)) throw e;
    return { events, error: e.message, invalid };
  }
  return { events, error: null, invalid };
}

describe('our Go 1.11–1.21 fixtures', () => {
  it('has fixtures that succeed and fixtures that fail, with Go outputs recorded', () => {
    expect(fixtures.filter((f) => f.expect.success).length).toBeGreaterThanOrEqual(3);
    expect(fixtures.filter((f) => !f.expect.success).length).toBeGreaterThanOrEqual(20);
    for (const f of fixtures) expect(f.go.length, `${f.name} has no recorded Go output`).toBeGreaterThan(0);
  });

  for (const fx of fixtures) {
    describe(fx.name, () => {
      const bytes = writeV1Trace(fx.trace);

      it('reads to the expected outcome, every event passing the validator', () => {
        const { error, invalid, events } = readAll(bytes);
        if (fx.expect.success) {
          expect(error).toBeNull();
          expect(invalid).toEqual([]);
          expect(events.length).toBeGreaterThan(2);
        } else {
          expect(error).toMatch(new RegExp(fx.expect.pattern));
          // Go reads an old trace whole before its first event, so a parse error comes alone;
          // only the conversion can fail after events (an event type it has no mapping for).
          expect(events.length).toBe(dumpBlocks(fx.go[0].dump.stdout).length);
          if (!/^unexpected event type/.test(error!)) expect(events).toEqual([]);
        }
      });

      it("dumps byte for byte as one of Go's runs did, and Go-equivalent to every run", () => {
        const ours = dumpV1WithTimes(bytes);
        const plain = dumpParsed(bytes);
        expect(ours.stdout).toBe(plain.stdout);
        expect(ours.stderr).toBe(plain.stderr);
        const results = fx.go.map((g) => compareWithGo(ours, g.dump));
        expect(results.some((r) => r.identical), `identical to none of ${fx.go.length} recorded Go outputs`).toBe(true);
        for (const r of results) expect(r.problem).toBeNull();
      });

      it('gives the same events through forEachEvent as through readEvent', () => {
        const viaRead = readAll(bytes);
        const viaEach: string[] = [];
        const r = new TraceReader(bytes);
        let error: string | null = null;
        try {
          // Small chunks: the reader must carry on where it stopped.
          while (!r.forEachEvent((ev) => viaEach.push(eventString(ev)), 3));
        } catch (e) {
          error = (e as Error).message;
        }
        expect(viaEach).toEqual(viaRead.events);
        expect(error).toBe(viaRead.error);
      });
    });
  }

  it('varies where Go varies: some fixture has several recorded Go outputs, all equivalent', () => {
    const varied = fixtures.filter((f) => f.go.length > 1);
    expect(varied.length).toBeGreaterThan(0);
    for (const f of varied) {
      const ours = dumpV1WithTimes(writeV1Trace(f.trace));
      const identical = f.go.filter((g) => compareWithGo(ours, g.dump).identical);
      expect(identical.length, f.name).toBe(1);
    }
  });

  it('tells a Go-equivalent reordering from a real difference', () => {
    const f = fixtures.find((x) => x.name === 'go119-ties.test')!;
    const ours = dumpV1WithTimes(writeV1Trace(f.trace));
    const lines = ours.stdout.split('\n');
    // Swap two GoStatus events of one time (Go does that between runs): still equivalent.
    const a = lines.findIndex((l) => l.includes('GoID=2 Undetermined->Runnable'));
    const b = lines.findIndex((l) => l.includes('GoID=3 Undetermined->Runnable'));
    const swapped = [...lines];
    swapped[a] = lines[b].replace(/Time=\d+/, lines[a].match(/Time=\d+/)![0]);
    swapped[b] = lines[a].replace(/Time=\d+/, lines[b].match(/Time=\d+/)![0]);
    const equiv = compareWithGo(ours, { stdout: swapped.join('\n'), stderr: '', exitCode: 0 });
    expect(equiv).toEqual({ identical: false, equivalent: true, problem: null });
    // Swap events of different times: not equivalent.
    const c = lines.findIndex((l) => l.includes('Reason="runtime.Gosched"'));
    const moved = [...lines];
    moved[a] = lines[c].replace(/Time=\d+/, lines[a].match(/Time=\d+/)![0]);
    moved[c] = lines[a].replace(/Time=\d+/, lines[c].match(/Time=\d+/)![0]);
    expect(compareWithGo(ours, { stdout: moved.join('\n'), stderr: '', exitCode: 0 }).equivalent).toBe(false);
    // A different time: not equivalent.
    const shifted = ours.stdout.replace('Time=70 ', 'Time=71 ');
    expect(compareWithGo(ours, { stdout: shifted, stderr: '', exitCode: 0 }).equivalent).toBe(false);
  });

  it('converts the user annotations of the Go 1.21 fixture as Go does', () => {
    const f = fixtures.find((x) => x.name === 'go121-sched.test')!;
    const r = new TraceReader(writeV1Trace(f.trace));
    const seen: string[] = [];
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      const k = ev.kind();
      if (k === EventKind.TaskBegin || k === EventKind.TaskEnd) seen.push(`task ${ev.task().id} ${ev.task().type}`);
      if (k === EventKind.RegionBegin) seen.push(`region ${ev.region().type}`);
      if (k === EventKind.Log) seen.push(`log ${ev.log().category}=${ev.log().message}`);
    }
    expect(seen).toEqual(['task 1 task0', 'region region0', 'log key0=hello', 'log key0=hello', 'task 1 task0', 'task 9 ']);
  });
});

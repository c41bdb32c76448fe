// The two ways to read a trace give the same events: readEvent (a new object per event) and
// forEachEvent (one reused object, the fast path). Checked over every committed real trace,
// our regression traces and our own fixtures, including the damaged ones (same events before
// the same error); Go's golden tests in for-each.go-suite.test.ts. Also checks the one thing readEvent owes its callers that forEachEvent does
// not: events it returned stay as they were while reading goes on.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './event';
import { TraceReader } from './reader';
import { expectSameEvents, type Row, rower, viaForEach, viaReadEvent } from './read-compare';
import { fixtureBinary, parseFixture } from './test-fixtures';

const ROOT = join(__dirname, '../../..');

function corpus(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const real = join(ROOT, 'testdata/traces');
  for (const f of readdirSync(real).filter((x) => x.endsWith('.trace'))) {
    out.push({ name: f, bytes: new Uint8Array(readFileSync(join(real, f))) });
  }
  const regressions = join(ROOT, 'testdata/regressions');
  for (const f of readdirSync(regressions).filter((x) => x.endsWith('.trace'))) {
    out.push({ name: f, bytes: new Uint8Array(readFileSync(join(regressions, f))) });
  }
  const own = join(__dirname, 'testdata');
  for (const f of readdirSync(own).filter((x) => x.endsWith('.test'))) {
    out.push({ name: f, bytes: fixtureBinary(parseFixture(f, readFileSync(join(own, f), 'latin1')).trace) });
  }
  return out;
}

describe('readEvent and forEachEvent', () => {
  const traces = corpus();

  it('read a corpus with successes and failures', () => {
    const outcomes = traces.map((t) => viaForEach(t.bytes));
    expect(outcomes.filter((o) => o.error === null).length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o.error !== null).length).toBeGreaterThan(5);
  });

  for (const { name, bytes } of traces) {
    it(`give the same events and error: ${name}`, () => expectSameEvents(bytes));
  }

  it('can stop after max events and go on: the same events in chunks, true only at the end', () => {
    for (const { name, bytes } of traces.filter((t) => t.name.endsWith('.trace'))) {
      const all = viaForEach(bytes);
      const row = rower();
      const rows: Row[] = [];
      let error: string | null = null;
      const ends: boolean[] = [];
      try {
        const r = new TraceReader(bytes);
        for (let chunk = 1; ; chunk = (chunk % 97) + 13) {
          let n = 0;
          const ended = r.forEachEvent((ev) => {
            n++;
            rows.push(row(ev));
          }, chunk);
          ends.push(ended);
          if (ended) break;
          expect(n, name).toBe(chunk);
        }
      } catch (e) {
        error = String(e);
      }
      expect(error, name).toBe(all.error);
      expect(rows, name).toEqual(all.rows);
      if (error === null) expect(ends.indexOf(true), name).toBe(ends.length - 1);
    }
  });

  it('can be mixed on one reader: events kept from readEvent stay intact through forEachEvent', () => {
    for (const { bytes } of traces.filter((t) => t.name.endsWith('.trace')).slice(0, 6)) {
      const all = viaReadEvent(bytes);
      const row = rower();
      const r = new TraceReader(bytes);
      const kept: TraceEvent[] = [];
      const keptRows: Row[] = [];
      const rows: Row[] = [];
      let error: string | null = null;
      try {
        // Alternate: a few events through each API, keeping readEvent's.
        for (let round = 0; ; round++) {
          let more = false;
          for (let i = 0; i < 7; i++) {
            const ev = r.readEvent();
            if (ev === null) break;
            kept.push(ev);
            keptRows.push(row(ev));
            rows.push(row(ev));
            more = true;
          }
          let n = 0;
          const stop = new Error('stop');
          try {
            r.forEachEvent((ev) => {
              rows.push(row(ev));
              if (++n === 5 + (round % 4)) throw stop;
            });
          } catch (e) {
            if (e !== stop) throw e;
            more = true;
          }
          if (!more) break;
        }
      } catch (e) {
        error = String(e);
      }
      expect(error).toBe(all.error);
      expect(rows).toEqual(all.rows);
      expect(kept.map(row)).toEqual(keptRows);
    }
  });
});

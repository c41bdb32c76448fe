// Reading a trace both ways the reader offers, for for-each.test.ts and
// for-each.go-suite.test.ts: readEvent (a new object per event) and forEachEvent (one reused
// object), each as rows of every event field, and the check that both give the same events
// and the same error. Test support: imported by those tests only.

import { expect } from 'vitest';
import type { TraceEvent } from './event';
import { TraceReader } from './reader';

/** Every field of an event; the table (one per generation) as the order it first appeared in. */
export type Row = (number | bigint)[];
export function rower(): (e: TraceEvent) => Row {
  const tables = new Map<unknown, number>();
  return (e) => {
    let t = tables.get(e.table);
    if (t === undefined) tables.set(e.table, (t = tables.size));
    return [t, e.g, e.p, e.m, e.type, e.time, e.a0, e.a1, e.a2, e.a3];
  };
}

interface Outcome {
  rows: Row[];
  error: string | null;
}

export function viaReadEvent(bytes: Uint8Array): Outcome & { events: TraceEvent[]; row: (e: TraceEvent) => Row } {
  const rows: Row[] = [];
  const events: TraceEvent[] = [];
  const row = rower();
  try {
    const r = new TraceReader(bytes);
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      rows.push(row(ev));
      events.push(ev);
    }
  } catch (e) {
    return { rows, events, error: String(e), row };
  }
  return { rows, events, error: null, row };
}

export function viaForEach(bytes: Uint8Array): Outcome {
  const rows: Row[] = [];
  const row = rower();
  try {
    new TraceReader(bytes).forEachEvent((ev) => rows.push(row(ev)));
  } catch (e) {
    return { rows, error: String(e) };
  }
  return { rows, error: null };
}

/** readEvent and forEachEvent give the same events and error; readEvent's events stay intact. */
export function expectSameEvents(bytes: Uint8Array): void {
  const a = viaReadEvent(bytes);
  const b = viaForEach(bytes);
  expect(b.error).toBe(a.error);
  expect(b.rows.length).toBe(a.rows.length);
  for (let i = 0; i < a.rows.length; i++) {
    if (a.rows[i].some((v, k) => v !== b.rows[i][k])) expect(b.rows[i], `event ${i}`).toEqual(a.rows[i]);
  }
  // Events readEvent returned earlier are unchanged by everything read after them.
  const row = a.row;
  a.events.forEach((ev, i) => {
    if (row(ev).some((v, k) => v !== a.rows[i][k])) expect(row(ev), `event ${i} changed later`).toEqual(a.rows[i]);
  });
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TraceReader, type TraceEvent } from '../trace/parse/index';
import { runPass, runPassSync, type EventSink } from './event-pass';

const TRACES = join(__dirname, '../../testdata/traces');
const read = (f: string) => new Uint8Array(readFileSync(join(TRACES, f)));

/** Records each event's fields, as a sink must (the event object is reused). */
class Recorder implements EventSink {
  rows: string[] = [];
  started = 0;
  start(): void {
    this.started++;
  }
  event(ev: TraceEvent): void {
    this.rows.push(`${ev.type} ${ev.time} ${ev.g} ${ev.p} ${ev.m} ${ev.a0} ${ev.a1}`);
  }
}

function viaReadEvent(bytes: Uint8Array): { rows: string[]; error: string | null } {
  const rows: string[] = [];
  try {
    const r = new TraceReader(bytes);
    for (let ev = r.readEvent(); ev; ev = r.readEvent()) rows.push(`${ev.type} ${ev.time} ${ev.g} ${ev.p} ${ev.m} ${ev.a0} ${ev.a1}`);
  } catch (e) {
    return { rows, error: String(e) };
  }
  return { rows, error: null };
}

describe('runPass', () => {
  const files = readdirSync(TRACES).filter((f) => f.endsWith('.trace'));

  it('hands every sink the events readEvent gives, then says how the trace ended', () => {
    expect(files.length).toBeGreaterThan(40);
    let damaged = 0;
    for (const f of files) {
      const bytes = read(f);
      const want = viaReadEvent(bytes);
      const a = new Recorder();
      const b = new Recorder();
      const end = runPassSync(bytes, [a, b]);
      expect(a.rows, f).toEqual(want.rows);
      expect(b.rows, f).toEqual(want.rows);
      expect(end.events, f).toBe(want.rows.length);
      expect(end.error === null ? null : String(end.error), f).toBe(want.error);
      if (end.error !== null) {
        damaged++;
        expect(end.fault, f).not.toBe('');
      }
      expect(a.started + b.started).toBe(end.version === null ? 0 : 2);
    }
    expect(damaged).toBeGreaterThan(0);
  });

  it('yields progress between chunks and ends with the same events', () => {
    const bytes = read('gcstress.go126.trace');
    const rec = new Recorder();
    const pass = runPass(bytes, [rec], 1000);
    let last = 0;
    let steps = 0;
    for (let r = pass.next(); ; r = pass.next()) {
      if (r.done) {
        expect(r.value.error).toBeNull();
        break;
      }
      expect(r.value.events).toBe(last + 1000);
      expect(r.value.bytesRead).toBeGreaterThan(0);
      last = r.value.events;
      steps++;
    }
    expect(steps).toBeGreaterThan(2);
    expect(rec.rows).toEqual(viaReadEvent(bytes).rows);
  });

  it('ends with the header error for a file that is not a trace, before any sink starts', () => {
    const rec = new Recorder();
    const end = runPassSync(new TextEncoder().encode('hello, world'), [rec]);
    expect(end.fault).toBe('not-a-trace');
    expect(end.version).toBeNull();
    expect(rec.started).toBe(0);
  });

  it('ends with the exception a sink throws, after the events before it', () => {
    const bytes = read('basic.go126.trace');
    let n = 0;
    const end = runPassSync(bytes, [{ event: () => { if (++n === 10) throw new Error('sink broke'); } }]);
    expect(String(end.error)).toBe('Error: sink broke');
    expect(end.fault).toBe('internal');
    expect(end.events).toBe(10);
  });
});

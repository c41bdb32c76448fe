// Reads a whole trace with our port of Go's parser and runs the validator over it: what
// the recorder's tests (and Go's own flight-recorder tests) call "parses and validates".

import { TraceReader } from '../trace/parse/reader';
import { Validator } from '../trace/parse/validator';
import { EventKind, type Log } from '../trace/parse/event';

export interface TraceCheck {
  readonly events: number;
  /** Indices of Sync events in the event stream. */
  readonly syncs: number[];
  readonly logs: Log[];
  readonly errors: string[];
}

/** Never throws: a parse error is reported in errors, like a validator complaint. */
export function checkTrace(bytes: Uint8Array, opts: { skipClockChecks?: boolean } = {}): TraceCheck {
  const syncs: number[] = [];
  const logs: Log[] = [];
  const errors: string[] = [];
  let events = 0;
  try {
    const r = new TraceReader(bytes);
    const v = new Validator(r.version);
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      const k = ev.kind();
      if (k === EventKind.Sync) syncs.push(events);
      if (k === EventKind.Log) logs.push(ev.log());
      for (const e of v.event(ev)) if (!(opts.skipClockChecks && /wall time|mono time|trace time/.test(e))) errors.push(e);
      events++;
      if (errors.length > 20) break;
    }
  } catch (e) {
    errors.push((e as Error).message);
  }
  return { events, syncs, logs, errors };
}

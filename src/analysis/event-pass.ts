// One pass over a trace feeding several consumers: the parse worker reads each file once and
// hands every event to the summary, the timeline model and the analyses together. The loop is
// the parser's forEachEvent (no object per event), run in chunks so the worker can give way
// between them (progress, cancel).
//
// A sink sees the events Go's reader gives, in order, then the end of the stream: clean, or
// the parser's error after every event before it (Go's partial-trace rule; cmd/trace uses what
// was read before the error). An exception thrown by a sink ends the pass the same way.

import { HeaderError, TraceError, TraceReader, type TraceEvent } from '../trace/parse/index';

export interface EventSink {
  /** Called once, before the first event, with the reader (version, offset, generation). */
  start?(reader: TraceReader): void;
  /**
   * Each event in order. The event object is reused after the call returns (forEachEvent's
   * contract): copy the fields you need, or keep ev.clone().
   */
  event(ev: TraceEvent): void;
}

/** How a pass ended; each sink makes its result from this (its own finish method). */
export interface PassEnd {
  /** Trace format version from the header; null when the header could not be read. */
  readonly version: number | null;
  /** null for a trace read to its end; else what stopped it (HeaderError, TraceError, a bug). */
  readonly error: unknown;
  /** not-a-trace / v1-trace / unsupported-version / truncated / damaged / internal; '' when clean. */
  readonly fault: string;
  /** Bytes of the input the reader consumed. */
  readonly bytesRead: number;
  /** Events handed to the sinks. */
  readonly events: number;
}

export interface PassProgress {
  readonly events: number;
  readonly bytesRead: number;
}

/**
 * Reads the whole trace into the sinks, yielding progress every `every` events so the caller
 * can report it and give way. Returns how the pass ended; never throws for bad input.
 */
export function* runPass(bytes: Uint8Array, sinks: readonly EventSink[], every = 20_000): Generator<PassProgress, PassEnd, void> {
  let reader: TraceReader;
  try {
    reader = new TraceReader(bytes);
  } catch (e) {
    const fault = e instanceof HeaderError ? e.fault : 'internal';
    return { version: null, error: e, fault, bytesRead: 0, events: 0 };
  }
  for (const s of sinks) s.start?.(reader);
  const tally: Tally = { events: 0 };
  const deliver = deliverTo(sinks, tally);
  for (;;) {
    try {
      if (reader.forEachEvent(deliver, every)) break;
    } catch (e) {
      const fault = e instanceof TraceError ? e.fault : 'internal';
      return { version: reader.version, error: e, fault, bytesRead: reader.offset, events: tally.events };
    }
    yield { events: tally.events, bytesRead: reader.offset };
  }
  return { version: reader.version, error: null, fault: '', bytesRead: reader.offset, events: tally.events };
}

/** Runs a pass to its end in one call. */
export function runPassSync(bytes: Uint8Array, sinks: readonly EventSink[]): PassEnd {
  const it = runPass(bytes, sinks, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Events handed to the sinks so far. */
export interface Tally {
  events: number;
}

/**
 * The one callback a pass gives forEachEvent: it counts each event into `tally` and hands it
 * to every sink. Up to five sinks (the analyses have five) each get a call site of their own,
 * which sees one class of sink, so the compiler can call it directly or copy it in; a loop over
 * them would be one call site seeing every class.
 */
export function deliverTo(sinks: readonly EventSink[], tally: Tally): (ev: TraceEvent) => void {
  const [a, b, c, d, e] = sinks;
  switch (sinks.length) {
    case 1:
      return (ev) => (tally.events++, a.event(ev));
    case 2:
      return (ev) => (tally.events++, a.event(ev), b.event(ev));
    case 3:
      return (ev) => (tally.events++, a.event(ev), b.event(ev), c.event(ev));
    case 4:
      return (ev) => (tally.events++, a.event(ev), b.event(ev), c.event(ev), d.event(ev));
    case 5:
      return (ev) => (tally.events++, a.event(ev), b.event(ev), c.event(ev), d.event(ev), e.event(ev));
  }
  return (ev) => {
    tally.events++;
    for (let i = 0; i < sinks.length; i++) sinks[i].event(ev);
  };
}

// For tests that check a reading of events against the parser's own: every event of every
// committed real trace (testdata/traces), in order. A damaged trace gives the events before
// its error; a file that is not a trace we read gives none.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TraceError, TraceReader, type TraceEvent } from '../trace/parse/index';

const TRACES = resolve(__dirname, '../../testdata/traces');

export function forEachCommittedEvent(f: (ev: TraceEvent, file: string) => void): void {
  for (const file of readdirSync(TRACES).filter((x) => x.endsWith('.trace'))) {
    let r: TraceReader;
    try {
      r = new TraceReader(new Uint8Array(readFileSync(join(TRACES, file))));
    } catch {
      continue;
    }
    try {
      r.forEachEvent((ev) => f(ev, file));
    } catch (e) {
      // A damaged trace ends in the reader's error after its events; anything else is the test's.
      if (!(e instanceof TraceError)) throw e;
    }
  }
}

// Every page measures time from the trace's first event, so a link from a table to the
// timeline lands on what it names: the GC pauses, the worst spots and the goroutine summaries
// must all count from that event, not from the first event of the kinds each one reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventKind, type TraceEvent } from '../trace/parse/index';
import { analyseTrace } from './analyse';
import { runPassSync, type EventSink } from './event-pass';

const TRACES = join(__dirname, '../../testdata/traces');

/** The first event's time and the first stop-the-world range's begin, read directly. */
class FirstTimes implements EventSink {
  first: number | null = null;
  stw: number | null = null;
  event(ev: TraceEvent): void {
    const t = Number(ev.time);
    if (this.first === null) this.first = t;
    if (this.stw === null && ev.kind() === EventKind.RangeBegin && ev.range().name.startsWith('stop-the-world')) this.stw = t;
  }
}

describe('analysis times count from the first event', () => {
  for (const file of ['gcstress.go126.trace', 'gcstress.go127.trace', 'requests.go126.trace']) {
    it(`${file}: the first GC pause starts where the trace says, relative to its first event`, () => {
      const bytes = new Uint8Array(readFileSync(join(TRACES, file)));
      const direct = new FirstTimes();
      runPassSync(bytes, [direct]);
      expect(direct.stw).not.toBeNull();
      const a = analyseTrace(bytes);
      expect(a.gc.pauses[0].startNs).toBe(direct.stw! - direct.first!);
      const stw = a.triage.find((t) => t.kind === 'stw');
      if (stw) expect(a.gc.pauses.some((p) => p.startNs === stw.startNs)).toBe(true);
    });
  }
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventKind } from './event';
import { TraceReader } from './reader';
import { transitionResourceId, transitionResourceKind } from './transition-subject';

const DIR = join(import.meta.dirname, '../../../testdata/traces');
const traces = readdirSync(DIR).filter((f) => f.endsWith('.trace') && !f.startsWith('damaged'));

describe('transitionResourceKind/Id', () => {
  it('covers the committed traces', () => {
    expect(traces.length).toBeGreaterThan(30);
  });

  it.each(traces)('%s: every event names the resource stateTransition() names', (name) => {
    const reader = new TraceReader(new Uint8Array(readFileSync(join(DIR, name))));
    let transitions = 0;
    let procs = 0;
    reader.forEachEvent((ev) => {
      if (ev.kind() !== EventKind.StateTransition) {
        expect(transitionResourceKind(ev)).toBe(0);
        return;
      }
      transitions++;
      const want = ev.stateTransition().resource;
      if (want.kind === 2) procs++;
      if (transitionResourceKind(ev) !== want.kind || transitionResourceId(ev) !== want.id) {
        expect({ type: ev.type, kind: transitionResourceKind(ev), id: transitionResourceId(ev) }).toEqual({ type: ev.type, kind: want.kind, id: want.id });
      }
    });
    expect(transitions).toBeGreaterThan(0);
    expect(procs).toBeGreaterThan(0);
  });
});

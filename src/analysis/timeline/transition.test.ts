// readGoTransition reads goroutine transitions without allocating; it must give what the
// parser's own stateTransition() gives, for every event of every committed trace.
import { describe, expect, it } from 'vitest';
import { EventKind, ResourceKind } from '../../trace/parse/index';
import { forEachCommittedEvent } from '../committed-events';
import { newGoTransition, readGoTransition } from './transition';

describe('readGoTransition', () => {
  it('agrees with TraceEvent.stateTransition on every committed trace', () => {
    const t = newGoTransition();
    let checked = 0;
    const mismatches: string[] = [];
    forEachCommittedEvent((ev, f) => {
      if (ev.kind() !== EventKind.StateTransition) {
        expect(readGoTransition(ev, t)).toBe(false);
        return;
      }
      const st = ev.stateTransition();
      const isGo = readGoTransition(ev, t);
      if (st.resource.kind !== ResourceKind.Goroutine) {
        expect(isGo).toBe(false);
        return;
      }
      checked++;
      const evStack = ev.stack();
      const transStackId = t.stackIs === 'event' ? t.eventStack : t.stackIs === 'new' ? t.newStack : null;
      const got = [t.goroutine, t.from, t.to, evStack.isNone() ? 0 : evStack.id, t.stackIs === 'none' || (t.stackIs === 'event' && t.eventStack === 0) ? 'none' : transStackId];
      const want = [st.resource.id, st.from, st.to, t.eventStack, st.stack.isNone() ? 'none' : st.stack.id];
      if (JSON.stringify(got, (_, v) => (typeof v === 'bigint' ? v.toString() : v)) !== JSON.stringify(want, (_, v) => (typeof v === 'bigint' ? v.toString() : v))) {
        if (mismatches.length < 5) mismatches.push(`${f} ${ev.type}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
      }
      const reason = t.reason === 0 ? '' : ev.table!.strings.get(t.reason);
      if (reason !== st.reason && mismatches.length < 5) mismatches.push(`${f}: reason ${reason} vs ${st.reason}`);
    });
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10000);
  });
});

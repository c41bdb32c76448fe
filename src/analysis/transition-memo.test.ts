// transitionOf gives a goroutine's transition in a reused object, read without allocating; it
// must say what the parser's own stateTransition() says, for every event of every committed
// trace, and a P's transition must come through unchanged.
import { describe, expect, it } from 'vitest';
import { EventKind, type StateTransition } from '../trace/parse/index';
import { forEachCommittedEvent } from './committed-events';
import { transitionOf } from './transition-memo';

function describeTransition(st: StateTransition): string {
  const s = st.stack;
  const stack = s.isNone() ? 'none' : `${s.table === null ? 'no table' : 'table'} ${s.id}`;
  return `${st.resource.kind}:${st.resource.id} ${st.from}->${st.to} reason=${JSON.stringify(st.reason)} stack=${stack}`;
}

describe('transitionOf', () => {
  it('agrees with TraceEvent.stateTransition on every committed trace, event by event', () => {
    let checked = 0;
    let reusedSeen = 0;
    const mismatches: string[] = [];
    let previous: StateTransition | null = null;
    forEachCommittedEvent((ev, f) => {
      if (ev.kind() !== EventKind.StateTransition) return;
      const got = transitionOf(ev);
      // Asked again for the same event, the same answer.
      expect(transitionOf(ev)).toBe(got);
      const want = ev.stateTransition();
      checked++;
      if (got === previous) reusedSeen++;
      previous = got;
      const a = describeTransition(got);
      const b = describeTransition(want);
      if (a !== b && mismatches.length < 5) mismatches.push(`${f} type ${ev.type}: ${a} vs ${b}`);
      if (got.stack.table !== want.stack.table && mismatches.length < 5) mismatches.push(`${f} type ${ev.type}: another stack table`);
    });
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10000);
    // Every answer is one reused object.
    expect(reusedSeen).toBe(checked - 1);
  });
});

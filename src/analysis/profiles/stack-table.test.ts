// internEventStack interns an event's stack without making a Stack object: it must give the
// entry intern(ev.stack()) gives, for every event of every committed trace (CPU samples, stacks
// of ID 0 and events without a stack among them).
import { describe, expect, it } from 'vitest';
import { forEachCommittedEvent } from '../committed-events';
import { StackTable } from './stack-table';

describe('StackTable.internEventStack', () => {
  it('gives the entry of intern(ev.stack()) for every event of every committed trace', () => {
    let checked = 0;
    let withStack = 0;
    const mismatches: string[] = [];
    // Per trace, one table asked both ways and one asked only the new way: the same entries,
    // in the same order, come out of both.
    const tables = new Map<string, { both: StackTable; alone: StackTable }>();
    forEachCommittedEvent((ev, f) => {
      let t = tables.get(f);
      if (t === undefined) tables.set(f, (t = { both: new StackTable(), alone: new StackTable() }));
      const want = t.both.intern(ev.stack());
      const got = t.both.internEventStack(ev);
      const fresh = t.alone.internEventStack(ev);
      checked++;
      if (!ev.stack().isNone()) withStack++;
      if ((got !== want || fresh !== want) && mismatches.length < 5) mismatches.push(`${f} type ${ev.type}: ${got}/${fresh} vs ${want}`);
    });
    for (const { both, alone } of tables.values()) expect(alone.frames).toEqual(both.frames);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10000);
    expect(withStack).toBeGreaterThan(1000);
  });
});

// internEventStack interns an event's stack without making a Stack object: it must give the
// entry intern(ev.stack()) gives, for every event of every committed trace (CPU samples, stacks
// of ID 0 and events without a stack among them).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TraceReader } from '../../trace/parse/index';
import { StackTable } from './stack-table';

const TRACES = resolve(__dirname, '../../../testdata/traces');

describe('StackTable.internEventStack', () => {
  it('gives the entry of intern(ev.stack()) for every event of every committed trace', () => {
    let checked = 0;
    let withStack = 0;
    const mismatches: string[] = [];
    for (const f of readdirSync(TRACES).filter((x) => x.endsWith('.trace'))) {
      // One table asked both ways, and one asked only the new way: the same entries, in the
      // same order, come out of both.
      const both = new StackTable();
      const alone = new StackTable();
      let r: TraceReader;
      try {
        r = new TraceReader(new Uint8Array(readFileSync(join(TRACES, f))));
      } catch {
        continue;
      }
      try {
        r.forEachEvent((ev) => {
          const want = both.intern(ev.stack());
          const got = both.internEventStack(ev);
          const fresh = alone.internEventStack(ev);
          checked++;
          if (!ev.stack().isNone()) withStack++;
          if ((got !== want || fresh !== want) && mismatches.length < 5) mismatches.push(`${f} type ${ev.type}: ${got}/${fresh} vs ${want}`);
        });
      } catch {
        // damaged traces end in an error after their events
      }
      expect(alone.frames).toEqual(both.frames);
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10000);
    expect(withStack).toBeGreaterThan(1000);
  });
});

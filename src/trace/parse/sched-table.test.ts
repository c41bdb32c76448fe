// The ordering's state table against a plain Map, through seeded random inserts, deletes and
// lookups over IDs that collide in the hash, IDs past 2^31 and 2^53, negative IDs, and sequence
// numbers past 2^53; plus the order states are listed in for error messages.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import type { I64, U64 } from './int64';
import { SchedTable } from './sched-table';

describe('SchedTable', () => {
  for (const seed of [1, 2, 3, 17, 99]) {
    it(`agrees with a Map over random operations (seed ${seed})`, () => {
      const rnd = seededRandom(seed);
      const t = new SchedTable();
      const model = new Map<I64, { status: number; gen: number; seq: U64 }>();
      // Small IDs collide often in a 64-entry table; the others take the Map path.
      const pool: I64[] = [...Array(300).keys(), 2 ** 31, 2 ** 31 - 1, 2 ** 40 + 3, -1, 2n ** 60n, 2n ** 64n - 2n];
      for (let step = 0; step < 6_000; step++) {
        const id = pool[Math.floor(rnd() * pool.length)];
        const op = rnd();
        const slot = t.find(id);
        const want = model.get(id);
        expect(slot >= 0, `step ${step}: presence of ${id}`).toBe(want !== undefined);
        if (want !== undefined) {
          expect(t.id(slot)).toBe(id);
          expect(t.statusOf(slot)).toBe(want.status);
          expect(t.seqGenOf(slot)).toBe(want.gen);
          expect(t.seqOf(slot)).toBe(want.seq);
          expect(t.succeeds(slot, want.gen, typeof want.seq === 'number' && want.seq < 2 ** 53 - 1 ? want.seq + 1 : BigInt(want.seq) + 1n)).toBe(true);
          expect(t.succeeds(slot, want.gen + 1, 1)).toBe(false);
        }
        if (op < 0.45) {
          if (want === undefined) {
            const status = Math.floor(rnd() * 5);
            t.insert(id, status, 3);
            model.set(id, { status, gen: 3, seq: 0 });
          }
        } else if (op < 0.8) {
          t.delete(id);
          model.delete(id);
        } else if (want !== undefined) {
          const seq: U64 = rnd() < 0.1 ? 2n ** 60n + BigInt(step) : Math.floor(rnd() * 1000);
          const gen = Math.floor(rnd() * 3) + 2;
          t.setSeq(slot, gen, seq);
          t.setStatus(slot, (want.status + 1) % 5);
          model.set(id, { status: (want.status + 1) % 5, gen, seq });
        }
      }
      const listed = t.slots().map((s) => t.id(s));
      expect(new Set(listed)).toEqual(new Set(model.keys()));
    });
  }

  it('steps a state with the next sequence number in one look-up, and changes nothing otherwise', () => {
    const t = new SchedTable();
    t.insert(5, 4, 1); // Waiting, sequence number 0 of generation ordinal 1
    expect(t.stepSeq(6, 4, 1, 1, 1)).toBe(0); // no such state
    expect(t.stepSeq(5, 1, 2, 1, 1)).toBe(0); // not Runnable
    expect(t.stepSeq(5, 4, 1, 2, 1)).toBe(0); // a sequence number of another generation
    expect(t.stepSeq(5, 4, 1, 1, 2)).toBe(0); // not the next one
    expect(t.statusOf(t.find(5))).toBe(4);
    expect(t.stepSeq(5, 4, 1, 1, 1)).toBe(1);
    expect([t.statusOf(t.find(5)), t.seqOf(t.find(5))]).toEqual([1, 1]);
    // Past int32 (an ID or a sequence number): left to find, succeeds and setSeq.
    t.insert(2 ** 40, 4, 1);
    expect(t.stepSeq(2 ** 40, 4, 1, 1, 1)).toBe(-1);
    expect(t.stepSeq(5, 1, 2, 1, 2 ** 33)).toBe(-1);
    t.setSeq(t.find(5), 1, 2 ** 40);
    expect(t.stepSeq(5, 1, 2, 1, 2 ** 40 + 1)).toBe(-1);
    expect(t.statusOf(t.find(5))).toBe(1);
  });

  it('steps a status from one to another only from the one given', () => {
    const t = new SchedTable();
    t.insert(9, 2, 0);
    expect(t.step(9, 1, 4)).toBe(false);
    expect(t.step(8, 2, 4)).toBe(false);
    expect(t.step(9, 2, 4)).toBe(true);
    expect(t.statusOf(t.find(9))).toBe(4);
    t.insert(2 ** 40, 2, 0);
    expect(t.step(2 ** 40, 2, 4)).toBe(false);
    expect(t.statusOf(t.find(2 ** 40))).toBe(2);
  });

  it('lists IDs below 2^31 in increasing order, then the others as they were made', () => {
    const t = new SchedTable();
    for (const id of [2 ** 40, 7, 2n ** 63n, 3, 1 << 21, -5, 100]) t.insert(id, 1, 0);
    expect(t.slots().map((s) => t.id(s))).toEqual([3, 7, 100, 1 << 21, 2 ** 40, 2n ** 63n, -5]);
  });

  it('keeps regions and in-flight ranges with their ID while states move, and drops them on delete', () => {
    const t = new SchedTable();
    for (let id = 0; id < 200; id++) t.insert(id, 1, 0);
    t.openRegion(t.find(150), 1, 'r');
    t.openRegion(t.find(150), 2, 'inner');
    for (let id = 0; id < 150; id++) t.delete(id);
    expect(t.regions(t.find(150))).toEqual([1, 'r', 2, 'inner']);
    t.closeRegion(t.find(150));
    expect(t.regions(t.find(150))).toEqual([1, 'r']);
    t.delete(150);
    t.insert(150, 1, 0);
    expect(t.regions(t.find(150))).toEqual([]);
  });

  it('stays fast when IDs share their low bits (switches to a scrambling hash)', () => {
    const t = new SchedTable();
    const ids = [...Array(5000).keys()].map((i) => i * 65536);
    for (const id of ids) t.insert(id, 2, 0);
    for (const id of ids) expect(t.id(t.find(id))).toBe(id);
    for (const id of ids.slice(0, 2500)) t.delete(id);
    for (const id of ids) expect(t.find(id) >= 0).toBe(id >= 2500 * 65536);
  });

  it('grows with live states, not with IDs seen', () => {
    const t = new SchedTable();
    for (let id = 0; id < 100_000; id++) {
      t.insert(id, 1, 0);
      if (id >= 10) t.delete(id - 10);
    }
    expect(t.capacity).toBeLessThanOrEqual(64);
    for (let id = 99_990; id < 100_000; id++) expect(t.find(id)).toBeGreaterThanOrEqual(0);
    expect(t.find(99_989)).toBe(-1);
  });
});

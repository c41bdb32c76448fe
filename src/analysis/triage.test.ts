// The triage's longest wait and longest wait for a CPU, against every spell of every goroutine
// listed plainly from the events: each Waiting (not "forever") or Runnable spell from the
// transition into it to the next transition of that goroutine; of a user goroutine's spells of
// a kind the longest (the first on ties); of those the longest, ties going to the goroutine
// that finished a spell of that kind first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventKind, GoState, ResourceKind, type TraceEvent } from '../trace/parse/index';
import { analyseTrace } from './analyse';
import { runPassSync, type EventSink } from './event-pass';
import { isSystemGoroutine } from './goroutines/summary-types';

const TRACES = join(__dirname, '../../testdata/traces');

interface Spell {
  g: string;
  waiting: boolean;
  startNs: number;
  endNs: number;
}

class AllSpells implements EventSink {
  first: number | null = null;
  readonly spells: Spell[] = [];
  private readonly open = new Map<string, { waiting: boolean; startNs: number }>();
  event(ev: TraceEvent): void {
    const t = Number(ev.time);
    this.first ??= t;
    if (ev.kind() !== EventKind.StateTransition) return;
    const st = ev.stateTransition();
    if (st.resource.kind !== ResourceKind.Goroutine || st.from === st.to) return;
    const g = String(st.resource.id);
    const o = this.open.get(g);
    if (o) this.spells.push({ g, waiting: o.waiting, startNs: o.startNs, endNs: t - this.first });
    this.open.delete(g);
    if ((st.to === GoState.Waiting && st.reason !== 'forever') || st.to === GoState.Runnable) {
      this.open.set(g, { waiting: st.to === GoState.Waiting, startNs: t - this.first });
    }
  }
}

function expected(spells: Spell[], waiting: boolean, user: (g: string) => boolean): Spell | null {
  const perG = new Map<string, { best: Spell; order: number }>();
  spells.forEach((s, order) => {
    if (s.waiting !== waiting) return;
    const b = perG.get(s.g);
    if (!b) perG.set(s.g, { best: s, order });
    else if (s.endNs - s.startNs > b.best.endNs - b.best.startNs) b.best = s;
  });
  let out: { best: Spell; order: number } | null = null;
  for (const [g, b] of perG) {
    if (!user(g)) continue;
    const d = b.best.endNs - b.best.startNs;
    if (out === null || d > out.best.endNs - out.best.startNs || (d === out.best.endNs - out.best.startNs && b.order < out.order)) out = b;
  }
  return out?.best ?? null;
}

describe('triage: the longest waits', () => {
  for (const file of ['blocking.go126.trace', 'gcstress.go127.trace', 'goroutines.go126.trace', 'requests.go127.trace', 'syscallsteal.go126.trace']) {
    it(`${file}: the goroutine blocked longest and the longest wait for a CPU are the longest spells of user goroutines`, () => {
      const bytes = new Uint8Array(readFileSync(join(TRACES, file)));
      const all = new AllSpells();
      runPassSync(bytes, [all]);
      const a = analyseTrace(bytes);
      const names = new Map(a.annotations.goroutines.map((g) => [String(g.id), g.name]));
      const user = (g: string) => !isSystemGoroutine(names.get(g) ?? '');
      let seen = 0;
      for (const [kind, waiting] of [['blocked', true], ['sched', false]] as const) {
        const want = expected(all.spells, waiting, user);
        const got = a.triage.find((t) => t.kind === kind);
        if (want === null) {
          expect(got).toBeUndefined();
          continue;
        }
        seen++;
        expect({ g: String(got?.goroutine), startNs: got?.startNs, endNs: got?.endNs }).toEqual({ g: want.g, startNs: want.startNs, endNs: want.endNs });
      }
      expect(seen).toBeGreaterThan(0);
    });
  }
});

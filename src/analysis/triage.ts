// The worst things in a trace, for someone who just opened a production snapshot: the longest
// stop-the-world pause, the goroutine blocked longest (and on what), the slowest task and
// region, the longest wait for a CPU (scheduler latency), and the lowest-utilization MMU
// span of time. Each comes with a place on the timeline.
//
// WaitSink follows every goroutine's waits and runnable spells in the event pass, keeping only
// each goroutine's longest (memory follows goroutines).

import { EventKind, GoState, ResourceKind, type GoID, type TraceEvent } from '../trace/parse/index';
import type { EventSink } from './event-pass';
import { TraceClock } from './trace-time';
import type { StackTable } from './profiles/stack-table';
import type { TraceAnalysis } from './analyse';
import { isSystemGoroutine } from './goroutines/summary-types';
import { taskTypes } from './annotations/task-stats';
import { regionTypes, regionSpan } from './annotations/region-stats';
import { DEFAULT_MMU, worstWindows } from './gc/mmu';
import { transitionOf } from './transition-memo';
import { grown, LiveSlots } from './live-slots';
import { StringIndex } from './string-index';

interface Spell {
  startNs: number;
  endNs: number;
  reason: string;
  stack: number;
}

/**
 * Per goroutine (by a slot of its own, in the order goroutines first wait or become runnable):
 * the wait or runnable spell open now (`state` 0: none), and the longest of each kind so far,
 * each with the order in which the goroutine first finished one (ties go to the earlier; 0:
 * none yet). In columns (see live-slots.ts): an object per goroutine and per spell left this
 * sink waiting on memory on every transition of a server's hundreds of thousands of goroutines.
 */
class SpellColumns {
  state = new Uint8Array(0);
  start = new Float64Array(0);
  reason = new Int32Array(0);
  stack = new Int32Array(0);
  // The longest finished spell of each kind: [slot * 2 + 0] waits, [slot * 2 + 1] runnable spells.
  bestStart = new Float64Array(0);
  bestEnd = new Float64Array(0);
  bestReason = new Int32Array(0);
  bestStack = new Int32Array(0);
  bestOrder = new Int32Array(0);

  grow(n: number): void {
    this.state = grown(this.state, n);
    this.start = grown(this.start, n);
    this.reason = grown(this.reason, n);
    this.stack = grown(this.stack, n);
    const m = this.state.length * 2;
    this.bestStart = grown(this.bestStart, m);
    this.bestEnd = grown(this.bestEnd, m);
    this.bestReason = grown(this.bestReason, m);
    this.bestStack = grown(this.bestStack, m);
    this.bestOrder = grown(this.bestOrder, m);
  }
}

export class WaitSink implements EventSink {
  readonly clock = new TraceClock();
  /** Never closed: a goroutine's slot keeps its longest spells to the end. */
  private readonly slots = new LiveSlots();
  private readonly ids: GoID[] = [];
  private readonly c = new SpellColumns();
  private readonly reasons = new StringIndex();
  private finished = 0;

  constructor(private readonly stacks: StackTable) {}

  event(ev: TraceEvent): void {
    this.clock.see(ev.time);
    if (ev.kind() !== EventKind.StateTransition) return;
    const st = transitionOf(ev);
    if (st.resource.kind !== ResourceKind.Goroutine || st.from === st.to) return;
    const g = st.resource.id;
    const t = this.clock.rel(ev.time);
    const c = this.c;
    let s = this.slots.slotOf(g);
    if (s >= 0 && c.state[s] !== 0) {
      const b = s * 2 + (c.state[s] === GoState.Waiting ? 0 : 1);
      if (c.bestOrder[b] === 0 || t - c.start[s] > c.bestEnd[b] - c.bestStart[b]) {
        if (c.bestOrder[b] === 0) c.bestOrder[b] = ++this.finished;
        c.bestStart[b] = c.start[s];
        c.bestEnd[b] = t;
        c.bestReason[b] = c.reason[s];
        c.bestStack[b] = c.stack[s];
      }
      c.state[s] = 0;
    }
    if ((st.to === GoState.Waiting && st.reason !== 'forever') || st.to === GoState.Runnable) {
      if (s < 0) {
        s = this.slots.open(g);
        this.ids.push(g);
        if (s >= c.state.length) c.grow(this.slots.used);
      }
      c.state[s] = st.to;
      c.start[s] = t;
      c.reason[s] = this.reasons.indexOf(st.reason);
      c.stack[s] = st.to === GoState.Waiting ? this.stacks.internEventStack(ev) : 0;
    }
    // A goroutine that ended (or waits forever) has nothing open: its state is 0 here.
  }

  /** The longest wait (or runnable spell) of the goroutines `keep` accepts; ties to the one that finished a spell of that kind first. */
  longest(waiting: boolean, keep: (g: GoID) => boolean): [GoID, Spell] | null {
    const c = this.c;
    let best = -1;
    for (let s = 0; s < this.ids.length; s++) {
      const b = s * 2 + (waiting ? 0 : 1);
      if (c.bestOrder[b] === 0 || !keep(this.ids[s])) continue;
      if (best < 0) {
        best = b;
        continue;
      }
      const d = c.bestEnd[b] - c.bestStart[b];
      const bd = c.bestEnd[best] - c.bestStart[best];
      if (d > bd || (d === bd && c.bestOrder[b] < c.bestOrder[best])) best = b;
    }
    if (best < 0) return null;
    const spell = { startNs: c.bestStart[best], endNs: c.bestEnd[best], reason: this.reasons.strings[c.bestReason[best]], stack: c.bestStack[best] };
    return [this.ids[best >> 1], spell];
  }
}

export interface TriageItem {
  /** What kind of worst thing. */
  kind: 'stw' | 'blocked' | 'task' | 'region' | 'sched' | 'mmu';
  title: string;
  /** The number that makes it the worst (ns, or utilization 0..1 for mmu). */
  value: number;
  detail: string;
  startNs: number;
  endNs: number;
  goroutine?: number;
}

/** The MMU span the triage looks at. */
export const TRIAGE_MMU_WINDOW_NS = 1_000_000;

export function triage(t: TraceAnalysis, waits: WaitSink, gcPauses: { reason: string; startNs: number; endNs: number | null; g: GoID }[]): TriageItem[] {
  const a = t.annotations;
  const out: TriageItem[] = [];
  const names = new Map(a.goroutines.map((g) => [g.id, g.name]));
  const pause = gcPauses.filter((p) => p.endNs !== null).reduce<(typeof gcPauses)[number] | null>((m, p) => (!m || p.endNs! - p.startNs > m.endNs! - m.startNs ? p : m), null);
  if (pause) out.push({ kind: 'stw', title: 'Longest stop-the-world pause', value: pause.endNs! - pause.startNs, detail: pause.reason, startNs: pause.startNs, endNs: pause.endNs! });
  const user = (g: GoID) => !isSystemGoroutine(names.get(g) ?? '');
  const w = waits.longest(true, user);
  if (w) {
    const at = t.profiles.stacks.frames[w[1].stack]?.find((f) => !f.func.startsWith('runtime.'))?.func ?? t.profiles.stacks.frames[w[1].stack]?.[0]?.func ?? '';
    out.push({ kind: 'blocked', title: 'Goroutine blocked longest', value: w[1].endNs - w[1].startNs, detail: `G${w[0]} (${names.get(w[0]) || 'no start function'}) on ${w[1].reason || 'an unnamed wait'}${at ? ` in ${at}` : ''}`, startNs: w[1].startNs, endNs: w[1].endNs, goroutine: Number(w[0]) });
  }
  const tt = taskTypes(a).filter((x) => x.slowest !== null).sort((x, y) => y.slowestNs - x.slowestNs)[0];
  if (tt) {
    const task = a.tasks.find((x) => x.id === tt.slowest)!;
    out.push({ kind: 'task', title: 'Slowest task', value: tt.slowestNs, detail: `task ${String(task.id)} (${tt.name || 'no type'})`, startNs: task.start!.timeNs, endNs: task.end!.timeNs, goroutine: Number(task.start!.g) });
  }
  const rt = regionTypes(a).sort((x, y) => y.slowestNs - x.slowestNs)[0];
  if (rt) {
    const r = a.regions[rt.slowest];
    const s = regionSpan(a, r);
    out.push({ kind: 'region', title: 'Slowest region', value: rt.slowestNs, detail: `${rt.name || '(inherited)'} on G${String(r.goroutine)}`, startNs: s.startNs, endNs: s.endNs, goroutine: Number(r.goroutine) });
  }
  const s = waits.longest(false, user);
  if (s) out.push({ kind: 'sched', title: 'Longest wait for a CPU', value: s[1].endNs - s[1].startNs, detail: `G${s[0]} (${names.get(s[0]) || 'no start function'}) was runnable but not running`, startNs: s[1].startNs, endNs: s[1].endNs, goroutine: Number(s[0]) });
  try {
    const mw = worstWindows(t.mmu, DEFAULT_MMU, TRIAGE_MMU_WINDOW_NS, 1)[0];
    if (mw) out.push({ kind: 'mmu', title: 'Lowest mutator utilization in 1 ms', value: mw.mutatorUtil, detail: 'with STW, background workers and mark assists counted', startNs: mw.time, endNs: mw.time + TRIAGE_MMU_WINDOW_NS });
  } catch {
    // A trace the MMU cannot be computed for simply has no MMU item.
  }
  return out;
}

// The old parser's consistency pass over the merged events, following postProcessTrace in Go's
// internal/trace/internal/tracev1/parser.go: it tracks goroutines, Ps, GC, STW, sweeps,
// tasks and regions, fails with Go's message on the first inconsistency, and fixes up events
// on the way (GC starts move to the GC P, unblocks of network waits to the netpoll P, a
// goroutine's first start gets its creation stack, stacks that do not exist are dropped).
//
// Go keeps its per-goroutine and per-P records in maps of values it copies out and writes
// back; whether an entry exists is observable ("g N already exists"), so entries are created
// exactly where Go writes one.

import { goQuote } from '../go/strconv';
import { TraceError } from '../parse/errors';
import { dec, type U64 } from '../parse/int64';
import { newEvent, u32, type V1Event } from './batches';
import type { EventStore } from './event-store';
import { V1, V1_SPECS } from '../wire/v1-specs';
import { GC_P, NETPOLL_P, TIMER_P } from './specs';

const G_DEAD = 0;
const G_RUNNABLE = 1;
const G_RUNNING = 2;
const G_WAITING = 3;

interface GDesc {
  state: number;
  /** Indices into the store, -1 for none (Go's *Event fields). */
  ev: number;
  evStart: number;
  evCreate: number;
  evMarkAssist: number;
}

interface PDesc {
  running: boolean;
  g: U64;
  evSweep: number;
}

const newG = (): GDesc => ({ state: G_DEAD, ev: -1, evStart: -1, evCreate: -1, evMarkAssist: -1 });
const newP = (): PDesc => ({ running: false, g: 0, evSweep: -1 });

/** Go's Event.String of the old format (used in its error messages). */
export function v1EventString(ev: V1Event): string {
  const desc = V1_SPECS[ev.type];
  let s = `${dec(ev.ts)} ${desc.name} p=${ev.p} g=${dec(ev.g)} stk=${ev.stk}`;
  const args = [ev.a0, ev.a1, ev.a2, ev.a3];
  desc.args.forEach((a, i) => (s += ` ${a}=${dec(args[i])}`));
  return s;
}

/**
 * Checks and fixes up the events in `order` (indices into store). stacks tells which stack IDs
 * exist. Throws TraceError with Go's message.
 */
export function postProcess(store: EventStore, order: Uint32Array, stacks: Map<number, unknown>): void {
  const gs = new Map<U64, GDesc>();
  const ps = new Map<number, PDesc>();
  const tasks = new Map<U64, number>();
  const activeRegions = new Map<U64, number[]>();
  gs.set(0, { ...newG(), state: G_RUNNING });
  let evGC = -1;
  let evSTW = -1;
  const ev = newEvent(0, 0, 0);
  const getG = (g: U64) => gs.get(g) ?? newG();
  const getP = (p: number) => ps.get(p) ?? newP();
  const fail = (msg: string) => new TraceError(msg);
  const at = () => `(time ${dec(ev.ts)})`;
  const quoted = (i: number) => goQuote(v1EventString(store.event(i)));

  const checkRunning = (p: PDesc, g: GDesc, allowG0: boolean) => {
    const name = V1_SPECS[ev.type].name;
    if (g.state !== G_RUNNING) throw fail(`g ${dec(ev.g)} is not running while ${name} ${at()}`);
    if (p.g !== ev.g) throw fail(`p ${ev.p} is not running g ${dec(ev.g)} while ${name} ${at()}`);
    if (!allowG0 && ev.g === 0) throw fail(`g 0 did ${name} ${at()}`);
  };

  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    store.read(i, ev);
    switch (ev.type) {
      case V1.ProcStart: {
        const p = getP(ev.p);
        if (p.running) throw fail(`p ${ev.p} is running before start ${at()}`);
        p.running = true;
        ps.set(ev.p, p);
        break;
      }
      case V1.ProcStop: {
        const p = getP(ev.p);
        if (!p.running) throw fail(`p ${ev.p} is not running before stop ${at()}`);
        if (p.g !== 0) throw fail(`p ${ev.p} is running a goroutine ${dec(p.g)} during stop ${at()}`);
        p.running = false;
        ps.set(ev.p, p);
        break;
      }
      case V1.GCStart:
        if (evGC >= 0) throw fail(`previous GC is not ended before a new one ${at()}`);
        evGC = i;
        // Attributed to the global GC state.
        store.setP(i, GC_P);
        break;
      case V1.GCDone:
        if (evGC < 0) throw fail(`bogus GC end ${at()}`);
        evGC = -1;
        break;
      case V1.STWStart:
        if (evSTW >= 0) throw fail(`previous STW is not ended before a new one ${at()}`);
        evSTW = i;
        break;
      case V1.STWDone:
        if (evSTW < 0) throw fail(`bogus STW end ${at()}`);
        evSTW = -1;
        break;
      case V1.GCSweepStart: {
        const p = getP(ev.p);
        if (p.evSweep >= 0) throw fail(`previous sweeping is not ended before a new one ${at()}`);
        p.evSweep = i;
        ps.set(ev.p, p);
        break;
      }
      case V1.GCMarkAssistStart: {
        const g = getG(ev.g);
        if (g.evMarkAssist >= 0) throw fail(`previous mark assist is not ended before a new one ${at()}`);
        g.evMarkAssist = i;
        gs.set(ev.g, g);
        break;
      }
      case V1.GCMarkAssistDone: {
        // Mark assists can be in progress when tracing starts: no error for an unmatched end.
        const g = getG(ev.g);
        g.evMarkAssist = -1;
        gs.set(ev.g, g);
        break;
      }
      case V1.GCSweepDone: {
        const p = getP(ev.p);
        if (p.evSweep < 0) throw fail(`bogus sweeping end ${at()}`);
        p.evSweep = -1;
        ps.set(ev.p, p);
        break;
      }
      case V1.GoWaiting:
      case V1.GoInSyscall: {
        const g = getG(ev.g);
        if (g.state !== G_RUNNABLE) {
          throw fail(`g ${dec(ev.g)} is not runnable before Ev${V1_SPECS[ev.type].name} ${at()}`);
        }
        g.state = G_WAITING;
        g.ev = i;
        gs.set(ev.g, g);
        break;
      }
      case V1.GoCreate: {
        checkRunning(getP(ev.p), getG(ev.g), true);
        if (gs.has(ev.a0)) throw fail(`g ${dec(ev.a0)} already exists ${at()}`);
        gs.set(ev.a0, { state: G_RUNNABLE, ev: i, evStart: -1, evCreate: i, evMarkAssist: -1 });
        break;
      }
      case V1.GoStart:
      case V1.GoStartLabel: {
        const g = getG(ev.g);
        const p = getP(ev.p);
        if (g.state !== G_RUNNABLE) throw fail(`g ${dec(ev.g)} is not runnable before start ${at()}`);
        if (p.g !== 0) throw fail(`p ${ev.p} is already running g ${dec(p.g)} while start g ${dec(ev.g)} ${at()}`);
        g.state = G_RUNNING;
        g.evStart = i;
        p.g = ev.g;
        if (g.evCreate >= 0) {
          ev.stk = u32(store.arg(g.evCreate, 1));
          store.setStk(i, ev.stk);
          g.evCreate = -1;
        }
        g.ev = -1;
        gs.set(ev.g, g);
        ps.set(ev.p, p);
        break;
      }
      case V1.GoEnd:
      case V1.GoStop: {
        const g = getG(ev.g);
        const p = getP(ev.p);
        checkRunning(p, g, false);
        g.evStart = -1;
        g.state = G_DEAD;
        p.g = 0;
        // A goroutine's end closes its open regions.
        if (ev.type === V1.GoEnd) activeRegions.delete(ev.g);
        gs.set(ev.g, g);
        ps.set(ev.p, p);
        break;
      }
      case V1.GoSched:
      case V1.GoPreempt: {
        const g = getG(ev.g);
        const p = getP(ev.p);
        checkRunning(p, g, false);
        g.state = G_RUNNABLE;
        g.evStart = -1;
        p.g = 0;
        g.ev = i;
        gs.set(ev.g, g);
        ps.set(ev.p, p);
        break;
      }
      case V1.GoUnblock: {
        const g = getG(ev.g);
        const p = getP(ev.p);
        if (g.state !== G_RUNNING) throw fail(`g ${dec(ev.g)} is not running while unpark ${at()}`);
        if (ev.p !== TIMER_P && p.g !== ev.g) throw fail(`p ${ev.p} is not running g ${dec(ev.g)} while unpark ${at()}`);
        const g1 = getG(ev.a0);
        if (g1.state !== G_WAITING) throw fail(`g ${dec(ev.a0)} is not waiting before unpark ${at()}`);
        if (g1.ev >= 0 && store.type(g1.ev) === V1.GoBlockNet) store.setP(i, NETPOLL_P);
        g1.state = G_RUNNABLE;
        g1.ev = i;
        gs.set(ev.a0, g1);
        break;
      }
      case V1.GoSysCall: {
        const g = getG(ev.g);
        checkRunning(getP(ev.p), g, false);
        g.ev = i;
        gs.set(ev.g, g);
        break;
      }
      case V1.GoSysBlock: {
        const g = getG(ev.g);
        const p = getP(ev.p);
        checkRunning(p, g, false);
        g.state = G_WAITING;
        g.evStart = -1;
        p.g = 0;
        gs.set(ev.g, g);
        ps.set(ev.p, p);
        break;
      }
      case V1.GoSysExit: {
        const g = getG(ev.g);
        if (g.state !== G_WAITING) throw fail(`g ${dec(ev.g)} is not waiting during syscall exit ${at()}`);
        g.state = G_RUNNABLE;
        g.ev = i;
        gs.set(ev.g, g);
        break;
      }
      case V1.GoSleep:
      case V1.GoBlock:
      case V1.GoBlockSend:
      case V1.GoBlockRecv:
      case V1.GoBlockSelect:
      case V1.GoBlockSync:
      case V1.GoBlockCond:
      case V1.GoBlockNet:
      case V1.GoBlockGC: {
        const g = getG(ev.g);
        const p = getP(ev.p);
        checkRunning(p, g, false);
        g.state = G_WAITING;
        g.ev = i;
        g.evStart = -1;
        p.g = 0;
        gs.set(ev.g, g);
        ps.set(ev.p, p);
        break;
      }
      case V1.UserTaskCreate: {
        const prev = tasks.get(ev.a0);
        if (prev !== undefined) throw fail(`task id conflicts (id:${dec(ev.a0)}), ${quoted(i)} vs ${quoted(prev)}`);
        tasks.set(ev.a0, i);
        break;
      }
      case V1.UserTaskEnd:
        tasks.delete(ev.a0);
        break;
      case V1.UserRegion: {
        const mode = ev.a1;
        const regions = activeRegions.get(ev.g) ?? [];
        if (mode === 0) {
          regions.push(i);
          activeRegions.set(ev.g, regions);
        } else if (mode === 1) {
          const n = regions.length;
          // Only checked when the matching start is in the trace.
          if (n > 0) {
            const s = regions[n - 1];
            if (store.arg(s, 0) !== ev.a0 || store.arg(s, 2) !== ev.a2) {
              throw fail(
                `misuse of region in goroutine ${dec(ev.g)}: span end ${quoted(i)} when the inner-most active span start event is ${quoted(s)}`,
              );
            }
            if (n > 1) regions.pop();
            else activeRegions.delete(ev.g);
          }
        } else {
          throw fail(`invalid user region mode: ${quoted(i)}`);
        }
        break;
      }
    }
    // Events must not name stacks that do not exist (Go: "better be safe than sorry").
    const stk = store.stk(i);
    if (stk !== 0 && !stacks.has(stk)) store.setStk(i, 0);
  }
}

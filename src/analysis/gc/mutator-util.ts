// Mutator utilization over time, as Go's MutatorUtilizationV2 (internal/trace/gc.go) computes
// it, replayed from the log mmu-log.ts keeps: one series for the whole system (each P a share
// of 1), or one per P with UtilPerProc. Every series ends with utilization 0 at the last event.

import { logGoroutine, Op, RangeKind, type MmuLog } from './mmu-log';

export const UTIL_STW = 1;
export const UTIL_BACKGROUND = 2;
export const UTIL_ASSIST = 4;
export const UTIL_SWEEP = 8;
export const UTIL_PER_PROC = 16;

/** A change of mean utilization (0..1) at a time (ns since the first event). */
export interface MutatorUtil {
  time: number;
  util: number;
}

function addUtil(util: MutatorUtil[], mu: MutatorUtil): void {
  const n = util.length;
  if (n > 0) {
    const last = util[n - 1];
    if (mu.util === last.util) return;
    if (mu.time === last.time) {
      // The lowest utilization at a time stamp wins.
      if (mu.util < last.util) util[n - 1] = mu;
      return;
    }
  }
  util.push(mu);
}

export function mutatorUtilization(log: MmuLog, flags: number): MutatorUtil[][] {
  const perProc = (flags & UTIL_PER_PROC) !== 0;
  const out: MutatorUtil[][] = [];
  let stw = 0;
  let ps: { gc: number; series: number }[] = [];
  const inGC = new Set<number | bigint>();
  const bgMark = new Set<number | bigint>();
  const procs: { time: number; n: number }[] = [];
  let nSync = 0;
  const handles = (k: number) => (k === RangeKind.Stw ? flags & UTIL_STW : k === RangeKind.Sweep ? flags & UTIL_SWEEP : flags & UTIL_ASSIST) !== 0;
  const p = (i: number) => {
    if (i < 0 || i >= ps.length) throw new Error(`MMU: the trace names P ${i} while GOMAXPROCS is ${ps.length} (Go's MutatorUtilizationV2 fails here too)`);
    return ps[i];
  };

  // i: the entry; j: its row of arguments (ticks have none).
  for (let i = 0, j = -1; i < log.length; i++) {
    const op = log.op[i];
    const t = log.time[i];
    if (op !== Op.Tick) j++;
    if (op === Op.Sync) nSync = log.a[j];
    else if (op === Op.Procs) {
      const n = log.a[j];
      if (ps.length > n) {
        if (perProc) for (const x of ps.slice(n)) addUtil(out[x.series], { time: t, util: 0 });
        ps = ps.slice(0, n);
      }
      while (ps.length < n) {
        let series = 0;
        if (perProc || out.length === 0) {
          series = out.length;
          out.push([{ time: t, util: 1 }]);
        }
        ps.push({ gc: 0, series });
      }
      if (procs.length === 0 || n !== procs[procs.length - 1].n) procs.push({ time: t, n });
    }
    if (ps.length === 0) continue;

    switch (op) {
      case Op.RangeActive:
      case Op.RangeBegin: {
        const k = log.a[j] & 7;
        // After a whole generation an active range tells nothing new.
        if (op === Op.RangeActive && nSync > 1) break;
        if (op === Op.RangeActive) {
          // Active since before the trace began: take its share out of the time already seen.
          const assistRunning = k === RangeKind.Assist && handles(k) && (log.a[j] & 8) !== 0;
          if ((assistRunning || (k === RangeKind.Sweep && handles(k))) && !perProc) {
            let mi = 0;
            let pi = 0;
            const s0 = out[0];
            while (mi < s0.length) {
              if (pi < procs.length - 1 && procs[pi + 1].time < s0[mi].time) {
                pi++;
                continue;
              }
              s0[mi] = { time: s0[mi].time, util: Math.max(0, s0[mi].util - 1 / procs[pi].n) };
              mi++;
            }
          }
        }
        if (!handles(k)) break;
        if (k === RangeKind.Stw) stw++;
        else if (k === RangeKind.Sweep) p(log.b[j]).gc++;
        else {
          p(log.b[j]).gc++;
          if (logGoroutine(log, j) !== -1) inGC.add(logGoroutine(log, j));
        }
        break;
      }
      case Op.RangeEnd: {
        const k = log.a[j];
        if (!handles(k)) break;
        if (k === RangeKind.Stw) stw--;
        else if (k === RangeKind.Sweep) p(log.b[j]).gc--;
        else {
          p(log.b[j]).gc--;
          if (logGoroutine(log, j) !== -1) inGC.delete(logGoroutine(log, j));
        }
        break;
      }
      case Op.Trans: {
        const g = logGoroutine(log, j);
        if (inGC.has(g) || bgMark.has(g)) p(log.b[j]).gc += log.a[j];
        break;
      }
      case Op.Label:
        if ((flags & UTIL_BACKGROUND) !== 0 && !(perProc && log.a[j] === 1)) {
          bgMark.add(logGoroutine(log, j));
          p(log.b[j]).gc++;
        }
        break;
    }

    if (!perProc) {
      let gcPs = 0;
      if (stw > 0) gcPs = ps.length;
      else for (const x of ps) if (x.gc > 0) gcPs++;
      addUtil(out[0], { time: t, util: 1 - gcPs / ps.length });
    } else {
      for (const x of ps) addUtil(out[x.series], { time: t, util: stw > 0 || x.gc > 0 ? 0 : 1 });
    }
  }
  if (log.lastTime === null) return [];
  for (const x of ps) addUtil(out[x.series], { time: log.lastTime, util: 0 });
  return out;
}

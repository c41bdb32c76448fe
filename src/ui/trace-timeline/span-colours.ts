// Colour slots of the span painters: one table per palette, indexed by small integers so
// the raster loop does no lookups by name. Running time takes its goroutine's start-function
// colour (GC workers the GC colour, so GC work stands out on the P lanes); other states
// take a colour of their own, as gotraceui and go tool trace tell them apart.

import { GState } from '../../analysis/timeline/index';
import { FN_COLOURS, fnColourIndex, type Palette } from './palette';
import type { Rgba } from './raster';

export const C_RUNNABLE = FN_COLOURS;
export const C_WAITING = FN_COLOURS + 1;
export const C_SYSCALL = FN_COLOURS + 2;
export const C_GC = FN_COLOURS + 3;
export const C_DIM = FN_COLOURS + 4;
export const C_BUSY = FN_COLOURS + 5;
export const C_ASSIST = FN_COLOURS + 6;
export const C_SWEEP = FN_COLOURS + 7;
export const C_STW = FN_COLOURS + 8;
export const C_REGION = FN_COLOURS + 9;
export const C_TASK = FN_COLOURS + 10;
export const C_LOG = FN_COLOURS + 11;
export const C_CPU = FN_COLOURS + 12;
export const C_GEN_A = FN_COLOURS + 13;
export const C_GEN_B = FN_COLOURS + 14;

const tables = new WeakMap<Palette, Rgba[]>();

export function spanColours(P: Palette): Rgba[] {
  let t = tables.get(P);
  if (!t) {
    const r = P.rgba;
    t = [...P.fnRgba, r.runnable, r.waiting, r.syscall, r.gc, r.dim, r.busy, r.assist, r.sweep, r.stw, r.region, r.task, r.log, r.cpu, r['gen-a'], r['gen-b']];
    tables.set(P, t);
  }
  return t;
}

/** The start functions of Go's GC workers: their running time is GC work. */
export function isGcWorker(startFunc: string): boolean {
  return startFunc === 'runtime.gcBgMarkWorker';
}

/** A goroutine's running colour slot from its start function. */
export function runningSlot(startFunc: string): number {
  return isGcWorker(startFunc) ? C_GC : fnColourIndex(startFunc);
}

/** Slot for a goroutine-lane state; −1 for states not drawn (not yet created, ended). */
export function stateSlot(state: GState, running: number): number {
  switch (state) {
    case GState.Running:
      return running;
    case GState.Runnable:
      return C_RUNNABLE;
    case GState.Waiting:
      return C_WAITING;
    case GState.Syscall:
      return C_SYSCALL;
    default:
      return -1;
  }
}

export function stateName(state: GState): string {
  switch (state) {
    case GState.Running:
      return 'running';
    case GState.Runnable:
      return 'runnable';
    case GState.Waiting:
      return 'waiting';
    case GState.Syscall:
      return 'in syscall';
    case GState.NotExist:
      return 'not existing';
    default:
      return 'undetermined';
  }
}

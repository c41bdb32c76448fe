// What the model's lane painters share for one state of the model and the search: the model,
// the lanes built from it, each goroutine's colour slot (from its group's start function,
// for all goroutines at once) and their info records on first use. Info records are kept per
// model, not per state: the model computes one by walking the goroutine's whole life, and a
// frame asks about the same goroutines again and again (while generations still arrive, a
// record is made again once the model has grown).

import type { GoroutineInfo, TimelineQueries } from '../../analysis/timeline/index';
import type { ModelLanes } from './model-lanes';
import { runningSlot } from './span-colours';

const infoCache = new WeakMap<TimelineQueries, { version: number; infos: Map<number, GoroutineInfo> }>();

export class ModelContext {
  private readonly slots: Int8Array;
  private readonly infos: Map<number, GoroutineInfo>;
  /** Scratch for coverage(): 4 fractions per device pixel. */
  coverage = new Float32Array(0);

  constructor(
    readonly model: TimelineQueries,
    readonly lanes: ModelLanes,
  ) {
    this.slots = new Int8Array(model.goroutineCount);
    for (const grp of model.goroutineGroups()) {
      const slot = runningSlot(grp.startFunc);
      for (let k = 0; k < grp.goroutines.length; k++) this.slots[grp.goroutines[k]] = slot;
    }
    let c = infoCache.get(model);
    if (!c || (c.version !== model.version && !model.complete) || c.infos.size > 200_000) {
      c = { version: model.version, infos: new Map() };
      infoCache.set(model, c);
    }
    this.infos = c.infos;
  }

  info(g: number): GoroutineInfo {
    let i = this.infos.get(g);
    if (!i) {
      i = this.model.goroutine(g);
      this.infos.set(g, i);
    }
    return i;
  }

  /** Colour slot of goroutine g's running time. */
  slot(g: number): number {
    return g >= 0 && g < this.slots.length ? this.slots[g] : 0;
  }

  /** False when a search is active and goroutine g does not match it. */
  matches(g: number): boolean {
    const bits = this.lanes.matchBits;
    return bits === null || (g >= 0 && g < bits.length && bits[g] === 1);
  }

  /** Goroutine g's lane name, 'G12 main.worker'. */
  name(g: number): string {
    return g >= 0 ? this.info(g).name : '';
  }

  coverageBuffer(n: number): Float32Array {
    if (this.coverage.length < n) this.coverage = new Float32Array(n);
    return this.coverage;
  }
}

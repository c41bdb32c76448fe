// What the model's lane painters share for one state of the model and the search: the model,
// the lanes built from it, and per-goroutine caches (colour slot, name) filled on first use,
// since a frame asks about the same few hundred goroutines again and again.

import type { GoroutineInfo, TimelineQueries } from '../../analysis/timeline/index';
import type { ModelLanes } from './model-lanes';
import { runningSlot } from './span-colours';

export class ModelContext {
  private slots: Int8Array;
  private infos: (GoroutineInfo | undefined)[] = [];
  /** Scratch for coverage(): 4 fractions per device pixel. */
  coverage = new Float32Array(0);

  constructor(
    readonly model: TimelineQueries,
    readonly lanes: ModelLanes,
  ) {
    this.slots = new Int8Array(model.goroutineCount).fill(-1);
  }

  info(g: number): GoroutineInfo {
    let i = this.infos[g];
    if (!i) {
      i = this.model.goroutine(g);
      this.infos[g] = i;
    }
    return i;
  }

  /** Colour slot of goroutine g's running time. */
  slot(g: number): number {
    if (g < 0) return 0;
    if (g >= this.slots.length) return runningSlot(this.info(g).startFunc);
    let s = this.slots[g];
    if (s < 0) {
      s = runningSlot(this.info(g).startFunc);
      this.slots[g] = s;
    }
    return s;
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

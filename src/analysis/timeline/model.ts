// The page-side timeline model: the chunks received so far and the trace-global tables they
// extend. Pure (no DOM); lives outside the store, which only holds its version.

import type { TimelineChunk, TimelineLoss } from './chunk';
import { ModelTables } from './model-tables';

export class TimelineModel {
  readonly tables = new ModelTables();
  readonly chunks: TimelineChunk[] = [];
  version = 0;
  complete = false;
  loss: TimelineLoss | null = null;
  originNs = '0';
  endNs = 0;

  /** Adds the next generation's chunk (chunks arrive in order). */
  append(chunk: TimelineChunk): void {
    if (chunk.index !== this.chunks.length) throw new Error(`timeline chunk ${chunk.index} arrived after ${this.chunks.length} chunks`);
    this.tables.append(chunk);
    this.chunks.push(chunk);
    this.originNs = chunk.originNs;
    this.endNs = chunk.endNs;
    this.version++;
  }

  /** No more chunks will come; loss says what a damaged trace lost (null when whole). */
  finish(loss: TimelineLoss | null): void {
    this.complete = true;
    this.loss = loss;
    this.version++;
  }
}

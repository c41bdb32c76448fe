// Reading one generation: buffering its batches and decoding its structural parts. Follows
// Go's internal/trace/generation.go: readGeneration (Go 1.26, delimited by the in-band
// EndOfGeneration byte) and readGenerationWithSpill (before 1.26, where the first batch of the
// next generation ends the current one and is "spilled" into the next read).

import { batchKind } from '../wire/batch';
import type { Version } from '../wire/version';
import { type Batch, ByteStream, readBatch, threadOf } from './batch';
import { TraceError } from './errors';
import { dec, type I64, type U64, u64Inc } from './int64';
import {
  addCPUSamples,
  addExperimentalBatch,
  addStacks,
  addStrings,
  type CPUSample,
  fixUpCPUSamples,
  setSyncBatch,
  validateStackStrings,
} from './structural';
import { EvTable } from './tables';

export interface Generation {
  gen: U64;
  /** Event batches per M, each list in stream order. */
  batches: Map<I64, Batch[]>;
  /** Ms in order of their first batch. */
  batchMs: I64[];
  cpuSamples: CPUSample[];
  /** Smallest base timestamp of any batch, structural ones included (0 = unset). */
  minTs: U64;
  table: EvTable;
}

function newGeneration(): Generation {
  return { gen: 0, batches: new Map(), batchMs: [], cpuSamples: [], minTs: 0, table: new EvTable() };
}

function noteTime(g: Generation, b: Batch): void {
  if (g.minTs === 0 || b.time < g.minTs) g.minTs = b.time;
}

/** Go 1.26+: reads batches up to the EndOfGeneration byte. Returns null at a clean end. */
export function readGeneration(s: ByteStream, v: Version): Generation | null {
  const g = newGeneration();
  for (;;) {
    const b = readBatch(s);
    if (b === null) {
      if (g.batches.size !== 0) throw new TraceError('incomplete generation found; trace likely truncated', 'truncated');
      return null;
    }
    if (g.gen === 0) g.gen = b.gen;
    // Go tests the first payload byte, so an event batch starting with that byte ends it too.
    if (batchKind(b, v) === 'end-of-generation') break;
    if (b.gen === 0) throw new TraceError(`invalid generation number ${dec(b.gen)}`);
    if (b.gen !== g.gen) {
      throw new TraceError('broken trace: missing end-of-generation event, or generations are interleaved');
    }
    noteTime(g, b);
    processBatch(g, b, v);
  }
  finish(g, v);
  return g;
}

export interface SpillResult {
  /** The generation read; when non-null it is complete and must be used before `error`. */
  gen: Generation | null;
  /** The first batch of the next generation, already read. */
  spill: Batch | null;
  /** An error reading past the end of this generation, reported after it. */
  error: TraceError | null;
}

/**
 * Before Go 1.26: reads batches until one of the next generation appears (kept as the spill),
 * or the input ends. An error after at least one batch was read is deferred: the generation
 * read so far is returned with it. Throws for errors that make this generation unusable.
 */
export function readGenerationWithSpill(s: ByteStream, spill: Batch | null, v: Version): SpillResult {
  const g = newGeneration();
  let next: Batch | null = null;
  let error: TraceError | null = null;
  if (spill !== null) {
    g.gen = spill.gen;
    g.minTs = spill.time;
    processBatch(g, spill, v);
  }
  for (;;) {
    let b: Batch | null;
    try {
      b = readBatch(s);
    } catch (e) {
      if (g.gen !== 0 && e instanceof TraceError) {
        error = e;
        break;
      }
      throw e;
    }
    if (b === null) break;
    if (b.gen === 0) throw new TraceError(`invalid generation number ${dec(b.gen)}`);
    if (g.gen === 0) g.gen = b.gen;
    if (b.gen === u64Inc(g.gen)) {
      next = b;
      break;
    }
    if (b.gen !== g.gen) throw new TraceError('generations out of order');
    noteTime(g, b);
    processBatch(g, b, v);
  }
  finish(g, v);
  return { gen: g, spill: next, error };
}

function finish(g: Generation, v: Version): void {
  const t = g.table;
  if (t.freq === 0) throw new TraceError('no frequency event found');
  if (v >= 25 && !t.hasClockSnapshot) throw new TraceError('no clock snapshot event found');
  // Batch order is trusted; sequence numbers, not timestamps, are the source of truth.
  t.stacks.compactify();
  t.strings.compactify();
  validateStackStrings(t);
  fixUpCPUSamples(g.cpuSamples, t.freq);
}

function processBatch(g: Generation, b: Batch, v: Version): void {
  switch (batchKind(b, v)) {
    case 'strings':
      return addStrings(g.table, b);
    case 'stacks':
      return addStacks(g.table, b);
    case 'cpu-samples':
      return addCPUSamples(g.cpuSamples, b);
    case 'sync':
      return setSyncBatch(g.table, b, v);
    case 'experimental':
      return addExperimentalBatch(g.table, b);
    case 'end-of-generation':
      throw new TraceError('internal error: unexpectedly processing EndOfGeneration; broken trace?');
    case 'events': {
      const m = threadOf(b);
      let list = g.batches.get(m);
      if (list === undefined) {
        g.batches.set(m, (list = []));
        g.batchMs.push(m);
      }
      list.push(b);
    }
  }
}

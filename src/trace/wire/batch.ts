// Batch framing: the top-level records of a v2 trace, following Go's internal/trace/batch.go
// (readBatch and the isXBatch classifiers). Batches are returned as views into the input;
// nothing is copied, and a size is checked against the 64 KiB limit before it is used.

import { WireError } from './errors';
import { Ev, MAX_BATCH_SIZE, NO_EXPERIMENT } from './specs';
import { uvarintAt, uvarintFaultText, uvarintScan } from './varint';
import type { Version } from './version';

export interface Batch {
  /** Generation number (0 for an EndOfGeneration record). */
  gen: number | bigint;
  /** Thread (M) ID; 2^64-1 (a bigint) is NoThread, used by structural batches. */
  m: number | bigint;
  /** Base timestamp in raw ticks. */
  time: number | bigint;
  /** Experiment ID (0 = none); one raw byte on the wire. */
  exp: number;
  /** The payload, a view into the input. For EndOfGeneration, the single byte 52. */
  data: Uint8Array;
  isEndOfGeneration: boolean;
  /** Offset of the record's first byte in the input. */
  offset: number;
}

export const NO_THREAD = 0xffff_ffff_ffff_ffffn;

/**
 * A record could not be read. The message is Go's (readBatch wraps uvarint errors as
 * "error reading batch <field>: <binary.ReadUvarint error>").
 */
export class BatchError extends WireError {
  constructor(message: string, offset: number) {
    super('damaged', message, offset);
    this.name = 'BatchError';
  }
}

const FIELD_NAMES = ['gen', 'M ID', 'timestamp', 'size'] as const;

/** The error for a header field that could not be read (where uvarintAt left uvarintScan). */
function fieldError(f: number): BatchError {
  return new BatchError(`error reading batch ${FIELD_NAMES[f]}: ${uvarintFaultText(uvarintScan.fault)}`, uvarintScan.end);
}

/**
 * Reads the record at pos. Returns null where Go's readBatch returns io.EOF itself, which
 * its callers take as the end of the stream: at the end of the input, and when an
 * ExperimentalBatch byte is the last byte (Go returns ReadByte's io.EOF unwrapped there).
 * Throws BatchError with Go's message otherwise.
 *
 * version is accepted for symmetry with the other readers: Go's readBatch does not look at
 * it (an EndOfGeneration byte is framed the same in every version).
 */
export function readBatch(buf: Uint8Array, pos: number, version?: Version): { batch: Batch; next: number } | null {
  void version;
  const start = pos;
  if (pos >= buf.length) return null;
  const typ = buf[pos++];
  if (typ === Ev.EndOfGeneration) {
    return {
      batch: { gen: 0, m: NO_THREAD, time: 0, exp: NO_EXPERIMENT, data: buf.subarray(start, pos), isEndOfGeneration: true, offset: start },
      next: pos,
    };
  }
  if (typ !== Ev.EventBatch && typ !== Ev.ExperimentalBatch) {
    throw new BatchError(`expected batch event, got event ${typ}`, start);
  }
  let exp = NO_EXPERIMENT;
  if (typ === Ev.ExperimentalBatch) {
    if (pos >= buf.length) return null;
    exp = buf[pos++];
  }
  // Four uvarints into locals (an array of them would switch to double elements once a time
  // is large, and hand back even small numbers boxed).
  const gen = uvarintAt(buf, pos, buf.length);
  if (gen === -1) throw fieldError(0);
  pos = uvarintScan.end;
  const m = uvarintAt(buf, pos, buf.length);
  if (m === -1) throw fieldError(1);
  pos = uvarintScan.end;
  const time = uvarintAt(buf, pos, buf.length);
  if (time === -1) throw fieldError(2);
  pos = uvarintScan.end;
  const size = uvarintAt(buf, pos, buf.length);
  if (size === -1) throw fieldError(3);
  pos = uvarintScan.end;
  if (typeof size === 'bigint' || size > MAX_BATCH_SIZE) {
    throw new BatchError(`invalid batch size ${size}, maximum is ${MAX_BATCH_SIZE}`, start);
  }
  const avail = buf.length - pos;
  if (avail < size) {
    throw new BatchError(`failed to read full batch: read ${avail} but wanted ${size}`, buf.length);
  }
  return {
    batch: { gen, m, time, exp, data: buf.subarray(pos, pos + size), isEndOfGeneration: false, offset: start },
    next: pos + size,
  };
}

/** The kinds of batch Go's generation reader tells apart (batch.go isXBatch, by first payload byte). */
export type BatchKind = 'end-of-generation' | 'experimental' | 'strings' | 'stacks' | 'cpu-samples' | 'sync' | 'events';

export function batchKind(b: Batch, version: Version): BatchKind {
  if (b.isEndOfGeneration) return 'end-of-generation';
  if (b.exp !== NO_EXPERIMENT) return 'experimental';
  if (b.data.length === 0) return 'events';
  switch (b.data[0]) {
    case Ev.Strings:
      return 'strings';
    case Ev.Stacks:
      return 'stacks';
    case Ev.CPUSamples:
      return 'cpu-samples';
    case Ev.Frequency:
      return version < 25 ? 'sync' : 'events';
    case Ev.Sync:
      return version >= 25 ? 'sync' : 'events';
    case Ev.EndOfGeneration:
      // An EOG byte inside a payload; Go's processBatch rejects it ("unexpectedly processing EndOfGeneration").
      return 'end-of-generation';
    default:
      return 'events';
  }
}

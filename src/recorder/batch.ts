// Reading one batch as the recorder stores it (runtime/trace/batch.go readBatch): the
// runtime hands over exactly one whole batch per write, and the recorder keeps its raw
// bytes, header included, reading only the generation and base time. Go 1.26's version
// also takes a lone EndOfGeneration byte as a batch of its own. Error texts are Go's.

import { decodeUvarint } from '../trace/wire/varint';
import { Ev, MAX_BATCH_SIZE } from '../trace/wire/specs';

export interface RawBatch {
  /** 0 for the EndOfGeneration pseudo-batch. */
  readonly gen: number;
  /** Base time in ticks; 0 for EndOfGeneration. */
  readonly time: number;
  /** The batch's bytes as written, header included. */
  readonly data: Uint8Array;
}

export class BatchReadError extends Error {
  constructor(
    message: string,
    readonly consumed: number,
  ) {
    super(message);
    this.name = 'BatchReadError';
  }
}

function num(v: number | bigint): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

/** Parses the batch at the start of b, which must be exactly one batch. Does not copy b. */
export function readBatch(b: Uint8Array): RawBatch {
  if (b.length === 0) throw new BatchReadError('batch is empty', 0);
  const typ = b[0];
  if (typ === Ev.EndOfGeneration) {
    if (b.length !== 1) throw new BatchReadError('unexpected end of generation in batch of size >1', 1);
    return { gen: 0, time: 0, data: b };
  }
  if (typ !== Ev.EventBatch && typ !== Ev.ExperimentalBatch) throw new BatchReadError(`expected batch event, got event ${typ}`, 1);
  let pos = 1;
  const field = (what: string): number | bigint => {
    try {
      const r = decodeUvarint(b, pos);
      pos = r.next;
      return r.value;
    } catch (e) {
      throw new BatchReadError(`error reading batch ${what}: ${(e as Error).message}`, pos);
    }
  };
  if (typ === Ev.ExperimentalBatch) pos++;
  const gen = field('gen');
  field('M ID');
  const time = field('timestamp');
  const size = field('size');
  if (BigInt(size) > BigInt(MAX_BATCH_SIZE)) throw new BatchReadError(`invalid batch size ${size}, maximum is ${MAX_BATCH_SIZE}`, pos);
  if (pos + num(size) !== b.length) throw new BatchReadError('expected complete batch', pos + num(size));
  return { gen: num(gen), time: num(time), data: b };
}

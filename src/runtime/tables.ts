// Per-generation string and stack tables (runtime/tracestring.go, runtime/tracestack.go).
// IDs start at 1 in every generation (0 means "empty string" / "no stack"). A string is
// written to the strings batch the moment it is first put, as Go does; stacks are kept
// until the generation ends and then dumped, which puts their function and file names
// into the string table, so the string table is flushed last.

import { Ev, MAX_EVENT_TRAILER_DATA_SIZE } from '../trace/wire/specs';
import { BatchBuf, BYTES_PER_NUMBER, NONE, putUvarint, type ChunkSink } from './batch-writer';
import { SITE_FRAMES, pcOf } from './frames';

const utf8 = new TextEncoder();
const encoded = new Map<string, Uint8Array>();

function bytesOf(s: string): Uint8Array {
  let b = encoded.get(s);
  if (b === undefined) {
    b = utf8.encode(s);
    // Go truncates strings longer than MaxEventTrailerDataSize (writeString).
    if (b.length > MAX_EVENT_TRAILER_DATA_SIZE) b = b.subarray(0, MAX_EVENT_TRAILER_DATA_SIZE);
    if (encoded.size < 4096) encoded.set(s, b);
  }
  return b;
}

export class StringTable {
  private ids = new Map<string, number>();
  private nextId = 1;
  private readonly buf = new BatchBuf(NONE);

  constructor(
    private readonly out: ChunkSink,
    private readonly now: () => number,
  ) {}

  /** The string's ID in this generation, writing it if new (traceStringTable.put). */
  put(gen: number, s: string): number {
    if (s.length === 0) return 0;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(s, id);
      this.write(gen, id, s);
    }
    return id;
  }

  /** A fresh ID for a string that is not deduplicated (traceStringTable.emit, for log messages). */
  emit(gen: number, s: string): number {
    if (s.length === 0) return 0;
    const id = this.nextId++;
    this.write(gen, id, s);
    return id;
  }

  private write(gen: number, id: number, s: string): void {
    const data = bytesOf(s);
    const b = this.buf;
    const need = 2 + 2 * BYTES_PER_NUMBER + data.length;
    if (!b.open || !b.available(need)) {
      if (b.open) this.out(b.finish());
      b.begin(gen, this.now());
      b.arr[b.pos++] = Ev.Strings;
    }
    const a = b.arr;
    let p = b.pos;
    a[p++] = Ev.String;
    p = putUvarint(a, p, id);
    p = putUvarint(a, p, data.length);
    a.set(data, p);
    b.pos = p + data.length;
  }

  /** Flushes what is buffered and forgets every ID (traceStringTable.reset). */
  reset(): void {
    if (this.buf.open) this.out(this.buf.finish());
    this.ids.clear();
    this.nextId = 1;
  }
}

export class StackTable {
  private readonly idOf = new Int32Array(SITE_FRAMES.length);
  private readonly genOf = new Float64Array(SITE_FRAMES.length);
  private order: number[] = [];
  private readonly buf = new BatchBuf(NONE);

  constructor(
    private readonly out: ChunkSink,
    private readonly now: () => number,
  ) {}

  /** The stack ID of a call site in this generation. */
  put(gen: number, site: number): number {
    if (this.genOf[site] === gen) return this.idOf[site];
    this.genOf[site] = gen;
    this.order.push(site);
    const id = this.order.length;
    this.idOf[site] = id;
    return id;
  }

  /** Writes every stack of the generation as Stacks batches, then forgets them (traceStackTable.dump). */
  dump(gen: number, strings: StringTable): void {
    const b = this.buf;
    for (let i = 0; i < this.order.length; i++) {
      const frames = SITE_FRAMES[this.order[i]];
      const need = 1 + 1 + (2 + 4 * frames.length) * BYTES_PER_NUMBER;
      // Frame names go into the string table first (makeTraceFrame), so a full strings
      // batch may be flushed here; that is fine, batch order within a generation is free.
      const ids = frames.map((fr) => [strings.put(gen, fr.fn), strings.put(gen, fr.file)]);
      if (!b.open || !b.available(need)) {
        if (b.open) this.out(b.finish());
        b.begin(gen, this.now());
        b.arr[b.pos++] = Ev.Stacks;
      }
      const a = b.arr;
      let p = b.pos;
      a[p++] = Ev.Stack;
      p = putUvarint(a, p, i + 1);
      p = putUvarint(a, p, frames.length);
      for (let k = 0; k < frames.length; k++) {
        p = putUvarint(a, p, pcOf(frames[k]));
        p = putUvarint(a, p, ids[k][0]);
        p = putUvarint(a, p, ids[k][1]);
        p = putUvarint(a, p, frames[k].line);
      }
      b.pos = p;
    }
    if (b.open) this.out(b.finish());
    this.order = [];
    this.genOf.fill(0);
  }
}

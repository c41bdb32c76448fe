// Per-generation string and stack tables (runtime/tracestring.go, runtime/tracestack.go).
// IDs start at 1 in every generation (0 means "empty string" / "no stack"). A string is
// written to the strings batch the moment it is first put, as Go does; stacks are kept
// until the generation ends and then dumped, which puts their function and file names
// into the string table, so the string table is flushed last.

import { Ev, MAX_EVENT_TRAILER_DATA_SIZE } from '../trace/wire/specs';
import { BatchBuf, BYTES_PER_NUMBER, NONE, putUvarint, type ChunkSink } from './batch-writer';
import { SITE_FRAMES, SITE_PCS } from './frames';

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

/** UTF-8 length of s as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Writes s as UTF-8 at p (as TextEncoder would); returns the new position. */
function writeUtf8(a: Uint8Array, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      a[p++] = c;
    } else if (c < 0x800) {
      a[p++] = 0xc0 | (c >> 6);
      a[p++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      a[p++] = 0xf0 | (c >> 18);
      a[p++] = 0x80 | ((c >> 12) & 0x3f);
      a[p++] = 0x80 | ((c >> 6) & 0x3f);
      a[p++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      a[p++] = 0xe0 | (c >> 12);
      a[p++] = 0x80 | ((c >> 6) & 0x3f);
      a[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p;
}

export class StringTable {
  private ids = new Map<string, number>();
  private nextId = 1;
  private readonly buf = new BatchBuf(NONE);
  // Strings the program names over and over (task and region names, STW kinds) get a
  // persistent handle, so the hot path finds their ID of this generation in an array.
  private refs: string[] = [];
  private refGen = new Float64Array(16);
  private refId = new Int32Array(16);

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

  /** A persistent handle for s, for putRef. */
  ref(s: string): number {
    const i = this.refs.indexOf(s);
    if (i >= 0) return i;
    const r = this.refs.length;
    this.refs.push(s);
    if (r >= this.refGen.length) {
      const g = new Float64Array(r * 2);
      g.set(this.refGen);
      this.refGen = g;
      const d = new Int32Array(r * 2);
      d.set(this.refId);
      this.refId = d;
    }
    return r;
  }

  /** put() for a string by its handle: the same ID put() gives it in this generation. */
  putRef(gen: number, r: number): number {
    if (this.refGen[r] === gen) return this.refId[r];
    const id = this.put(gen, this.refs[r]);
    this.refGen[r] = gen;
    this.refId[r] = id;
    return id;
  }

  /** A fresh ID for a string that is not deduplicated (traceStringTable.emit, for log messages). */
  emit(gen: number, s: string): number {
    if (s.length === 0) return 0;
    const id = this.nextId++;
    const n = utf8Length(s);
    if (n > MAX_EVENT_TRAILER_DATA_SIZE) {
      this.write(gen, id, s);
      return id;
    }
    // Encoded straight into the batch: log messages are all different, so caching or
    // allocating their bytes would only make garbage.
    const b = this.stringRecord(gen, id, n);
    b.pos = writeUtf8(b.arr, b.pos, s);
    return id;
  }

  /** emit() for a message already encoded as UTF-8 (cut to Go's limit like any string). */
  emitBytes(gen: number, data: Uint8Array): number {
    if (data.length === 0) return 0;
    const id = this.nextId++;
    const n = Math.min(data.length, MAX_EVENT_TRAILER_DATA_SIZE);
    const b = this.stringRecord(gen, id, n);
    const a = b.arr;
    const p = b.pos;
    for (let i = 0; i < n; i++) a[p + i] = data[i];
    b.pos = p + n;
    return id;
  }

  /** The strings batch, with room for need more bytes. */
  private room(gen: number, need: number): BatchBuf {
    const b = this.buf;
    if (!b.open || !b.available(need)) {
      if (b.open) this.out(b.finish());
      b.begin(gen, this.now());
      b.arr[b.pos++] = Ev.Strings;
    }
    return b;
  }

  private write(gen: number, id: number, s: string): void {
    const data = bytesOf(s);
    const b = this.stringRecord(gen, id, data.length);
    b.arr.set(data, b.pos);
    b.pos += data.length;
  }

  /** Starts an EvString record (ID, length) for n bytes of data; the batch's pos is where the data goes. */
  private stringRecord(gen: number, id: number, n: number): BatchBuf {
    const b = this.room(gen, 2 + 2 * BYTES_PER_NUMBER + n);
    const a = b.arr;
    let p = b.pos;
    a[p++] = Ev.String;
    p = putUvarint(a, p, id);
    b.pos = putUvarint(a, p, n);
    return b;
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
  /** Scratch: string IDs of one stack's frame names. */
  private readonly ids = new Int32Array(2 * Math.max(...SITE_FRAMES.map((f) => f.length)));
  /** Per site, string handles of its frames' function and file names, interleaved (made on first dump). */
  private readonly nameRefs: (Int32Array | undefined)[] = [];

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
      const site = this.order[i];
      const frames = SITE_FRAMES[site];
      const pcs = SITE_PCS[site];
      let refs = this.nameRefs[site];
      if (refs === undefined) {
        refs = new Int32Array(2 * frames.length);
        for (let k = 0; k < frames.length; k++) {
          refs[2 * k] = strings.ref(frames[k].fn);
          refs[2 * k + 1] = strings.ref(frames[k].file);
        }
        this.nameRefs[site] = refs;
      }
      const need = 1 + 1 + (2 + 4 * frames.length) * BYTES_PER_NUMBER;
      // Frame names go into the string table first (makeTraceFrame), so a full strings
      // batch may be flushed here; that is fine, batch order within a generation is free.
      const ids = this.ids;
      for (let k = 0; k < refs.length; k++) ids[k] = strings.putRef(gen, refs[k]);
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
        p = putUvarint(a, p, pcs[k]);
        p = putUvarint(a, p, ids[2 * k]);
        p = putUvarint(a, p, ids[2 * k + 1]);
        p = putUvarint(a, p, frames[k].line);
      }
      b.pos = p;
    }
    if (b.open) this.out(b.finish());
    this.order = [];
    this.genOf.fill(0);
  }
}

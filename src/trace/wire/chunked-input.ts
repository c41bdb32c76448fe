// Input that arrives in pieces (a File read in slices, a gunzip stream, a Node file stream):
// the caller appends chunks and marks the end; the reader takes contiguous runs of bytes off
// the front as it needs them. Offsets are absolute (from the start of the input), so errors
// and positions read the same as over one whole buffer. Chunks wholly before the point taken
// are dropped, so the garbage collector can free them.

/** Bytes appended in chunks, consumed from the front. */
export class ChunkedInput {
  /** Chunks not yet wholly consumed; chunks[0] begins at `firstStart`. */
  private chunks: Uint8Array[] = [];
  private firstStart = 0;
  /** Absolute offset of the first byte not yet taken. */
  private startPos = 0;
  private total = 0;
  private isEnded = false;

  /** Appends a chunk (kept as given, not copied: the caller must not change it afterwards). */
  push(chunk: Uint8Array): void {
    if (this.isEnded) throw new Error('ChunkedInput: push after end');
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.total += chunk.length;
  }

  /** No more chunks will come. */
  end(): void {
    this.isEnded = true;
  }

  get ended(): boolean {
    return this.isEnded;
  }

  /** Absolute offset of the first byte not yet taken. */
  get start(): number {
    return this.startPos;
  }

  /** Absolute offset just past the last byte appended: bytes received so far. */
  get received(): number {
    return this.total;
  }

  /** Bytes held that were not yet taken. */
  get available(): number {
    return this.total - this.startPos;
  }

  /**
   * Bytes [at, at+n) as one array, n clamped to what was received. A view into a chunk when
   * the range lies in one, else a copy. Nothing is consumed. `at` must not be before start.
   */
  peek(at: number, n: number): Uint8Array {
    if (at < this.startPos) throw new Error('ChunkedInput: peek before start');
    const end = Math.min(this.total, at + n);
    if (end <= at) return new Uint8Array(0);
    let i = 0;
    let cs = this.firstStart;
    while (cs + this.chunks[i].length <= at) cs += this.chunks[i++].length;
    const first = this.chunks[i];
    if (end - cs <= first.length) return first.subarray(at - cs, end - cs);
    const out = new Uint8Array(end - at);
    let o = 0;
    let from = at - cs;
    while (o < out.length) {
      const c = this.chunks[i++];
      const part = Math.min(c.length - from, out.length - o);
      out.set(c.subarray(from, from + part), o);
      o += part;
      from = 0;
    }
    return out;
  }

  /** Takes the next n bytes (clamped to what was received) and drops every chunk before them. */
  take(n: number): Uint8Array {
    const at = this.startPos;
    const out = this.peek(at, n);
    this.skipTo(at + out.length);
    return out;
  }

  /** Consumes everything before absolute offset `to` (at most what was received). */
  skipTo(to: number): void {
    to = Math.min(to, this.total);
    if (to <= this.startPos) return;
    this.startPos = to;
    let drop = 0;
    while (drop < this.chunks.length && this.firstStart + this.chunks[drop].length <= to) {
      this.firstStart += this.chunks[drop].length;
      drop++;
    }
    if (drop > 0) this.chunks.splice(0, drop);
  }
}

/** Concatenates chunks into one array (the whole input, for readers that need it whole). */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

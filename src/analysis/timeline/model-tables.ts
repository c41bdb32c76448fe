// The page side's copy of the trace-global tables: appended chunk by chunk (strings, frames,
// stacks, sites, IDs, goroutine facts), with typed arrays that grow by doubling. Everything a
// row refers to by index is resolved here.

import type { TableAppends, TimelineChunk } from './chunk';
import { F64Grow as GrowF64, IdGrow, NarrowGrow, U32Grow as GrowU32 } from './grow';


export class ModelTables {
  readonly strings: string[] = [];
  readonly frameFunc = new GrowU32();
  readonly frameFile = new GrowU32();
  readonly frameLine = new GrowF64();
  readonly framePc = new GrowF64();
  /** Stack s (from 1) has frames stackFrames[stackStart[s-1] .. stackStart[s]). */
  readonly stackStart = new GrowU32();
  readonly stackFrames = new GrowU32();
  readonly siteStack = new GrowU32();
  readonly siteReason = new GrowU32();
  readonly goroutineId = new IdGrow();
  readonly procId = new IdGrow();
  readonly threadId = new IdGrow();
  readonly taskId = new IdGrow();
  readonly taskParent = new GrowU32();
  readonly taskType = new GrowU32();
  /** Exact decimal IDs past 2^53, by table and index. */
  readonly exactIds = new Map<string, string>();
  // Per goroutine, each value + 1 (0 for not known): naming stack, start stack, creator, first
  // and last chunk with rows. Read them through the methods below.
  private readonly namedStack1 = new NarrowGrow();
  private readonly startStack1 = new NarrowGrow();
  private readonly createdBy1 = new NarrowGrow();
  private readonly firstChunk1 = new NarrowGrow();
  private readonly lastChunk1 = new NarrowGrow();
  /** Go ID → index, built on the first lookup (a Map entry per goroutine is not free). */
  private goIndex: Map<number | string, number> | null = null;

  constructor() {
    this.stackStart.push(0);
  }

  get goroutineCount(): number {
    return this.goroutineId.length;
  }

  append(chunk: TimelineChunk): void {
    const t: TableAppends = chunk.tables;
    for (const s of t.strings) this.strings.push(s);
    this.frameFunc.append(t.frameFunc);
    this.frameFile.append(t.frameFile);
    this.frameLine.append(t.frameLine);
    this.framePc.append(t.framePc);
    const frameOffset = this.stackFrames.length;
    this.stackFrames.append(t.stackFrames);
    for (let i = 1; i < t.stackStart.length; i++) this.stackStart.push(t.stackStart[i] + frameOffset);
    this.siteStack.append(t.siteStack);
    this.siteReason.append(t.siteReason);
    const g0 = this.goroutineId.length;
    this.goroutineId.append(t.goroutineId);
    this.procId.append(t.procId);
    this.threadId.append(t.threadId);
    this.taskId.append(t.taskId);
    this.taskParent.append(t.taskParent);
    this.taskType.append(t.taskType);
    for (let i = 0; i < t.taskUpdate.length; i++) {
      this.taskParent.data[t.taskUpdate[i]] = t.taskUpdateParent[i];
      this.taskType.data[t.taskUpdate[i]] = t.taskUpdateType[i];
    }
    for (const e of t.exactIds) this.exactIds.set(`${e.table}:${e.index}`, e.id);
    const gn = this.goroutineId.length;
    if (this.goIndex !== null) this.indexGoroutines(g0, gn);
    for (const a of [this.namedStack1, this.startStack1, this.createdBy1, this.firstChunk1, this.lastChunk1]) a.extend(gn);
    const f = chunk.facts;
    for (let i = 0; i < f.namedG.length; i++) this.namedStack1.set(f.namedG[i], f.namedStack[i] + 1);
    for (let i = 0; i < f.startG.length; i++) this.startStack1.set(f.startG[i], f.startStack[i] + 1);
    for (let i = 0; i < f.createdG.length; i++) this.createdBy1.set(f.createdG[i], f.createdBy[i]);
    const lanes = chunk.goroutines.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const g = lanes[i];
      if (this.firstChunk1.get(g) === 0) this.firstChunk1.set(g, chunk.index + 1);
      this.lastChunk1.set(g, chunk.index + 1);
    }
  }

  /** The stack that named goroutine g (cmd/trace's augmentName); -1 before one was seen. */
  namedStack(g: number): number {
    return this.namedStack1.get(g) - 1;
  }

  /** The first stack with frames seen for g (its root frame is the start function); -1 if none. */
  startStack(g: number): number {
    return this.startStack1.get(g) - 1;
  }

  /** The goroutine that created g; -1 when it existed before the trace. */
  creator(g: number): number {
    return this.createdBy1.get(g) - 1;
  }

  /** First and last chunk with rows of g; -1 for none. */
  firstChunk(g: number): number {
    return this.firstChunk1.get(g) - 1;
  }

  lastChunk(g: number): number {
    return this.lastChunk1.get(g) - 1;
  }

  /** A Go ID as exact decimal text. */
  idText(table: 'goroutine' | 'proc' | 'thread' | 'task', index: number): string {
    const exact = this.exactIds.get(`${table}:${index}`);
    if (exact !== undefined) return exact;
    const col = table === 'goroutine' ? this.goroutineId : table === 'proc' ? this.procId : table === 'thread' ? this.threadId : this.taskId;
    return String(col.data[index]);
  }

  /** A Go ID as an exact number or bigint. */
  id(table: 'goroutine' | 'proc' | 'thread' | 'task', index: number): number | bigint {
    const exact = this.exactIds.get(`${table}:${index}`);
    if (exact !== undefined) return BigInt(exact);
    const col = table === 'goroutine' ? this.goroutineId : table === 'proc' ? this.procId : table === 'thread' ? this.threadId : this.taskId;
    return col.data[index];
  }

  private indexGoroutines(from: number, to: number): void {
    const m = this.goIndex!;
    for (let g = from; g < to; g++) {
      const exact = this.exactIds.get(`goroutine:${g}`);
      m.set(exact ?? this.goroutineId.data[g], g);
    }
  }

  goroutineIndex(id: number | bigint): number {
    if (this.goIndex === null) {
      this.goIndex = new Map();
      this.indexGoroutines(0, this.goroutineId.length);
    }
    const key = typeof id === 'bigint' ? (id >= -(2n ** 53n) && id <= 2n ** 53n ? Number(id) : id.toString()) : id;
    return this.goIndex.get(key) ?? -1;
  }

  stackDepth(stack: number): number {
    if (stack === 0) return 0;
    return this.stackStart.data[stack] - this.stackStart.data[stack - 1];
  }

  /** Global frame index of the k-th frame (leaf first) of a stack. */
  stackFrame(stack: number, k: number): number {
    return this.stackFrames.data[this.stackStart.data[stack - 1] + k];
  }

  /** Drops the arrays' spare capacity (the model is complete). */
  compact(): void {
    for (const a of this.arrays()) a.compact();
  }

  private arrays(): { compact(): void; readonly byteLength: number }[] {
    return [
      this.frameFunc,
      this.frameFile,
      this.frameLine,
      this.framePc,
      this.stackStart,
      this.stackFrames,
      this.siteStack,
      this.siteReason,
      this.goroutineId,
      this.procId,
      this.threadId,
      this.taskId,
      this.taskParent,
      this.taskType,
      this.namedStack1,
      this.startStack1,
      this.createdBy1,
      this.firstChunk1,
      this.lastChunk1,
    ];
  }

  /** Bytes held by the tables' arrays (their capacity) and strings. */
  byteSize(): number {
    let n = 0;
    for (const a of this.arrays()) n += a.byteLength;
    for (const s of this.strings) n += stringBytes(s);
    return n;
  }
}

/**
 * Heap bytes of a string as V8 keeps it: one byte a character when every character is below
 * U+0100 (Go's names and paths are ASCII), else two; plus its header.
 */
export function stringBytes(s: string): number {
  let oneByte = true;
  for (let i = 0; i < s.length && oneByte; i++) oneByte = s.charCodeAt(i) < 0x100;
  return (oneByte ? s.length : 2 * s.length) + 16;
}

// The trace-global tables of the timeline model, as the sink builds them: strings, frames,
// stacks and sites deduplicated across generations (Go writes a fresh string and stack table
// in every generation), and the dense indices given to goroutine, P, M and task IDs. Each
// chunk carries only what was added since the previous one (takeAppends).

import type { EvTable } from '../../trace/parse/tables';
import type { TableAppends } from './chunk';
import { F64Builder, U32Builder } from './columns';
import { SiteTable } from './site-table';

type Id = number | bigint;

/** Stack IDs of a generation below this are looked up in a flat array. */
const GEN_FAST = 1 << 14;

/** IDs below this are looked up in a flat array (Go's goroutine, P and M IDs are small). */
const FAST_ID_LIMIT = 1 << 22;

/**
 * Maps Go IDs (int64/uint64, number or bigint) to dense indices in first-seen order. Small
 * non-negative IDs (Go numbers goroutines, Ps and tasks from 1; Ms are thread IDs) live only
 * in a flat array, so a trace with hundreds of thousands of goroutines never grows a Map.
 */
export class IdTable {
  /** IDs that are not small non-negative integers. */
  private readonly map = new Map<Id, number>();
  /** id → index + 1 for small IDs (0 = not seen). */
  private fast = new Int32Array(64);
  readonly added = new F64Builder();
  readonly exact: { index: number; id: string }[] = [];
  size = 0;

  index(id: Id): number {
    if (typeof id === 'number') {
      const fast = this.fast;
      if (id >= 0 && id < fast.length) {
        const f = fast[id];
        if (f !== 0) return f - 1;
      }
    }
    return this.slow(id);
  }

  private slow(id: Id): number {
    if (typeof id === 'number' && id >= 0 && id < FAST_ID_LIMIT && Number.isInteger(id)) {
      if (id >= this.fast.length) {
        let n = this.fast.length;
        while (n <= id) n *= 2;
        const f = new Int32Array(n);
        f.set(this.fast);
        this.fast = f;
      }
      if (this.fast[id] !== 0) return this.fast[id] - 1;
      const i = this.size++;
      this.fast[id] = i + 1;
      this.added.push(id);
      return i;
    }
    let i = this.map.get(id);
    if (i === undefined) {
      i = this.size++;
      this.map.set(id, i);
      if (typeof id === 'bigint') {
        this.added.push(Number(id));
        this.exact.push({ index: i, id: id.toString() });
      } else this.added.push(id);
    }
    return i;
  }

  /** Index for a known ID, -1 if never seen. */
  find(id: Id): number {
    if (typeof id === 'number' && id >= 0 && id < FAST_ID_LIMIT && Number.isInteger(id)) return id < this.fast.length ? this.fast[id] - 1 : -1;
    return this.map.get(id) ?? -1;
  }
}

export class TraceTables {
  private readonly stringIndex = new Map<string, number>([['', 0]]);
  private stringCount = 1;
  private newStrings: string[] = [''];
  private readonly frameIndex = new Map<string, number>();
  private frameCount = 0;
  private readonly frameFunc = new U32Builder();
  private readonly frameFile = new U32Builder();
  private readonly frameLine = new F64Builder();
  private readonly framePc = new F64Builder();
  private readonly stackIndex = new Map<string, number>();
  /** Stack 0 is "no stack". */
  private stackCount = 1;
  private readonly stackStart = new U32Builder();
  private readonly stackFrames = new U32Builder();
  private stackFrameTotal = 0;
  private readonly depths: number[] = [0];
  private readonly sites = new SiteTable();
  readonly goroutines = new IdTable();
  readonly procs = new IdTable();
  readonly threads = new IdTable();
  readonly tasks = new IdTable();
  private readonly taskParent = new U32Builder();
  private readonly taskType = new U32Builder();
  private readonly taskKnown: boolean[] = [];
  private readonly taskUpdate = new U32Builder();
  private readonly taskUpdateParent = new U32Builder();
  private readonly taskUpdateType = new U32Builder();

  // Per-generation caches: the generation's own IDs → global indices.
  private table: EvTable | null = null;
  private genStrings = new Map<Id, number>();
  private genStacks = new Map<Id, number>();
  /** Fast paths for the generation's small stack and string IDs: ID → global index + 1 (0 = not yet). */
  private genStackFast = new Int32Array(GEN_FAST);
  private genStringFast = new Int32Array(GEN_FAST);

  private useTable(t: EvTable): void {
    if (t === this.table) return;
    this.table = t;
    this.genStrings = new Map();
    this.genStacks = new Map();
    this.genStackFast.fill(0);
    this.genStringFast.fill(0);
  }

  /** Global index of a string value. */
  str(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.stringCount++;
      this.stringIndex.set(s, i);
      this.newStrings.push(s);
    }
    return i;
  }

  /** Global index of the generation's string ID. */
  genString(t: EvTable, id: Id): number {
    if (t === this.table && typeof id === 'number' && id >= 0 && id < GEN_FAST) {
      const f = this.genStringFast[id];
      if (f !== 0) return f - 1;
    }
    this.useTable(t);
    let i = this.genStrings.get(id);
    if (i === undefined) {
      i = this.str(t.strings.get(id) ?? '');
      this.genStrings.set(id, i);
      if (typeof id === 'number' && id >= 0 && id < GEN_FAST) this.genStringFast[id] = i + 1;
    }
    return i;
  }

  /**
   * Global index of the generation's stack ID; 0 for ID 0 (Go's NoStack, as Event.Stack gives
   * it). A stack whose ID is not in the table (a CPU sample of a damaged trace) is 0 too.
   */
  genStack(t: EvTable | null, id: Id): number {
    if (id === 0 || t === null) return 0;
    if (t === this.table && typeof id === 'number' && id < GEN_FAST) {
      const f = this.genStackFast[id];
      if (f !== 0) return f - 1;
    }
    this.useTable(t);
    let i = this.genStacks.get(id);
    if (i === undefined) {
      const pcs = t.stacks.get(id);
      i = pcs === undefined ? 0 : this.stackOf(t, pcs);
      this.genStacks.set(id, i);
      if (typeof id === 'number' && id < GEN_FAST) this.genStackFast[id] = i + 1;
    }
    return i;
  }

  /** Frames in a stack (by global index). */
  stackDepth(stack: number): number {
    return stack === 0 ? 0 : this.depths[stack];
  }

  /** The stack with no frames (a GoCreate's new stack with ID 0 names a goroutine "G<id> "). */
  emptyStack(): number {
    return this.internStack([]);
  }

  private stackOf(t: EvTable, pcs: readonly Id[]): number {
    const frames: number[] = new Array(pcs.length);
    for (let k = 0; k < pcs.length; k++) {
      const f = t.pcs.get(pcs[k]);
      frames[k] = f === undefined ? this.frame(0, 0, 0, 0) : this.frame(f.pc, this.genString(t, f.funcID), this.genString(t, f.fileID), f.line);
    }
    return this.internStack(frames);
  }

  private frame(pc: Id, func: number, file: number, line: Id): number {
    const key = `${pc}|${func}|${file}|${line}`;
    let i = this.frameIndex.get(key);
    if (i === undefined) {
      i = this.frameCount++;
      this.frameIndex.set(key, i);
      this.frameFunc.push(func);
      this.frameFile.push(file);
      this.frameLine.push(Number(line));
      this.framePc.push(Number(pc));
    }
    return i;
  }

  private internStack(frames: number[]): number {
    const key = frames.join(',');
    let i = this.stackIndex.get(key);
    if (i === undefined) {
      i = this.stackCount++;
      this.stackIndex.set(key, i);
      this.stackStart.push(this.stackFrameTotal);
      for (const f of frames) this.stackFrames.push(f);
      this.stackFrameTotal += frames.length;
      this.depths[i] = frames.length;
    }
    return i;
  }

  /** Site index of (stack, reason string index); 0 for neither. */
  site(stack: number, reason: number): number {
    return this.sites.index(stack, reason);
  }

  /**
   * Task index for a task ID, recording its parent and type (0 when unknown: a region or log
   * names a task that began before the trace). A task first seen without them and later
   * described (its end event carries them) is listed as an update.
   */
  task(id: Id, parent: number, type: number): number {
    const before = this.tasks.size;
    const i = this.tasks.index(id);
    if (i === before) {
      this.taskParent.push(parent);
      this.taskType.push(type);
      this.taskKnown.push(parent !== 0 || type !== 0);
    } else if (!this.taskKnown[i] && (parent !== 0 || type !== 0)) {
      this.taskKnown[i] = true;
      this.taskUpdate.push(i);
      this.taskUpdateParent.push(parent);
      this.taskUpdateType.push(type);
    }
    return i;
  }

  /** Everything added since the last call. */
  takeAppends(): TableAppends {
    const stackStart = new Uint32Array(this.stackStart.length + 1);
    stackStart.set(this.stackStart.data.subarray(0, this.stackStart.length));
    stackStart[this.stackStart.length] = this.stackFrameTotal;
    // Offsets are made relative to this chunk's first new stack.
    const first = this.stackStart.length > 0 ? stackStart[0] : this.stackFrameTotal;
    for (let i = 0; i < stackStart.length; i++) stackStart[i] -= first;
    this.stackStart.reset();
    const exactIds: TableAppends['exactIds'][number][] = [];
    const exact = (table: 'goroutine' | 'proc' | 'thread' | 'task', t: IdTable) => {
      for (const e of t.exact) exactIds.push({ table, index: e.index, id: e.id });
      t.exact.length = 0;
    };
    exact('goroutine', this.goroutines);
    exact('proc', this.procs);
    exact('thread', this.threads);
    exact('task', this.tasks);
    const strings = this.newStrings;
    this.newStrings = [];
    return {
      strings,
      frameFunc: this.frameFunc.take(),
      frameFile: this.frameFile.take(),
      frameLine: this.frameLine.take(),
      framePc: this.framePc.take(),
      stackStart,
      stackFrames: this.stackFrames.take(),
      siteStack: this.sites.addedStack.take(),
      siteReason: this.sites.addedReason.take(),
      goroutineId: this.goroutines.added.take(),
      procId: this.procs.added.take(),
      threadId: this.threads.added.take(),
      taskId: this.tasks.added.take(),
      taskParent: this.taskParent.take(),
      taskType: this.taskType.take(),
      taskUpdate: this.taskUpdate.take(),
      taskUpdateParent: this.taskUpdateParent.take(),
      taskUpdateType: this.taskUpdateType.take(),
      exactIds,
    };
  }
}

// Stacks of every generation in one table (a stack ID means nothing outside its generation).
// Each distinct list of frames is one entry; cmd/trace/pprof.go's stackMap then merges
// entries whose first 128 PCs agree, with missing PCs counting as 0 — so "no stack" and a
// stack whose one frame is unknown merge — and shows the frames of the stack it saw last.
// mergeKey gives that key; select.ts merges and picks the frames of the entry last counted.

import { Ev } from '../../trace/wire/specs';
import { Stack, type StackFrame, type TraceEvent } from '../../trace/parse/index';
import type { EvTable } from '../../trace/parse/tables';

/** Go dedupes on at most this many PCs (pprofMaxStack). */
export const MAX_STACK = 128;

export class StackTable {
  private readonly byContent = new Map<string, number>();
  private readonly byHandle = new WeakMap<EvTable, Map<number | bigint, number>>();
  private noStack: number | null = null;
  /** The last generation's table asked about and its map (generations come one at a time). */
  private lastTable: EvTable | null = null;
  private lastMap: Map<number | bigint, number> | null = null;
  /** Frames of each entry, leaf first. */
  readonly frames: StackFrame[][] = [];
  /** Go's deduplication key of each entry: the first 128 PCs, trailing zeros dropped. */
  readonly mergeKey: string[] = [];

  intern(stack: Stack): number {
    return this.internAt(stack.table, stack.id);
  }

  /** intern(ev.stack()), without making the Stack when the entry exists already. */
  internEventStack(ev: TraceEvent): number {
    if (ev.type === Ev.CPUSample) return this.intern(ev.stack());
    const id = ev.stackId();
    return this.internAt(id === 0 ? null : ev.table, id);
  }

  private internAt(table: EvTable | null, id: number | bigint): number {
    if (table === null) {
      if (this.noStack === null) this.noStack = this.entry([]);
      return this.noStack;
    }
    let m = this.lastMap;
    if (table !== this.lastTable || m === null) {
      m = this.byHandle.get(table) ?? null;
      if (m === null) this.byHandle.set(table, (m = new Map()));
      this.lastTable = table;
      this.lastMap = m;
    }
    let idx = m.get(id);
    if (idx === undefined) {
      idx = this.entry(new Stack(table, id).frames());
      m.set(id, idx);
    }
    return idx;
  }

  private entry(all: StackFrame[]): number {
    const frames = all.slice(0, MAX_STACK + 1);
    const content = frames.map((f) => `${f.pc.toString(16)} ${f.func} ${f.file} ${f.line}`).join('\n');
    let idx = this.byContent.get(content);
    if (idx === undefined) {
      idx = this.frames.length;
      this.frames.push(frames);
      this.mergeKey.push(pcKey(frames));
      this.byContent.set(content, idx);
    }
    return idx;
  }
}

function pcKey(frames: StackFrame[]): string {
  const pcs = frames.slice(0, MAX_STACK).map((f) => f.pc.toString(16));
  while (pcs.length > 0 && pcs[pcs.length - 1] === '0') pcs.pop();
  return pcs.join(',');
}

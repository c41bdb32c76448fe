// Stacks of every generation in one table, deduplicated as cmd/trace/pprof.go's stackMap does
// (a stack ID means nothing outside its generation): by the first 128 PCs, where missing PCs
// count as 0 — so no stack and a stack whose one frame is unknown are the same stack. A stack
// handle seen before maps straight to its entry; a new handle with known PCs takes over the
// entry (its frames are shown from then on) and the older handle is forgotten, as in Go.

import type { Stack, StackFrame } from '../../trace/parse/index';
import type { EvTable } from '../../trace/parse/tables';

/** Go dedupes on at most this many PCs (pprofMaxStack). */
export const MAX_STACK = 128;

type Handle = { table: EvTable | null; id: number | bigint };

export class StackTable {
  private readonly byPcs = new Map<string, number>();
  private readonly byHandle = new WeakMap<EvTable, Map<number | bigint, number>>();
  private noStack: number | null = null;
  private readonly handleOf: Handle[] = [];
  /** Frames of each stack, leaf first. */
  readonly frames: StackFrame[][] = [];

  /** The index of a stack's entry. */
  intern(stack: Stack): number {
    const known = this.lookup(stack);
    if (known !== undefined) return known;
    const frames = stack.frames();
    const key = pcKey(frames);
    let idx = this.byPcs.get(key);
    if (idx === undefined) {
      idx = this.frames.length;
      this.frames.push([]);
      this.handleOf.push({ table: null, id: 0 });
      this.byPcs.set(key, idx);
    } else {
      this.forget(this.handleOf[idx]);
    }
    this.frames[idx] = frames.slice(0, MAX_STACK + 1);
    this.handleOf[idx] = { table: stack.table, id: stack.id };
    this.remember(stack, idx);
    return idx;
  }

  private lookup(s: Stack): number | undefined {
    if (s.table === null) return this.noStack ?? undefined;
    return this.byHandle.get(s.table)?.get(s.id);
  }

  private remember(s: Stack, idx: number): void {
    if (s.table === null) {
      this.noStack = idx;
      return;
    }
    let m = this.byHandle.get(s.table);
    if (!m) this.byHandle.set(s.table, (m = new Map()));
    m.set(s.id, idx);
  }

  private forget(h: Handle): void {
    if (h.table === null) this.noStack = null;
    else this.byHandle.get(h.table)?.delete(h.id);
  }
}

/** The first 128 PCs with trailing zeros dropped: Go compares fixed arrays padded with 0. */
function pcKey(frames: StackFrame[]): string {
  const pcs = frames.slice(0, MAX_STACK).map((f) => f.pc.toString(16));
  while (pcs.length > 0 && pcs[pcs.length - 1] === '0') pcs.pop();
  return pcs.join(',');
}

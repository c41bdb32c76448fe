// The timeline's sites: a goroutine row's (stack, reason) pair as one small index, looked up
// for every state transition. An open-addressing hash table over typed arrays, so a lookup
// reads a few integers and allocates nothing (a Map keyed by a double would box each key).

import { U32Builder } from './columns';

function hash(stack: number, reason: number): number {
  const h = Math.imul(stack, 0x9e3779b1) ^ Math.imul(reason + 1, 0x85ebca6b);
  return h ^ (h >>> 15);
}

export class SiteTable {
  /** Hash slots: a site index, 0 for empty (site 0, no stack and no reason, is never stored). */
  private slots = new Int32Array(1024);
  /** Every site's stack and reason, by site index. */
  private keyStack = new Uint32Array(512);
  private keyReason = new Uint32Array(512);
  private count = 1;
  /** Sites added since the last takeAppends (the chunk's TableAppends.siteStack/siteReason). */
  readonly addedStack = new U32Builder();
  readonly addedReason = new U32Builder();

  constructor() {
    this.addedStack.push(0);
    this.addedReason.push(0);
  }

  /** Site index of (stack, reason string index); 0 for neither. */
  index(stack: number, reason: number): number {
    if (stack === 0 && reason === 0) return 0;
    const slots = this.slots;
    const mask = slots.length - 1;
    let h = hash(stack, reason) & mask;
    for (;;) {
      const v = slots[h];
      if (v === 0) break;
      if (this.keyStack[v] === stack && this.keyReason[v] === reason) return v;
      h = (h + 1) & mask;
    }
    const i = this.count++;
    if (i === this.keyStack.length) this.growKeys();
    this.keyStack[i] = stack;
    this.keyReason[i] = reason;
    slots[h] = i;
    this.addedStack.push(stack);
    this.addedReason.push(reason);
    if (this.count * 2 > slots.length) this.rehash();
    return i;
  }

  private growKeys(): void {
    const s = new Uint32Array(this.keyStack.length * 2);
    s.set(this.keyStack);
    this.keyStack = s;
    const r = new Uint32Array(this.keyReason.length * 2);
    r.set(this.keyReason);
    this.keyReason = r;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 1; i < this.count; i++) {
      let h = hash(this.keyStack[i], this.keyReason[i]) & mask;
      while (slots[h] !== 0) h = (h + 1) & mask;
      slots[h] = i;
    }
    this.slots = slots;
  }
}

// Durations by name (an ExecStats' blocked time by reason), read like a ReadonlyMap. A record
// that still changes keeps a Map; a finished one gets a FrozenTimes: its entries in one flat
// array, [name, ns, name, ns, …], in the order they came. A Map holds a hash table of its own,
// about 180 bytes for one or two entries where this takes about 60: a server trace's finished
// goroutines and regions kept a hundred thousand of them, a sixth of the heap the analyses hold.
// Lookups walk the entries; a record has a few (the reasons its goroutine blocked for).

/** What readers of an ExecStats' times need: a Map<string, number> is one too. */
export interface TimesByName extends Iterable<[string, number]> {
  readonly size: number;
  get(name: string): number | undefined;
  keys(): Iterable<string>;
  values(): Iterable<number>;
}

export class FrozenTimes implements TimesByName {
  private readonly flat: (string | number)[];

  constructor(entries: Iterable<readonly [string, number]>) {
    const flat: (string | number)[] = [];
    for (const [name, ns] of entries) flat.push(name, ns);
    // An array grown by push keeps room to grow; the copy is exactly as long as its entries.
    this.flat = flat.slice();
  }

  get size(): number {
    return this.flat.length >> 1;
  }

  get(name: string): number | undefined {
    const f = this.flat;
    for (let i = 0; i < f.length; i += 2) if (f[i] === name) return f[i + 1] as number;
    return undefined;
  }

  *keys(): IterableIterator<string> {
    const f = this.flat;
    for (let i = 0; i < f.length; i += 2) yield f[i] as string;
  }

  *values(): IterableIterator<number> {
    const f = this.flat;
    for (let i = 1; i < f.length; i += 2) yield f[i] as number;
  }

  *[Symbol.iterator](): IterableIterator<[string, number]> {
    const f = this.flat;
    for (let i = 0; i < f.length; i += 2) yield [f[i] as string, f[i + 1] as number];
  }
}

/** The one FrozenTimes with nothing in it, shared by every record that never blocked. */
export const NO_TIMES: TimesByName = new FrozenTimes([]);

/** times as a FrozenTimes (the shared empty one when it has nothing). */
export function frozen(times: TimesByName): TimesByName {
  if (times.size === 0) return NO_TIMES;
  return times instanceof FrozenTimes ? times : new FrozenTimes(times);
}

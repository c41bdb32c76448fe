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
  /** Each entry in order, without making an array for it (as Map.forEach). */
  forEach(f: (ns: number, name: string) => void): void;
}

export class FrozenTimes implements TimesByName {
  /** flat must not change after (nor have room to grow: see of). */
  private constructor(private readonly flat: (string | number)[]) {}

  /** The entries of times, in their order. */
  static of(times: TimesByName): FrozenTimes {
    const flat: (string | number)[] = [];
    times.forEach((ns, name) => flat.push(name, ns));
    // An array grown by push keeps room to grow; the copy is exactly as long as its entries.
    return new FrozenTimes(flat.slice());
  }

  /** Each entry of s less v's time of the same name (none there: 0), in s's order. */
  static difference(s: TimesByName, v: TimesByName): FrozenTimes {
    const flat: (string | number)[] = [];
    s.forEach((ns, name) => flat.push(name, ns - (v.get(name) ?? 0)));
    return new FrozenTimes(flat.slice());
  }

  get size(): number {
    return this.flat.length >> 1;
  }

  get(name: string): number | undefined {
    const f = this.flat;
    for (let i = 0; i < f.length; i += 2) if (f[i] === name) return f[i + 1] as number;
    return undefined;
  }

  forEach(fn: (ns: number, name: string) => void): void {
    const f = this.flat;
    for (let i = 0; i < f.length; i += 2) fn(f[i + 1] as number, f[i] as string);
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
export const NO_TIMES: TimesByName = FrozenTimes.of(new Map());

/** times as a FrozenTimes (the shared empty one when it has nothing). */
export function frozen(times: TimesByName): TimesByName {
  if (times.size === 0) return NO_TIMES;
  return times instanceof FrozenTimes ? times : FrozenTimes.of(times);
}

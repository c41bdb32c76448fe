// Durations by name (an ExecStats' blocked time by reason), read like a ReadonlyMap. A record
// that still changes keeps a Map; a finished one gets a FrozenTimes: its first entry in fields,
// the others in one flat array, [name, ns, name, ns, …], in the order they came. A Map holds a
// hash table of its own, about 180 bytes for one entry where this takes about 60: a server
// trace's finished goroutines and regions kept a hundred thousand of them, most with one entry,
// a sixth of the heap the analyses hold. Lookups walk the entries; a record has a few (the
// reasons its goroutine blocked for).

/** What readers of an ExecStats' times need: a Map<string, number> is one too. */
export interface TimesByName extends Iterable<[string, number]> {
  readonly size: number;
  get(name: string): number | undefined;
  /** Each entry in order, without making an array for it (as Map.forEach). */
  forEach(f: (ns: number, name: string) => void): void;
}

export class FrozenTimes implements TimesByName {
  /**
   * The first entry in fields (most records have one), the others in `more`, flat; more must
   * not change after (nor have room to grow: see of).
   */
  private constructor(
    readonly size: number,
    private readonly name0: string,
    private readonly ns0: number,
    private readonly more: (string | number)[] | null,
  ) {}

  /** The entries of times, in their order. */
  static of(times: TimesByName): FrozenTimes {
    return FrozenTimes.build(times, null);
  }

  /** Each entry of s less v's time of the same name (none there: 0), in s's order. */
  static difference(s: TimesByName, v: TimesByName): FrozenTimes {
    return FrozenTimes.build(s, v);
  }

  private static build(s: TimesByName, less: TimesByName | null): FrozenTimes {
    let name0 = '';
    let ns0 = 0;
    let n = 0;
    const more: (string | number)[] = [];
    s.forEach((ns, name) => {
      const t = less === null ? ns : ns - (less.get(name) ?? 0);
      if (n++ === 0) {
        name0 = name;
        ns0 = t;
      } else {
        more.push(name, t);
      }
    });
    // An array grown by push keeps room to grow; the copy is exactly as long as its entries.
    return new FrozenTimes(n, name0, ns0, n > 1 ? more.slice() : null);
  }

  get(name: string): number | undefined {
    if (this.size === 0) return undefined;
    if (this.name0 === name) return this.ns0;
    const f = this.more;
    if (f !== null) for (let i = 0; i < f.length; i += 2) if (f[i] === name) return f[i + 1] as number;
    return undefined;
  }

  forEach(fn: (ns: number, name: string) => void): void {
    if (this.size === 0) return;
    fn(this.ns0, this.name0);
    const f = this.more;
    if (f !== null) for (let i = 0; i < f.length; i += 2) fn(f[i + 1] as number, f[i] as string);
  }

  *[Symbol.iterator](): IterableIterator<[string, number]> {
    if (this.size === 0) return;
    yield [this.name0, this.ns0];
    const f = this.more;
    if (f !== null) for (let i = 0; i < f.length; i += 2) yield [f[i] as string, f[i + 1] as number];
  }
}

/** The one FrozenTimes with nothing in it, shared by every record that never blocked. */
export const NO_TIMES: TimesByName = FrozenTimes.of(new Map());

/** times as a FrozenTimes (the shared empty one when it has nothing). */
export function frozen(times: TimesByName): TimesByName {
  if (times.size === 0) return NO_TIMES;
  return times instanceof FrozenTimes ? times : FrozenTimes.of(times);
}

// Small integers for strings that repeat (block reasons, say), so they can sit in a typed
// array column: each string gets the next index the first time it is seen. The last string
// asked for is remembered, as runs of the same one are the rule.

export class StringIndex {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private last: string | null = null;
  private lastIndex = -1;

  indexOf(s: string): number {
    if (s === this.last) return this.lastIndex;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    this.last = s;
    this.lastIndex = i;
    return i;
  }
}

// Compares two /jsontrace documents as Go's viewer would show them: the same events, each with
// its stacks resolved to frame names (frame IDs depend on the order stacks were first seen,
// and Go's generator visits maps in random order, so IDs and event order are not compared).
// Events are compared as a multiset after a stable sort of a canonical form.

interface Doc {
  traceEvents: Record<string, unknown>[];
  stackFrames: Record<string, { name: string; parent?: number }>;
}

/** Canonical text of each event: keys sorted, sf/esf replaced by their frame chains. */
export function canonicalEvents(text: string): string[] {
  const doc = JSON.parse(text) as Doc;
  const frames = doc.stackFrames ?? {};
  const chain = (id: unknown): string[] | undefined => {
    if (typeof id !== 'number' || id === 0) return undefined;
    const out: string[] = [];
    for (let f = frames[String(id)]; f !== undefined; f = f.parent ? frames[String(f.parent)] : (undefined as never)) {
      out.push(f.name);
      if (!f.parent) break;
    }
    return out;
  };
  return doc.traceEvents.map((ev) => {
    const e: Record<string, unknown> = { ...ev };
    if ('sf' in e) e.sf = chain(e.sf);
    if ('esf' in e) e.esf = chain(e.esf);
    return stable(e);
  });
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(stable).join(',') + ']';
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return '{' + Object.keys(o).sort().map((k) => JSON.stringify(k) + ':' + stable(o[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

export interface JsonDiff {
  /** Events in both documents. */
  readonly same: number;
  /** Events only Go has, and only we have (canonical text), each sorted. */
  readonly onlyGo: string[];
  readonly onlyOurs: string[];
}

export function compareJsonTraces(go: string, ours: string): JsonDiff {
  const a = canonicalEvents(go).sort();
  const b = canonicalEvents(ours).sort();
  const onlyGo: string[] = [];
  const onlyOurs: string[] = [];
  let i = 0;
  let j = 0;
  let same = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) onlyGo.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) onlyOurs.push(b[j++]);
    else {
      same++;
      i++;
      j++;
    }
  }
  return { same, onlyGo, onlyOurs };
}

// Writes viewer events as the JSON document Go's ViewerDataTraceConsumer writes
// (traceviewer/emitter.go): displayTimeUnit, the events one per line, then the stack frames
// the events refer to. Strings are escaped as Go's encoding/json escapes them (<, >, & and
// U+2028/U+2029 as \u escapes), numbers as Go formats float64 and uint64.

import type { ViewerConsumer, ViewerEvent, ViewerFrame } from './emitter';

/** encoding/json's string encoding (HTML-safe, as json.Encoder does by default). */
export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is not valid UTF-8: Go writes U+FFFD for it.
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else out += '\ufffd';
    } else out += s[i];
  }
  return out + '"';
}

/** A number as Go's encoding/json writes a float64 or an integer. */
export function goJsonNumber(v: number | bigint): string {
  if (typeof v === 'bigint') return v.toString();
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

function value(v: unknown): string {
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'bigint') return goJsonNumber(v);
  if (v && typeof v === 'object') {
    return '{' + Object.entries(v as Record<string, unknown>).map(([k, x]) => `${goJsonString(k)}:${value(x)}`).join(',') + '}';
  }
  return 'null';
}

/** One event as Go encodes it (fields already in format.Event order). */
export function encodeEvent(ev: ViewerEvent): string {
  return value(ev);
}

/**
 * A consumer that streams the JSON to `write` as events arrive and keeps only the frames
 * (small: one per distinct stack frame path) to write the required ones at the end.
 */
export class JsonTraceWriter implements ViewerConsumer {
  private written = 0;
  private readonly frames = new Map<number, ViewerFrame>();
  private readonly required = new Set<number>();

  constructor(private readonly write: (s: string) => void) {
    write('{"displayTimeUnit":"ns"\n,');
  }

  frame(id: number, f: ViewerFrame): void {
    this.frames.set(id, f);
  }

  event(ev: ViewerEvent): void {
    this.walk(ev.sf);
    this.walk(ev.esf);
    this.write((this.written === 0 ? '"traceEvents": [' : ',') + encodeEvent(ev) + '\n');
    this.written++;
  }

  private walk(id: number | undefined): void {
    while (id !== undefined && id !== 0 && !this.required.has(id)) {
      const f = this.frames.get(id);
      if (f === undefined) return;
      this.required.add(id);
      id = f.parent;
    }
  }

  /** Ends the JSON: the frames, keys in Go's sorted-map order. */
  close(): void {
    if (this.written === 0) this.write('"traceEvents": [');
    const keys = [...this.required].map(String).sort();
    const body = keys.map((k) => `${goJsonString(k)}:${value(this.frames.get(Number(k)))}`).join(',');
    this.write(`], "stackFrames":{${body}}\n}`);
  }
}

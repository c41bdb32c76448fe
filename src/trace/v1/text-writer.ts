// A small writer of Go 1.11–1.21 traces from a readable text, for our own fixtures
// (src/trace/v1/testdata/*.test): Go's old runtime is not available here, so the old-format
// traces we commit are written by this and checked against `go tool trace -d=parsed`.
//
// One record per line, `Name key=value ...` with the names of specs.ts; `#` starts a comment.
//
//   Trace Go1.21                                  the header, first
//   Batch p=0 ticks=1000                          p=-1 is "no P"
//   Frequency freq=1000000000
//   TimerGoroutine g=5
//   String id=1 data="main.main"                  a Go-quoted string
//   Stack id=1                                    then one indented line per frame:
//     pc=4096 fn=1 file=2 line=10
//   GoCreate dt=5 g=2 stack=1 stk=1               dt, the spec's arguments, stk when it has one
//   UserLog dt=1 id=0 keyid=3 stk=0 message="hi"  a user log's message follows its arguments
//   Raw data="\x41\xff"                           bytes as they are (for damaged traces)
//
// Arguments are written as the old runtime wrote them (runtime/trace.go before Go 1.22): up to
// three values (the time delta included) inline, with their count in the type byte's top two
// bits; more behind a byte length.

import { binaryToBytes, goUnquote, utf8Binary } from '../go/strconv';
import { ByteWriter } from '../wire/varint';
import { V1, V1_SPECS } from '../wire/v1-specs';

const BY_NAME = new Map(V1_SPECS.map((s, t) => [s.name, t]));

type Fields = Map<string, string>;

function fields(line: string, at: number): Fields {
  const out: Fields = new Map();
  // key=value, value a number or a Go-quoted string (which may hold spaces).
  const re = /(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g;
  for (const m of line.matchAll(re)) out.set(m[1], m[2]);
  if (line.replace(re, '').trim() !== '') throw new Error(`line ${at}: cannot read ${JSON.stringify(line)}`);
  return out;
}

function num(f: Fields, key: string, at: number): bigint {
  const v = f.get(key);
  if (v === undefined) throw new Error(`line ${at}: missing ${key}=`);
  const n = BigInt(v);
  return n < 0n ? BigInt.asUintN(64, n) : n;
}

function str(f: Fields, key: string, at: number): Uint8Array {
  const v = f.get(key);
  if (v === undefined) throw new Error(`line ${at}: missing ${key}=`);
  const s = goUnquote(utf8Binary(v));
  if (s === null) throw new Error(`line ${at}: ${key} is not a Go string literal`);
  return binaryToBytes(s);
}

/** The binary trace for a text trace. Throws Error naming the line for a malformed text. */
export function writeV1Trace(text: string): Uint8Array {
  const lines = text.split('\n');
  const w = new ByteWriter();
  let version = 0;
  let stack: { id: bigint; frames: bigint[] } | null = null;
  const flushStack = () => {
    if (stack === null) return;
    const body = new ByteWriter();
    body.uvarint(stack.id);
    body.uvarint(BigInt(stack.frames.length / 4));
    for (const v of stack.frames) body.uvarint(v);
    w.byte(V1.Stack | (3 << 6));
    w.uvarint(body.length);
    w.bytes(body.view());
    stack = null;
  };
  lines.forEach((raw, i) => {
    const at = i + 1;
    const line = raw.replace(/#.*$/, '');
    if (line.trim() === '') return;
    if (/^\s/.test(line)) {
      if (stack === null) throw new Error(`line ${at}: frame outside a Stack`);
      const f = fields(line, at);
      stack.frames.push(num(f, 'pc', at), num(f, 'fn', at), num(f, 'file', at), num(f, 'line', at));
      return;
    }
    flushStack();
    const name = line.trim().split(/\s+/)[0];
    if (name === 'Trace') {
      const m = /^Trace Go1\.(\d+)\s*$/.exec(line.trim());
      if (m === null) throw new Error(`line ${at}: bad header ${JSON.stringify(line)}`);
      version = Number(m[1]);
      w.bytes(new TextEncoder().encode(`go 1.${version} trace\0\0\0`));
      return;
    }
    if (version === 0) throw new Error(`line ${at}: the first record must be "Trace Go1.N"`);
    if (name === 'Raw') {
      w.bytes(str(fields(line.slice(line.indexOf(name) + 3), at), 'data', at));
      return;
    }
    const type = BY_NAME.get(name);
    if (type === undefined) throw new Error(`line ${at}: unknown record ${name}`);
    const f = fields(line.slice(line.indexOf(name) + name.length), at);
    switch (type) {
      case V1.Batch:
        w.byte(V1.Batch | (1 << 6));
        w.uvarint(num(f, 'p', at));
        w.uvarint(num(f, 'ticks', at));
        return;
      case V1.Frequency:
      case V1.TimerGoroutine:
        w.byte(type);
        w.uvarint(num(f, V1_SPECS[type].args[0], at));
        return;
      case V1.String: {
        const data = str(f, 'data', at);
        w.byte(V1.String);
        w.uvarint(num(f, 'id', at));
        w.uvarint(data.length);
        w.bytes(data);
        return;
      }
      case V1.Stack:
        stack = { id: num(f, 'id', at), frames: [] };
        return;
    }
    const spec = V1_SPECS[type];
    const values = [num(f, 'dt', at), ...spec.args.map((a) => num(f, a, at))];
    if (spec.stack) values.push(num(f, 'stk', at));
    if (values.length <= 3 && type !== V1.UserLog) {
      w.byte(type | ((values.length - 1) << 6));
      for (const v of values) w.uvarint(v);
    } else {
      const body = new ByteWriter();
      for (const v of values) body.uvarint(v);
      w.byte(type | (3 << 6));
      w.uvarint(body.length);
      w.bytes(body.view());
    }
    if (type === V1.UserLog) {
      const msg = str(f, 'message', at);
      w.uvarint(msg.length);
      w.bytes(msg);
    }
  });
  flushStack();
  return w.finish();
}

// The text format against Go's raw.TextReader/TextWriter. Each expected message below is
// the error Go's text reader gives for the same input.
import { describe, expect, it } from 'vitest';
import { binaryToText, binaryToTextStream, readBinaryTrace, textToBinary, textToBinaryStream, writeBinaryTrace } from './convert';
import { ChunkFeeder } from './chunk-feeder';
import { WireError } from './errors';
import { rawEventString } from './raw';
import { readTextTrace, TextFormatError } from './text';

const enc = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const HEADER22 = hex(enc('go 1.22 trace\0\0\0'));

function errorOf(text: string): string {
  try {
    readTextTrace(latin1(text));
  } catch (e) {
    expect(e).toBeInstanceOf(TextFormatError);
    expect(e).toBeInstanceOf(WireError);
    return (e as Error).message;
  }
  return 'no error';
}

/** Text traces Go's reader rejects, with its message. */
const REJECTS: [string, string][] = [
    ['', 'EOF'],
    ['Trace', 'failed to parse header Go version'],
    ['Trace Go1.22 x\n', 'encountered unexpected non-space at the end of the header: " x"'],
    ['Trace Go1.x\n', 'failed to parse header Go version: strconv.ParseUint: parsing "x": invalid syntax'],
    ['Trace Go1.24\n', 'unknown or unsupported Go version 1.24'],
    ['Trace Go1.11\nEventBatch gen=1 m=2 time=3 size=0\n', 'unidentified event: EventBatch'],
    ['Trace Go1.22\nEventBatch gen=1 m=2 time=3\n', 'reading args for EventBatch: no argument'],
    ['Trace Go1.22\nEventBatch gen=1 m=2 time=3 size=4 #c\n', 'reading args for EventBatch: encountered unexpected non-space at the end of an event: " #c"'],
    ['Trace Go1.22\nEventBatch gen=1 m=2 time=3 siz=4\n', 'reading args for EventBatch: expected argument "size", but got "siz"'],
    ['Trace Go1.22\nEventBatch gen=1 m=2 time=3 size\n', 'reading args for EventBatch: malformed argument: "size"'],
    ['Trace Go1.22\nEventBatch gen=1 m=2 time=3 size=-4\n', 'reading args for EventBatch: failed to parse argument value "-4" for arg "size"'],
    ['Trace Go1.22\nGoSwitch dt=1 g=2 g_seq=3\n', 'unidentified event: GoSwitch'],
    ['Trace Go1.22\nStack id=1 nframes=2\n\tpc=1 func=2 file=3 line=4\n', 'unexpected EOF while reading stack: args=[1 2 1 2 3 4]'],
    ['Trace Go1.22\nStack id=1 nframes=1\n\tpc=1 func=2 file=3\n', 'no argument'],
    ['Trace Go1.22\nStack id=1 nframes=0\nString id=1\n', 'unexpected EOF while reading data for String: args=[1]'],
    ['Trace Go1.22\nString id=1\ndata="\\q"\n', 'failed to parse data: "data=\\"\\\\q\\"": invalid syntax'],
    ['Trace Go1.22\nString id=1\ndat="x"\n', 'malformed data: "dat=\\"x\\""'],
    ['Trace Go1.26\nEndOfGeneration x=1\n', 'reading args for EndOfGeneration: encountered unexpected non-space at the end of an event: " x=1"'],
    ['Trace Go1.22\n' + 'x'.repeat(65536) + '\n', 'bufio.Scanner: token too long'],
    ['Trace Go1.22\n#' + 'x'.repeat(65535), 'bufio.Scanner: token too long'],
];

/** Text traces and the bytes (after the header) Go writes for them. */
const ACCEPTS: [string, string][] = [
    ['Trace  Go1.22  \r\n# c\n\n  EventBatch gen=1 m=2 time=3 size=4 \r\n', '0101020304'],
    ['Trace Go1.22\nEventBatch\u00a0gen=1 m=2 time=3 size=4\n', '0101020304'],
    ['Trace Go1.22\nStack id=1 nframes=18446744073709551615\n', '0301ffffffffffffffffff01'],
    ['Trace Go1.22\nString id=1\n  data = "a\\x00b" \n', '050103610062'],
    ['Trace Go1.22\nString id=1\ndata=`raw`\n', '050103726177'],
    ["Trace Go1.22\nString id=1\ndata='x'\n", '05010178'],
    ['Trace Go1.22\nString id=1\n# comment\ndata="\xff\xfe"\n', '050106efbfbdefbfbd'],
    ['Trace Go1.22\n' + 'x'.repeat(65535).replace(/^x/, '#') + '\n', ''],
    ['Trace Go1.26\nEndOfGeneration\nExperimentalBatch exp=1 gen=2 m=3 time=4\ndata="\\x01"\n', '3431010203040101'],
];

describe('text reader', () => {
  it.each(REJECTS)('rejects %j with Go\'s message', (text, msg) => {
    expect(errorOf(text)).toBe(msg);
  });

  it.each(ACCEPTS)('converts %j to the bytes Go writes', (text, body) => {
    const bytes = text.includes('\u00a0') ? enc(text) : latin1(text);
    const out = hex(textToBinary(bytes));
    expect(out.slice(HEADER22.length)).toBe(body);
  });
});

describe('text writer and round trips', () => {
  it("prints each event as Go's raw Event.String", () => {
    const { events } = readTextTrace(
      enc('Trace Go1.22\nStack id=7 nframes=2\n\tpc=1 func=2 file=3 line=4\n\tpc=5 func=6 file=7 line=8\nString id=1\n\tdata="hi\\n"\n'),
    );
    expect(events.map((e) => rawEventString(e))).toEqual([
      'Stack id=7 nframes=2\n\tpc=1 func=2 file=3 line=4\n\tpc=5 func=6 file=7 line=8',
      'String id=1\n\tdata="hi\\n"',
    ]);
  });

  it('keeps uint64 values exact across text and binary', () => {
    const text = 'Trace Go1.26\nEventBatch gen=18446744073709551615 m=9007199254740993 time=9223372036854775808 size=0\n';
    const bin = textToBinary(enc(text));
    expect(binaryToText(bin)).toBe(text);
    const ev = readBinaryTrace(bin).events[0];
    expect(ev.args).toEqual([2n ** 64n - 1n, 2n ** 53n + 1n, 2n ** 63n, 0]);
  });

  it('round-trips text → binary → text and binary → text → binary byte for byte', () => {
    const text =
      'Trace Go1.26\nEventBatch gen=1 m=18446744073709551615 time=5 size=11\nStrings\nString id=1\n\tdata="\\xff\\u00a0é"\nEndOfGeneration\n';
    const bin = textToBinary(enc(text));
    expect(binaryToText(bin)).toBe(text);
    expect(textToBinary(enc(binaryToText(bin)))).toEqual(bin);
    const { version, events } = readBinaryTrace(bin);
    expect(writeBinaryTrace(version, events)).toEqual(bin);
  });
});

/** bytes as a ChunkFeeder handing out pieces of `size` bytes. */
function pieces(bytes: Uint8Array, size: number): ChunkFeeder {
  return new ChunkFeeder(
    (async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
    })(),
  );
}

/** textToBinaryStream's bytes, or its error's message and the bytes written before it. */
async function streamedBinary(text: Uint8Array, size: number): Promise<{ out: string; error: string | null }> {
  const parts: Uint8Array[] = [];
  let error: string | null = null;
  try {
    await textToBinaryStream(pieces(text, size), (b) => void parts.push(b));
  } catch (e) {
    expect(e).toBeInstanceOf(TextFormatError);
    error = (e as Error).message;
  }
  return { out: parts.map(hex).join(''), error };
}

describe('text reader over input in pieces (text-stream.ts)', () => {
  it.each(REJECTS)('rejects %j with the same message, read a byte and 5 bytes at a time', async (text, msg) => {
    for (const size of [1, 5]) expect((await streamedBinary(latin1(text), size)).error).toBe(msg);
  });

  it.each(ACCEPTS)('converts %j to the same bytes, read a byte and 5 bytes at a time', async (text, body) => {
    const bytes = text.includes('\u00a0') ? enc(text) : latin1(text);
    for (const size of [1, 5]) {
      const r = await streamedBinary(bytes, size);
      expect(r.error).toBeNull();
      expect(r.out).toBe(hex(textToBinary(bytes)));
      expect(r.out.slice(HEADER22.length)).toBe(body);
    }
  });

  it('writes every event before a fault, then fails with it', async () => {
    const text = 'Trace Go1.22\nEventBatch gen=1 m=2 time=3 size=0\nString id=1\n\tdata="a"\nBogus x=1\n';
    const r = await streamedBinary(enc(text), 3);
    expect(r.error).toBe('unidentified event: Bogus');
    expect(r.out).toBe(HEADER22 + '0101020300' + '05010161');
  });

  it('converts binary to text in pieces as whole, and stops at the same fault', async () => {
    const bin = textToBinary(enc('Trace Go1.26\nEventBatch gen=1 m=2 time=3 size=3\nString id=1\n\tdata="ab"\nEndOfGeneration\n'));
    for (const size of [1, 2, 7]) {
      let text = '';
      await binaryToTextStream(pieces(bin, size), (t) => void (text += t));
      expect(text).toBe(binaryToText(bin));
    }
    // An unknown event type, and a varint cut by the end of the file, after the good events.
    for (const tail of [[0xee], [0x05, 0x80]]) {
      const bad = new Uint8Array([...bin, ...tail]);
      let wholeError = '';
      try {
        binaryToText(bad);
      } catch (e) {
        wholeError = (e as Error).message;
      }
      expect(wholeError).not.toBe('');
      for (const size of [1, 3]) {
        let text = '';
        await expect(binaryToTextStream(pieces(bad, size), (t) => void (text += t))).rejects.toThrow(wholeError);
        expect(text).toBe(binaryToText(bin));
      }
    }
  });
});

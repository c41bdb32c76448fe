// Binary ↔ text conversion of whole traces, and of traces streamed in pieces, as Go's raw reader/writer and text
// reader/writer pair up (internal/trace/raw; the golden tests convert text → binary the
// same way, testtrace/format.go). Canonical inputs round-trip byte for byte: binaries with
// minimal varints and no empty String data, and text as Go's TextWriter prints it.

import { NEED_INPUT } from './batch-peek';
import type { ChunkFeeder } from './chunk-feeder';
import { RawReader, rawEventString, writeRawEvent, type RawEvent } from './raw';
import { RawStreamReader } from './raw-stream';
import { readTextTrace, writeTextTrace } from './text';
import { TextStreamReader } from './text-stream';
import { ByteWriter } from './varint';
import { headerBytes, type GoTraceVersion } from './version';

/** Every raw event of a binary trace. Throws HeaderError or RawReadError. */
export function readBinaryTrace(bytes: Uint8Array): { version: GoTraceVersion; events: RawEvent[] } {
  const r = RawReader.open(bytes);
  const events: RawEvent[] = [];
  for (let ev = r.next(); ev !== null; ev = r.next()) events.push(ev);
  return { version: r.version, events };
}

export function writeBinaryTrace(version: GoTraceVersion, events: Iterable<RawEvent>): Uint8Array {
  const w = new ByteWriter(4096);
  w.bytes(headerBytes(version));
  for (const ev of events) writeRawEvent(w, ev);
  return w.finish();
}

/** Text trace bytes → binary trace. Throws TextFormatError. */
export function textToBinary(text: Uint8Array): Uint8Array {
  const { version, events } = readTextTrace(text);
  return writeBinaryTrace(version, events);
}

/** Binary trace → text trace (a JS string; encode as UTF-8 to write it). */
export function binaryToText(bytes: Uint8Array): string {
  const { version, events } = readBinaryTrace(bytes);
  return writeTextTrace(version, events);
}

/** Output is handed on in pieces of about this many bytes (characters, for text). */
const PIECE = 1 << 16;

/** Every event of a streamed reader, taking in more input as it asks for it. */
async function eachEvent(r: RawStreamReader | TextStreamReader, f: (ev: RawEvent) => void): Promise<void> {
  for (;;) {
    const ev = r.next();
    if (ev === null) return;
    if (ev === NEED_INPUT) await r.more();
    else f(ev);
  }
}

/**
 * binaryToText over input in pieces (raw-stream.ts), the text handed to `write` as it is
 * made, the header line first: never the whole trace in memory. On a fault (HeaderError,
 * RawReadError) everything before it has been written.
 */
export async function binaryToTextStream(feed: ChunkFeeder, write: (text: string) => void): Promise<void> {
  const r = await RawStreamReader.open(feed);
  let out = `Trace Go1.${r.version}\n`;
  try {
    await eachEvent(r, (ev) => {
      out += rawEventString(ev) + '\n';
      if (out.length >= PIECE) {
        write(out);
        out = '';
      }
    });
  } finally {
    if (out !== '') write(out);
  }
}

/**
 * textToBinary over input in pieces (text-stream.ts), the bytes handed to `write` as they are
 * made, the header first. On a fault (TextFormatError) everything before it has been written.
 */
export async function textToBinaryStream(feed: ChunkFeeder, write: (bytes: Uint8Array) => void): Promise<void> {
  const r = await TextStreamReader.open(feed);
  const w = new ByteWriter(PIECE * 2);
  w.bytes(headerBytes(r.version));
  try {
    await eachEvent(r, (ev) => {
      writeRawEvent(w, ev);
      if (w.length >= PIECE) {
        write(w.finish());
        w.reset();
      }
    });
  } finally {
    if (w.length > 0) write(w.finish());
  }
}

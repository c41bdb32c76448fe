// Binary ↔ text conversion of whole traces, as Go's raw reader/writer and text
// reader/writer pair up (internal/trace/raw; the golden tests convert text → binary the
// same way, testtrace/format.go). Canonical inputs round-trip byte for byte: binaries with
// minimal varints and no empty String data, and text as Go's TextWriter prints it.

import { RawReader, writeRawEvent, type RawEvent } from './raw';
import { readTextTrace, writeTextTrace } from './text';
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

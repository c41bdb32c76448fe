// Go's deferred check on every event ReadEvent returns (internal/trace/reader.go
// validateTableIDs): each stack and string ID the event names exists in its generation's
// tables. Kept out of the reader's loop body: one table lookup per event type, and nearly
// always one comparison per ID.

import { SPECS } from '../wire/specs';
import { blankEvent } from './batch-cursor';
import type { TraceEvent } from './event';
import { TraceError } from './errors';
import { dec, type U64 } from './int64';
import type { EvTable } from './tables';

/**
 * Per event type, which argument slots (after dt) hold stack IDs and which hold string IDs: bit
 * i for slot i. No event has more than two of either.
 */
const STACK_SLOTS = new Uint8Array(256);
const STRING_SLOTS = new Uint8Array(256);
SPECS.forEach((s, t) => {
  for (const i of s.stackIDs) STACK_SLOTS[t] |= 1 << (i - 1);
  for (const i of s.stringIDs) STRING_SLOTS[t] |= 1 << (i - 1);
});

/**
 * Per event type, the argument slots that hold a stack or a string ID (bit i for slot i); 0 for
 * a type that names none (Sync and GoStart, say).
 */
export const ID_SLOTS = new Uint8Array(256);
for (let t = 0; t < 256; t++) ID_SLOTS[t] = STACK_SLOTS[t] | STRING_SLOTS[t];

/**
 * The bound below which every stack and string ID of table t exists: an event whose ID slots
 * (ID_SLOTS) all hold values below it passes validateTableIDs, with nothing more to look up.
 */
export function idsExistBelow(t: EvTable): number {
  return Math.min(t.stacks.fullBelow, t.strings.fullBelow);
}

/**
 * Checks that every stack and string ID an event names exists in its table (Go's
 * validateTableIDs). Nearly always a table's IDs have no gaps, so one comparison per ID
 * decides; an ID at or past the gapless part sends the event to Go's check, in Go's order.
 */
export function validateTableIDs(e: TraceEvent): void {
  const typ = e.type;
  const t = e.table!;
  const stacks = STACK_SLOTS[typ];
  if (stacks !== 0 && !allBelow(e, stacks, t.stacks.fullBelow)) {
    for (const i of SPECS[typ].stackIDs) checkStack(t, e, argAt(e, i - 1));
  }
  const strings = STRING_SLOTS[typ];
  if (strings !== 0 && !allBelow(e, strings, t.strings.fullBelow)) {
    for (const i of SPECS[typ].stringIDs) checkString(t, e, argAt(e, i - 1));
  }
}

/** Whether every argument slot in `slots` (bit i for slot i) holds a value below lim. */
export function allBelow(e: TraceEvent, slots: number, lim: number): boolean {
  return (
    ((slots & 1) === 0 || e.a0 < lim) &&
    ((slots & 2) === 0 || e.a1 < lim) &&
    ((slots & 4) === 0 || e.a2 < lim) &&
    ((slots & 8) === 0 || e.a3 < lim)
  );
}

/** Argument slot i of an event. */
function argAt(e: TraceEvent, i: number): U64 {
  return i === 0 ? e.a0 : i === 1 ? e.a1 : i === 2 ? e.a2 : e.a3;
}

function checkStack(t: EvTable, e: TraceEvent, id: U64): void {
  if (id !== 0 && !t.stacks.has(id)) {
    throw new TraceError(`found invalid stack ID ${dec(id)} for event ${SPECS[e.type].name}`);
  }
}

function checkString(t: EvTable, e: TraceEvent, id: U64): void {
  if (id !== 0 && !t.strings.has(id)) {
    throw new TraceError(`found invalid string ID ${dec(id)} for event ${SPECS[e.type].name}`);
  }
}

// Every slot compared before any trace is read (see the end of batch-cursor.ts): an event type
// whose ID is in a slot not compared before would otherwise throw away the reader loop that
// inlines this, the first time one comes.
{
  const e = blankEvent();
  for (let round = 0; round < 12; round++) allBelow(e, 15, round + 1);
}

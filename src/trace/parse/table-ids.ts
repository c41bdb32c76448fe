// Go's deferred check on every event ReadEvent returns (internal/trace/reader.go
// validateTableIDs): each stack and string ID the event names exists in its generation's
// tables. Kept out of the reader's loop body: one table lookup per event type, and nearly
// always one comparison per ID.

import { SPECS } from '../wire/specs';
import type { TraceEvent } from './event';
import { TraceError } from './errors';
import { dec, type U64 } from './int64';
import type { EvTable } from './tables';

/**
 * Per event type, the argument slots (after dt) holding stack IDs and string IDs, -1 for none.
 * No event has more than two of either.
 */
const STACK_SLOT_1 = new Int8Array(256).fill(-1);
const STACK_SLOT_2 = new Int8Array(256).fill(-1);
const STRING_SLOT_1 = new Int8Array(256).fill(-1);
const STRING_SLOT_2 = new Int8Array(256).fill(-1);
SPECS.forEach((s, t) => {
  if (s.stackIDs.length > 0) STACK_SLOT_1[t] = s.stackIDs[0] - 1;
  if (s.stackIDs.length > 1) STACK_SLOT_2[t] = s.stackIDs[1] - 1;
  if (s.stringIDs.length > 0) STRING_SLOT_1[t] = s.stringIDs[0] - 1;
  if (s.stringIDs.length > 1) STRING_SLOT_2[t] = s.stringIDs[1] - 1;
});

/** Per event type, 1 if it names any stack or string ID (Sync and GoStart, say, do not). */
export const HAS_TABLE_IDS = new Uint8Array(256);
for (let t = 0; t < 256; t++) HAS_TABLE_IDS[t] = STACK_SLOT_1[t] >= 0 || STRING_SLOT_1[t] >= 0 ? 1 : 0;

/** Argument slot i of an event. */
function argAt(e: TraceEvent, i: number): U64 {
  return i === 0 ? e.a0 : i === 1 ? e.a1 : i === 2 ? e.a2 : e.a3;
}

/**
 * Checks that every stack and string ID an event names exists in its table (Go's
 * validateTableIDs). Nearly always a table's IDs have no gaps, so one comparison decides.
 */
export function validateTableIDs(e: TraceEvent): void {
  const typ = e.type;
  const t = e.table!;
  let i = STACK_SLOT_1[typ];
  if (i >= 0) {
    const lim = t.stacks.fullBelow;
    let id = argAt(e, i);
    if (!(id < lim)) checkStack(t, e, id);
    i = STACK_SLOT_2[typ];
    if (i >= 0) {
      id = argAt(e, i);
      if (!(id < lim)) checkStack(t, e, id);
    }
  }
  i = STRING_SLOT_1[typ];
  if (i >= 0) {
    const lim = t.strings.fullBelow;
    let id = argAt(e, i);
    if (!(id < lim)) checkString(t, e, id);
    i = STRING_SLOT_2[typ];
    if (i >= 0) {
      id = argAt(e, i);
      if (!(id < lim)) checkString(t, e, id);
    }
  }
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

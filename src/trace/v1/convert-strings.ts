// The string and stack tables of a converted Go 1.11–1.21 trace, as Go's traceV1Converter.init
// builds them (internal/trace/tracev1.go): the trace's own strings keep their IDs, user log
// messages (stored inline in the old format) get the IDs after them, and then come the strings
// the converter itself adds for block reasons and STW kinds, in Go's order.

import { MAX_UINT64, type U64 } from '../parse/int64';
import type { EvTable } from '../parse/tables';
import type { V1Trace } from './parse';

/** Strings the converter adds, in Go's order (their IDs follow the trace's own strings). */
const BUILTIN_STRINGS = [
  // Block reasons.
  'forever',
  'preempted',
  'runtime.Gosched',
  'sleep',
  'chan send',
  'chan receive',
  'network',
  'sync',
  'sync.(*Cond).Wait',
  'select',
  '',
  'GC mark assist wait for work',
  // STW kinds, from STWUnknown on.
  '',
  'GC mark termination',
  'GC sweep termination',
  'write heap dump',
  'goroutine profile',
  'goroutine profile cleanup',
  'all goroutine stack trace',
  'read mem stats',
  'AllThreadsSyscall',
  'GOMAXPROCS',
  'start trace',
  'stop trace',
  'CountPagesInUse (test)',
  'ReadMetricsSlow (test)',
  'ReadMemStatsSlow (test)',
  'PageCachePagesLeaked (test)',
  'ResetDebugLog (test)',
];
export const S_FOREVER = 0;
export const S_PREEMPTED = 1;
export const S_GOSCHED = 2;
export const S_SLEEP = 3;
export const S_CHAN_SEND = 4;
export const S_CHAN_RECV = 5;
export const S_NETWORK = 6;
export const S_SYNC = 7;
export const S_SYNC_COND = 8;
export const S_SELECT = 9;
export const S_EMPTY = 10;
export const S_MARK_ASSIST_WAIT = 11;
export const S_STW_UNKNOWN = 12;

/** The string IDs init gives out: inline[i] for inline string i, builtin[c] for S_* code c. */
export interface ConverterStringIDs {
  inline: U64[];
  builtin: U64[];
}

/**
 * Fills the table from the trace (Go's init). On "too many strings" Go returns early, leaving
 * the ID lists it has not reached empty and the tables uncompacted; so does this.
 */
export function initTable(t: V1Trace, table: EvTable): ConverterStringIDs {
  const ids: ConverterStringIDs = { inline: [], builtin: [] };
  const strings = table.strings;
  let max: U64 = 0;
  for (const [id, s] of t.strings) {
    strings.insert(id, s);
    if (id > max) max = id;
  }
  // User log messages were stored inline, without IDs: they get IDs after the trace's own.
  const big = BigInt(max);
  if (big + BigInt(t.inlineStrings.length) > MAX_UINT64) return ids;
  t.inlineStrings.forEach((s, i) => {
    const id = canonU64(big + 1n + BigInt(i));
    ids.inline.push(id);
    strings.insert(id, s);
  });
  const afterInline = big + BigInt(t.inlineStrings.length);
  if (afterInline + BigInt(BUILTIN_STRINGS.length) > MAX_UINT64) return ids;
  ids.builtin = BUILTIN_STRINGS.map((s, c) => {
    const id = canonU64(afterInline + 1n + BigInt(c));
    strings.insert(id, s);
    return id;
  });
  strings.compactify();
  for (const [id, pcs] of t.stacks) table.stacks.insert(id, pcs);
  for (const [pc, f] of t.pcs) table.pcs.set(pc, f);
  table.stacks.compactify();
  return ids;
}

function canonU64(b: bigint): U64 {
  return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

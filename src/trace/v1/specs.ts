// Constants of Go's old-format parser and converter (internal/trace/internal/tracev1/parser.go):
// the fake Ps it moves events to, and what an STW kind means in each trace version. The event
// table itself is wire/v1-specs.ts.

/** Special P IDs the old parser assigns (tracev1.FakeP and after). */
export const TIMER_P = 1000001;
export const NETPOLL_P = 1000002;
export const SYSCALL_P = 1000003;
export const GC_P = 1000004;
export const PROFILE_P = 1000005;

/** Why the world stopped, per STWStart kind (Go's tracev1.STWReason), as the converter names it. */
export const STW_REASON_COUNT = 17;

/** Go's Trace.STWReason: the kind argument's meaning depends on the trace version. */
export function stwReason(version: number, kind: number | bigint): number {
  if (version < 21) return kind === 0 || kind === 1 ? (kind as number) + 1 : 0;
  if (version === 21) return typeof kind === 'number' && kind < STW_REASON_COUNT ? kind : 0;
  return 0;
}

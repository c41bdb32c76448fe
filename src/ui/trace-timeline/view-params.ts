// The timeline page's part of the URL hash (state/route.ts carries it as page parameters), so a
// copied link reopens the same view of the same file:
//
//   r   the visible range, `start-end`, whole nanoseconds since the trace's first event
//   g   the selected goroutine (its lane is shown and scrolled to)
//   t   the selected moment in nanoseconds since the first event (with g: the span at t)
//   l   the lane the selection was made in, when it is not g's own lane ("p3", "m12")
//   q   the goroutine filter typed in the search box
//
// Pure: parsed and formatted here, nothing else reads the raw strings. Anything malformed is
// dropped rather than guessed at, so a hand-edited link still opens the page.

import type { RouteParams } from '../../state/route';

export interface TimelineParams {
  readonly range: { readonly startNs: number; readonly endNs: number } | null;
  readonly goroutine: number | null;
  readonly timeNs: number | null;
  readonly lane: string | null;
  readonly filter: string;
}

export const EMPTY_PARAMS: TimelineParams = { range: null, goroutine: null, timeNs: null, lane: null, filter: '' };

const UINT = /^\d{1,16}$/;
const LANE = /^[a-z]{1,8}\d{0,16}$/;

/** A non-negative whole number that a JS number holds exactly, or null. */
function uint(s: string | undefined): number | null {
  if (s === undefined || !UINT.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

export function parseTimelineParams(p: RouteParams): TimelineParams {
  let range: TimelineParams['range'] = null;
  const m = /^(\d{1,16})-(\d{1,16})$/.exec(p.r ?? '');
  if (m) {
    const startNs = uint(m[1]);
    const endNs = uint(m[2]);
    if (startNs !== null && endNs !== null && endNs > startNs) range = { startNs, endNs };
  }
  const lane = p.l !== undefined && LANE.test(p.l) ? p.l : null;
  return { range, goroutine: uint(p.g), timeNs: uint(p.t), lane, filter: (p.q ?? '').slice(0, 200) };
}

/** Whole nanoseconds, the range widened outward so it never shrinks when read back. */
export function formatTimelineParams(v: TimelineParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.range) {
    const s = Math.max(0, Math.floor(v.range.startNs));
    const e = Math.max(s + 1, Math.ceil(v.range.endNs));
    out.r = `${s}-${e}`;
  }
  if (v.goroutine !== null) out.g = String(v.goroutine);
  if (v.timeNs !== null) out.t = String(Math.max(0, Math.round(v.timeNs)));
  if (v.lane !== null) out.l = v.lane;
  if (v.filter !== '') out.q = v.filter;
  return out;
}

export function sameParams(a: TimelineParams, b: TimelineParams): boolean {
  const fa = formatTimelineParams(a);
  const fb = formatTimelineParams(b);
  const ka = Object.keys(fa);
  return ka.length === Object.keys(fb).length && ka.every((k) => fa[k] === fb[k]);
}

// The generations lane from the parser's summary, shown before the timeline model arrives:
// each generation of the trace as a box from its first event to its
// last, alternating two colours, labelled with its number. Generations are what a flight
// recorder keeps and drops, so they are the first lane. Built from the parser's summary,
// which arrives before the timeline model.

import type { TraceSummary } from '../../analysis/trace-summary';
import { formatDuration, formatInt } from '../format';
import { devX, type HoverInfo, type LaneContent, type PaintArgs } from './paint';
import type { TimelineData } from './timeline-data';

export interface GenerationBox {
  /** Position in the file, from 1. */
  readonly n: number;
  readonly startNs: number;
  readonly endNs: number;
  readonly events: number;
}

/** The summary's complete generations in ns since the trace's first event. */
export function generationBoxes(s: TraceSummary): GenerationBox[] {
  const origin = s.total.firstNs;
  if (origin === null) return [];
  const rel = (t: number | bigint) => Number(BigInt(t) - BigInt(origin));
  const out: GenerationBox[] = [];
  for (const g of s.generations) {
    if (g.firstNs === null || g.lastNs === null) continue;
    out.push({ n: g.n, startNs: rel(g.firstNs), endNs: rel(g.lastNs), events: g.events });
  }
  return out;
}

/** The box containing t, else the nearest within slop, by binary search over start times. */
export function generationAt(boxes: readonly GenerationBox[], t: number, slopNs: number): GenerationBox | null {
  let lo = 0;
  let hi = boxes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (boxes[mid].startNs <= t) lo = mid;
    else hi = mid - 1;
  }
  for (const i of [lo, lo + 1]) {
    const b = boxes[i];
    if (b && t >= b.startNs - slopNs && t <= b.endNs + slopNs) return b;
  }
  return null;
}

export function generationsLaneFromSummary(boxes: readonly GenerationBox[]): LaneContent {
  return {
    paint(p: PaintArgs) {
      const { palette: P } = p;
      const colours = [P.rgba['gen-a'], P.rgba['gen-b']];
      const t0 = p.scale.startNs;
      const t1 = p.scale.endNs;
      p.row.begin(p.raster, p.y0, p.y1);
      for (const b of boxes) {
        if (b.endNs < t0 || b.startNs > t1) continue;
        const xa = devX(p, b.startNs);
        const xb = devX(p, b.endNs);
        p.row.span(xa, Math.max(xb, xa + 1), b.n % 2, colours);
        const dpr = p.scale.dpr;
        p.labels.add(xa / dpr, xb / dpr, p.yCss + p.hCss / 2, `gen ${b.n}`, P.css.ink);
      }
      p.row.end(P.rgba.bg, colours);
    },
    hover(t, slop): HoverInfo | null {
      const b = generationAt(boxes, t, slop);
      if (!b) return null;
      return {
        title: `Generation ${b.n}`,
        lines: [`${formatDuration(b.startNs)} → ${formatDuration(b.endNs)} (${formatDuration(b.endNs - b.startNs)})`, `${formatInt(b.events)} events`],
        startNs: b.startNs,
        endNs: b.endNs,
      };
    },
  };
}

/** The view's data before the timeline model has arrived: the generations lane only. */
export function summaryData(s: TraceSummary): TimelineData {
  const boxes = generationBoxes(s);
  const lane = generationsLaneFromSummary(boxes);
  return {
    durationNs: boxes.length > 0 ? boxes[boxes.length - 1].endNs : 0,
    sections: [{ key: 'sec-gens', title: 'Generations', lanes: [{ key: 'gens', label: 'Generations', sub: String(boxes.length), heightCssPx: 22 }] }],
    content: (row) => (row.kind === 'lane' && row.key === 'gens' ? lane : null),
    rowLabel: () => ({ text: '', aria: '', goroutine: null }),
    goroutinePlace: () => null,
  };
}

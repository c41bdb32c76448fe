// Events by kind as horizontal bars: one row per kind Go's parser reported, largest first,
// StateTransition split by resource underneath. D3 gives the linear scale; React owns the SVG.

import { useMemo, useRef } from 'react';
import { max, scaleLinear } from 'd3';
import { useElementSize } from '../use-element-size';
import { formatInt } from '../format';
import type { KindBar } from './parsed-model';

const ROW = 24;
/** Width of one digit or comma of a count at the chart's 11 px monospace face, with room to spare. */
const COUNT_CHAR_PX = 7.2;
/** Gap between a bar's end and its count. */
const LABEL_GAP = 6;

/** Room right of the longest bar for its count: the widest count, not a fixed 70 px (10,000,000 needs more). */
export function countMargin(kinds: readonly KindBar[]): number {
  const widest = kinds.reduce((n, k) => Math.max(n, formatInt(k.count).length), 1);
  return Math.ceil(LABEL_GAP + widest * COUNT_CHAR_PX + 8);
}

export function KindBars({ kinds, label }: { kinds: readonly KindBar[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { widthCssPx } = useElementSize(ref);
  const width = Math.max(280, widthCssPx);
  const M = { top: 4, right: countMargin(kinds), bottom: 4, left: 150 };
  const innerW = width - M.left - M.right;
  const height = M.top + M.bottom + kinds.length * ROW;
  const x = useMemo(() => scaleLinear().domain([0, Math.max(1, max(kinds, (k) => k.count) ?? 1)]).range([0, innerW]), [kinds, innerW]);

  return (
    <div ref={ref}>
      <svg className="chart kind-bars" width={width} height={height} role="img" aria-label={label}>
        <g transform={`translate(${M.left},${M.top})`}>
          {kinds.map((k, i) => (
            <g key={`${k.label}-${i}`} transform={`translate(0,${i * ROW})`} data-kind={k.label}>
              <text className={k.child ? 'kind-label child' : 'kind-label'} x={-10} y={ROW / 2} dy="0.32em" textAnchor="end">
                {k.label}
              </text>
              <rect className={k.child ? 'bar child' : 'bar'} x={0} y={k.child ? 7 : 4} height={k.child ? ROW - 14 : ROW - 8} width={Math.max(1, x(k.count))} rx={2}>
                <title>{`${k.label}: ${formatInt(k.count)} events`}</title>
              </rect>
              <text className="bar-label" x={Math.max(1, x(k.count)) + LABEL_GAP} y={ROW / 2} dy="0.32em">
                {formatInt(k.count)}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </div>
  );
}

// Bytes per generation as a D3 bar chart: one bar per generation, a nice linear y axis,
// value labels when bars are wide enough. D3 computes scales and ticks; React owns the SVG.

import { useMemo, useRef } from 'react';
import { max, scaleBand, scaleLinear } from 'd3';
import { byteTicks, formatByteTick } from '../byte-ticks';
import { useElementSize } from '../use-element-size';
import { formatBytes } from '../format';
import type { GenRow } from './inspect-model';

const HEIGHT = 220;
const M = { top: 18, right: 12, bottom: 34, left: 76 };

export function BytesChart({ rows, label }: { rows: readonly GenRow[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { widthCssPx } = useElementSize(ref);
  const width = Math.max(240, widthCssPx);
  const innerW = width - M.left - M.right;
  const innerH = HEIGHT - M.top - M.bottom;

  const { x, y, yTicks } = useMemo(() => {
    const x = scaleBand<string>().domain(rows.map((r) => r.gen)).range([0, innerW]).paddingInner(rows.length > 60 ? 0.05 : 0.2).paddingOuter(0.1);
    // Round byte counts (256 KiB, 512 KiB, 1 MiB), not decimal steps of a unit (204.8 KiB).
    const t = byteTicks(Math.max(1, max(rows, (r) => r.bytes) ?? 1), 4);
    const y = scaleLinear().domain([0, t.top]).range([innerH, 0]);
    return { x, y, yTicks: t.ticks };
  }, [rows, innerW, innerH]);

  // Label every bar if they fit, otherwise every k-th generation number on the axis.
  const every = Math.max(1, Math.ceil(34 / Math.max(1, x.step())));
  const showValues = x.bandwidth() >= 58;

  return (
    <div ref={ref}>
      <svg className="chart" width={width} height={HEIGHT} role="img" aria-label={label}>
        <g transform={`translate(${M.left},${M.top})`}>
          {yTicks.map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line className="grid" x1={0} x2={innerW} />
              <text x={-8} dy="0.32em" textAnchor="end">
                {formatByteTick(t)}
              </text>
            </g>
          ))}
          <line className="axis-line" x1={0} x2={innerW} y1={innerH} y2={innerH} />
          {rows.map((r, i) => {
            const bx = x(r.gen) ?? 0;
            const by = y(r.bytes);
            return (
              <g key={r.gen}>
                <rect className="bar" x={bx} y={by} width={x.bandwidth()} height={Math.max(1, innerH - by)} rx={Math.min(3, x.bandwidth() / 4)}>
                  <title>{`generation ${r.gen}: ${formatBytes(r.bytes)} in ${r.batches} batches`}</title>
                </rect>
                {showValues && (
                  <text className="bar-label" x={bx + x.bandwidth() / 2} y={by - 5} textAnchor="middle">
                    {formatBytes(r.bytes)}
                  </text>
                )}
                {i % every === 0 && (
                  <text x={bx + x.bandwidth() / 2} y={innerH + 16} textAnchor="middle">
                    {r.gen}
                  </text>
                )}
              </g>
            );
          })}
          <text x={innerW / 2} y={innerH + 31} textAnchor="middle">
            generation
          </text>
        </g>
      </svg>
    </div>
  );
}

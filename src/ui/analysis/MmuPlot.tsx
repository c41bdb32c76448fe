// The minimum mutator utilization curve (go tool trace's /mmu): window size on a log axis,
// utilization 0..1; a click picks a window size, whose worst windows are listed with links.

import * as d3 from 'd3';
import { useMemo, useRef } from 'react';
import type { MmuPlot as Plot } from '../../analysis/gc/mmu';
import { goDuration } from '../../trace/go/duration';
import { useElementSize } from '../use-element-size';

const H = 280;
const M = { top: 10, right: 16, bottom: 34, left: 44 };

export function MmuPlot({ plot, onPick, picked }: { plot: Plot; onPick: (windowNs: number) => void; picked: number | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const width = Math.max(320, size.widthCssPx);
  const x = useMemo(() => d3.scaleLog().domain([Math.max(1, plot.curve[0][0]), Math.max(2, plot.curve[plot.curve.length - 1][0])]).range([M.left, width - M.right]), [plot, width]);
  const y = useMemo(() => d3.scaleLinear().domain([0, 1]).range([H - M.bottom, M.top]), []);
  const series = plot.curve[0].length - 1;
  const paths = Array.from({ length: series }, (_, k) => d3.line<number[]>().x((p) => x(Math.max(1, p[0]))).y((p) => y(p[k + 1]))(plot.curve) ?? '');
  const xTicks = x.ticks(6).filter((v) => Math.log10(v) % 1 === 0);
  const label = `Minimum mutator utilization from ${goDuration(plot.curve[0][0])} to ${goDuration(plot.curve[plot.curve.length - 1][0])} windows`;
  return (
    <div ref={ref} className="mmu-plot">
      <svg
        width={width}
        height={H}
        role="img"
        aria-label={label}
        data-testid="mmu-plot"
        onClick={(e) => {
          const r = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
          const w = Math.round(x.invert(e.clientX - r.left));
          if (w >= 1) onPick(w);
        }}
        style={{ cursor: 'crosshair' }}
      >
        <g className="axis">
          {xTicks.map((v) => (
            <g key={v} transform={`translate(${x(v)},${H - M.bottom})`}>
              <line y2={5} />
              <text y={18} textAnchor="middle">{goDuration(v)}</text>
            </g>
          ))}
          {[0, 0.25, 0.5, 0.75, 1].map((v) => (
            <g key={v} transform={`translate(${M.left},${y(v)})`}>
              <line x2={-5} />
              <text x={-8} dy="0.32em" textAnchor="end">{v}</text>
            </g>
          ))}
          <path d={`M${M.left},${M.top}V${H - M.bottom}H${width - M.right}`} fill="none" />
          <text x={(width + M.left) / 2} y={H - 2} textAnchor="middle">window</text>
        </g>
        {paths.map((d, k) => (
          <path key={k} d={d} className={k === 0 ? 'curve' : 'q'} />
        ))}
        {picked !== null && <circle className="pick" cx={x(Math.max(1, picked))} cy={y(0)} r={4} />}
      </svg>
    </div>
  );
}

// A flame graph drawn as SVG: callers on top, width by value. Clicking a frame zooms to it
// (the root zooms back out); the selected frame's longest interval opens on the timeline.

import { useMemo, useRef, useState } from 'react';
import { openOnTimeline } from '../../state/navigation';
import { goDuration } from '../../trace/go/duration';
import { useElementSize } from '../use-element-size';
import { findPath, flameLayout, flameTree, type FlameNode } from './flame-model';
import type { ProfileRecord } from '../../analysis/profiles/select';

const ROW = 18;

export function FlameGraph({ records, by, label }: { records: readonly ProfileRecord[]; by: 'ns' | 'count'; label: string }) {
  const root = useMemo(() => flameTree(records, by), [records, by]);
  const [focus, setFocus] = useState<FlameNode | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const f = focus && findPath(root, focus) ? focus : root;
  const rects = useMemo(() => flameLayout(f), [f]);
  const width = Math.max(size.widthCssPx, 100);
  const depth = rects.reduce((d, r) => Math.max(d, r.depth), 0) + 1;
  const fmt = (n: FlameNode) => (by === 'ns' ? goDuration(n.value) : `${n.value} samples`);
  return (
    <div>
      <div className="filters">
        <span>
          Selected: <code data-testid="flame-focus">{f.name}</code> {fmt(f)} ({f.count} {by === 'ns' ? 'intervals' : 'samples'})
        </span>
        {f !== root && (
          <button type="button" className="btn small" onClick={() => setFocus(null)}>
            Zoom out
          </button>
        )}
        {f.longest && (
          <button type="button" className="btn small" data-testid="flame-timeline" onClick={() => openOnTimeline({ startNs: f.longest!.startNs, endNs: f.longest!.endNs, goroutine: f.longest!.g === -1 ? undefined : Number(f.longest!.g) })}>
            Longest on the timeline ({goDuration(f.longest.endNs - f.longest.startNs)}, G{String(f.longest.g)})
          </button>
        )}
      </div>
      <div className="flame" ref={ref}>
        <svg width={width} height={depth * ROW} role="img" aria-label={label} data-testid="flame-graph">
          {rects.map((r, i) => {
            const x = r.x0 * width;
            const w = Math.max(0, (r.x1 - r.x0) * width);
            return (
              <g key={i} transform={`translate(${x},${r.depth * ROW})`} onClick={() => setFocus(r.node === f ? null : r.node)}>
                <title>{`${r.node.name}\n${r.node.file}:${r.node.line}\n${fmt(r.node)}`}</title>
                <rect width={w} height={ROW - 1} className={`frame-${hash(r.node.name) % 5}`} />
                {w > 40 && (
                  <text x={4} y={ROW - 5}>
                    {clip(r.node.name, w)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

function clip(s: string, w: number): string {
  const n = Math.floor((w - 8) / 6.6);
  return s.length <= n ? s : `${s.slice(0, Math.max(0, n - 1))}…`;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}

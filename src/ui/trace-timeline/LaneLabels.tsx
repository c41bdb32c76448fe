// The label column: only the rows in view (a list of 100,000 goroutines renders a screenful),
// with the section and group headers a long list has scrolled under pinned at the top.
// Headers are buttons that fold their lanes; a goroutine row is a button that selects it.

import { memo } from 'react';
import type { LaneLayout, Row } from './lane-layout';
import type { TimelineData } from './timeline-data';
import { formatInt } from '../format';

export interface LaneLabelsProps {
  readonly layout: LaneLayout;
  readonly data: TimelineData;
  readonly contentTop: number;
  readonly heightCss: number;
  readonly selectedGoroutine: number | null;
  /** Goroutines matching the search, when one is active. */
  readonly isMatch: ((goroutine: number) => boolean) | null;
  onToggle(key: string): void;
  onSelectGoroutine(id: number): void;
}

/** Memoised: the tooltip's renders (every pointer move over a span) leave the labels alone. */
export const LaneLabels = memo(function LaneLabels(props: LaneLabelsProps) {
  const { layout, contentTop, heightCss } = props;
  const rows = layout.visible(contentTop, contentTop + heightCss);
  const pinned = layout.sticky(contentTop);
  return (
    <div className="tl-labels" style={{ height: heightCss }}>
      {rows.map((r) => (
        <Label key={rowKey(r)} row={r} top={r.y - contentTop} {...props} />
      ))}
      {pinned.map((p) => (
        <Label key={`pin-${rowKey(p.row)}`} row={p.row} top={p.offset} pinned {...props} />
      ))}
    </div>
  );
});

function rowKey(r: Row): string {
  return r.kind === 'row' ? `r:${r.group}:${r.index}` : `${r.kind}:${r.key}`;
}

function Label(props: LaneLabelsProps & { row: Row; top: number; pinned?: boolean }) {
  const { row: r, top, pinned } = props;
  const style = { top, height: r.h, zIndex: pinned ? 2 : undefined };
  switch (r.kind) {
    case 'section':
    case 'group':
      return (
        <button
          type="button"
          className={`tl-label ${r.kind}`}
          style={style}
          aria-expanded={!r.collapsed}
          aria-label={`${r.kind === 'group' ? 'Goroutines started at ' : ''}${r.title}${r.kind === 'group' ? `, ${formatInt(r.count)}` : ''}: ${r.collapsed ? 'show' : 'hide'}`}
          tabIndex={pinned ? -1 : 0}
          onClick={() => props.onToggle(r.key)}
          data-lane-header={r.key}
        >
          <span className="chev" aria-hidden="true">▸</span>
          <span className={r.kind === 'group' ? 'fn' : undefined} style={r.kind === 'group' ? { color: 'var(--tl-ink)' } : undefined}>{r.title}</span>
          {r.kind === 'group' && <span className="count">{formatInt(r.count)}</span>}
        </button>
      );
    case 'lane':
      return (
        <div className="tl-label lane" style={style} data-lane={r.key}>
          <span>{r.lane.label}</span>
          {r.lane.sub && <span className="sub">{r.lane.sub}</span>}
        </div>
      );
    case 'row': {
      const l = props.data.rowLabel(r.groupIndex, r.index);
      const selected = l.goroutine !== null && l.goroutine === props.selectedGoroutine;
      const match = l.goroutine !== null && props.isMatch?.(l.goroutine) === true;
      return (
        <button
          type="button"
          className={`tl-label row${selected ? ' selected' : ''}${match ? ' match' : ''}`}
          style={style}
          aria-label={l.aria}
          aria-pressed={selected}
          data-goroutine={l.goroutine ?? undefined}
          onClick={() => l.goroutine !== null && props.onSelectGoroutine(l.goroutine)}
        >
          <span>{l.text}</span>
          {l.sub && <span className="sub">{l.sub}</span>}
        </button>
      );
    }
  }
}

// The label column: the rows of a window three screens tall around the view (a list of
// 100,000 goroutines renders a few screenfuls), moved by a transform as the lanes scroll, so
// React renders again only when the view leaves the middle screen. The section and group
// headers a long list has scrolled under are pinned at the top. Headers are buttons that
// fold their lanes; a goroutine row is a button that selects it.

import { memo, type RefObject } from 'react';
import type { LaneLayout, Row } from './lane-layout';
import type { TimelineData } from './timeline-data';
import { formatInt } from '../format';

export interface LaneLabelsProps {
  readonly layout: LaneLayout;
  readonly data: TimelineData;
  /** Content y of the rendered window's top (a multiple of the view's height). */
  readonly windowTop: number;
  readonly heightCss: number;
  /** Headers to pin, with their offsets from the view's top. */
  readonly pinned: readonly { readonly row: Row; readonly offset: number }[];
  readonly selectedGoroutine: number | null;
  /** Goroutines matching the search, when one is active. */
  readonly isMatch: ((goroutine: number) => boolean) | null;
  /** The element the view moves with a transform while it scrolls. */
  readonly innerRef: RefObject<HTMLDivElement | null>;
  onToggle(key: string): void;
  onSelectGoroutine(id: number): void;
}

/** The rendered window for a view whose top is at contentTop: from one screen above it. */
export function windowTopFor(contentTop: number, heightCss: number): number {
  const h = Math.max(1, heightCss);
  return Math.max(0, (Math.floor(contentTop / h) - 1) * h);
}

/** Memoised: the tooltip's renders (every pointer move over a span) leave the labels alone. */
export const LaneLabels = memo(function LaneLabels(props: LaneLabelsProps) {
  const { layout, windowTop, heightCss } = props;
  const rows = layout.visible(windowTop, windowTop + 3 * heightCss);
  return (
    <div className="tl-labels" style={{ height: heightCss }}>
      <div className="tl-labels-inner" ref={props.innerRef}>
        {rows.map((r) => (
          <Label key={rowKey(r)} row={r} top={r.y - windowTop} p={props} />
        ))}
      </div>
      {props.pinned.map((p) => (
        <Label key={`pin-${rowKey(p.row)}`} row={p.row} top={p.offset} pinned p={props} />
      ))}
    </div>
  );
});

function rowKey(r: Row): string {
  return r.kind === 'row' ? `r:${r.group}:${r.index}` : `${r.kind}:${r.key}`;
}

function Label({ row: r, top, pinned, p: props }: { row: Row; top: number; pinned?: boolean; p: LaneLabelsProps }) {
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

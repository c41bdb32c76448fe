// The timeline frame: the ruler, the label column and the lanes' canvas in one vertically
// scrolling box. The lanes canvas stays in place (sticky) while the box scrolls; the
// controller redraws the rows now in view. Pointer and wheel events go straight to the
// controller; React renders only the labels and the tooltip.

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { TimeBounds } from '../timeline/time-scale';
import { useElementSize } from '../use-element-size';
import { TimelineController, type ControllerHost, type Hover } from './controller';
import { HoverTooltip } from './HoverTooltip';
import { LaneLabels } from './LaneLabels';
import { contentToScroll, scrollToContent, spacerHeight, type LaneLayout } from './lane-layout';
import type { Palette } from './palette';
import type { TimelineData } from './timeline-data';

export const LABEL_COLUMN_CSS_PX = 230;
const RULER_CSS_PX = 28;

export interface TimelineViewProps {
  readonly data: TimelineData;
  readonly layout: LaneLayout;
  readonly bounds: TimeBounds;
  readonly palette: Palette | null;
  readonly host: Omit<ControllerHost, 'hoverChanged' | 'scrolled'>;
  readonly selectedGoroutine: number | null;
  readonly isMatch: ((goroutine: number) => boolean) | null;
  readonly controllerRef: RefObject<TimelineController | null>;
  /** Set by the page to scroll a content y into view; the view clears it once done. */
  readonly scrollTarget: { y: number; seq: number } | null;
  onToggle(key: string): void;
  onSelectGoroutine(id: number): void;
  onReady(c: TimelineController): void;
}

export function TimelineView(props: TimelineViewProps) {
  const { layout, bounds, palette, controllerRef } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const tracksBox = useRef<HTMLDivElement>(null);
  const tracks = useRef<HTMLCanvasElement>(null);
  const ruler = useRef<HTMLCanvasElement>(null);
  const rulerBox = useRef<HTMLDivElement>(null);
  const size = useElementSize(tracksBox);
  const box = useElementSize(scroller);
  const [contentTop, setContentTop] = useState(0);
  const [hover, setHover] = useState<Hover | null>(null);
  const [dragging, setDragging] = useState(false);
  const hostRef = useRef(props.host);
  hostRef.current = props.host;

  // One controller for the life of the view; the host is read through a ref so callbacks see
  // the page's latest state without a new controller.
  useLayoutEffect(() => {
    const c = new TimelineController(
      tracks.current!,
      ruler.current!,
      {
        viewChanged: (s, m, j) => hostRef.current.viewChanged(s, m, j),
        measureChanged: (m) => hostRef.current.measureChanged(m),
        clicked: (r, t, slop) => hostRef.current.clicked(r, t, slop),
        overlay: (top, s) => hostRef.current.overlay(top, s),
        content: (r) => hostRef.current.content(r),
        hoverChanged: setHover,
        scrolled: setContentTop,
      },
      bounds,
    );
    c.scrollBy = (dy) => scroller.current?.scrollBy({ top: dy });
    controllerRef.current = c;
    props.onReady(c);
    return () => {
      c.dispose();
      controllerRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useLayoutEffect(() => controllerRef.current?.setBounds(bounds), [bounds, controllerRef]);
  useLayoutEffect(() => controllerRef.current?.setLayout(layout), [layout, controllerRef]);
  useLayoutEffect(() => {
    if (palette) controllerRef.current?.setPalette(palette);
  }, [palette, controllerRef]);
  useLayoutEffect(() => {
    if (size.widthCssPx > 0 && box.heightCssPx > 0) controllerRef.current?.setSize(size.widthCssPx, box.heightCssPx, size.dpr);
  }, [size, box.heightCssPx, controllerRef]);
  // Anything the page draws from (selection, matches, data) changed: one more frame.
  useEffect(() => controllerRef.current?.requestDraw());

  const viewH = box.heightCssPx;
  const total = layout.totalCssPx;

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    controllerRef.current?.setContentTop(scrollToContent(el.scrollTop, total, el.clientHeight));
  };
  // A layout change (a folded group) can leave the scroll position past the new end.
  useLayoutEffect(onScroll, [total]);

  useLayoutEffect(() => {
    const t = props.scrollTarget;
    const el = scroller.current;
    if (!t || !el) return;
    const want = Math.max(0, t.y - el.clientHeight / 3);
    el.scrollTop = contentToScroll(want, total, el.clientHeight);
    onScroll();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.scrollTarget?.seq]);

  useWheel(tracksBox, rulerBox, controllerRef);

  const pos = (e: React.PointerEvent) => {
    const r = tracksBox.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };

  return (
    <div className="tl-frame" style={{ ['--tl-label-w' as string]: `${LABEL_COLUMN_CSS_PX}px`, flex: 1 }}>
      <div className="tl-corner" aria-hidden="true">
        time since the first event
      </div>
      <div className="tl-ruler" ref={rulerBox} aria-hidden="true">
        <canvas ref={ruler} />
      </div>
      <div
        className="tl-scroll"
        ref={scroller}
        onScroll={onScroll}
        tabIndex={0}
        role="group"
        aria-roledescription="timeline"
        aria-label="Trace timeline: lanes for generations, GC, counters, processors, threads, annotations and goroutines"
        aria-describedby="tl-keys"
        data-testid="timeline-lanes"
      >
        <div className="tl-sticky" style={{ height: viewH || 200, marginBottom: -(viewH || 200) }}>
          <LaneLabels
            layout={layout}
            data={props.data}
            contentTop={contentTop}
            heightCss={viewH}
            selectedGoroutine={props.selectedGoroutine}
            isMatch={props.isMatch}
            onToggle={props.onToggle}
            onSelectGoroutine={props.onSelectGoroutine}
          />
          <div
            className={`tl-tracks${dragging ? ' dragging' : ''}`}
            ref={tracksBox}
            data-testid="timeline-tracks"
            onPointerDown={(e) => {
              if (e.button !== 0) return;
              const [x, y] = pos(e);
              e.currentTarget.setPointerCapture(e.pointerId);
              controllerRef.current?.pointerDown(e.pointerId, x, y, e.shiftKey);
            }}
            onPointerMove={(e) => {
              const [x, y] = pos(e);
              const c = controllerRef.current;
              c?.pointerMove(e.pointerId, x, y);
              if (c && c.dragging !== dragging) setDragging(c.dragging);
            }}
            onPointerUp={(e) => {
              const [x, y] = pos(e);
              controllerRef.current?.pointerUp(e.pointerId, x, y);
              setDragging(false);
            }}
            onPointerCancel={(e) => {
              const [x, y] = pos(e);
              controllerRef.current?.pointerUp(e.pointerId, x, y);
              setDragging(false);
            }}
            onPointerLeave={() => controllerRef.current?.pointerLeave()}
          >
            <canvas ref={tracks} aria-hidden="true" />
          </div>
        </div>
        <div style={{ height: spacerHeight(total) }} />
      </div>
      <HoverTooltip hover={hover} widthCss={size.widthCssPx} heightCss={viewH} leftCss={LABEL_COLUMN_CSS_PX} />
    </div>
  );
}

/** Wheel listeners that may preventDefault (React's are passive). */
function useWheel(tracksBox: RefObject<HTMLDivElement | null>, rulerBox: RefObject<HTMLDivElement | null>, controllerRef: RefObject<TimelineController | null>): void {
  useEffect(() => {
    const onWheel = (overRuler: boolean) => (e: WheelEvent) => {
      const el = e.currentTarget as HTMLElement;
      const x = e.clientX - el.getBoundingClientRect().left;
      if (controllerRef.current?.wheel(e, x, overRuler)) e.preventDefault();
    };
    const t = tracksBox.current;
    const r = rulerBox.current;
    const onT = onWheel(false);
    const onR = onWheel(true);
    t?.addEventListener('wheel', onT, { passive: false });
    r?.addEventListener('wheel', onR, { passive: false });
    return () => {
      t?.removeEventListener('wheel', onT);
      r?.removeEventListener('wheel', onR);
    };
  }, [tracksBox, rulerBox, controllerRef]);
}

// The timeline frame: the ruler, the label column, the lanes' canvas and a scrollbar. The
// vertical position belongs to the controller (wheel, drag, keys and the scrollbar move it);
// the canvas is redrawn for the rows in view and the labels follow by a transform, so
// scrolling changes no layout. The scrollbar is a native one over an empty spacer, kept in
// step both ways. Pointer and wheel events go straight to the controller; React renders
// only the labels and the tooltip.

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { TimeBounds } from '../timeline/time-scale';
import { useElementSize } from '../use-element-size';
import { TimelineController, type ControllerHost, type Hover } from './controller';
import { HoverTooltip } from './HoverTooltip';
import { LaneLabels, windowTopFor } from './LaneLabels';
import { contentToScroll, scrollToContent, spacerHeight, type LaneLayout } from './lane-layout';
import type { KeyboardEvent } from 'react';
import type { Palette } from './palette';
import type { TimelineData } from './timeline-data';

export const LABEL_COLUMN_CSS_PX = 230;
/** Labels are rendered again at most this often while the lanes scroll fast. */
const LABEL_RENDER_MS = 80;
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
  const body = useRef<HTMLDivElement>(null);
  const ownScroll = useRef(false);
  /** The scrollbar position last written (−1: the user has moved it since). */
  const written = useRef(-1);
  const tracksBox = useRef<HTMLDivElement>(null);
  const tracks = useRef<HTMLCanvasElement>(null);
  const ruler = useRef<HTMLCanvasElement>(null);
  const rulerBox = useRef<HTMLDivElement>(null);
  const size = useElementSize(tracksBox);
  const box = useElementSize(body);
  const labelsInner = useRef<HTMLDivElement>(null);
  const [windowTop, setWindowTop] = useState(0);
  const [pinned, setPinned] = useState<{ key: string; rows: ReturnType<LaneLayout['sticky']> }>({ key: '', rows: [] });
  const rendered = useRef({ windowTop: 0, contentTop: 0, at: 0 });
  const labelTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (labelTimer.current !== null) clearTimeout(labelTimer.current);
  }, []);
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
        scrolled: (top) => scrolledRef.current(top),
      },
      bounds,
    );
    // The controller owns the position; the scrollbar shows it.
    c.scrolledTo = (top) => {
      const el = scroller.current;
      const at = Math.round(contentToScroll(top, c.totalCss, c.viewCss));
      // Writing scrollTop lays the page out: only when the bar must move.
      if (!el || at === written.current) return;
      written.current = at;
      ownScroll.current = true;
      el.scrollTop = at;
    };
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

  // Scrolling moves the labels by a transform; React renders them again only when the view
  // leaves the rendered window, and the pinned headers only when they change.
  const scrolled = (top: number) => {
    rendered.current.contentTop = top;
    const inner = labelsInner.current;
    if (inner) inner.style.transform = `translateY(${rendered.current.windowTop - top}px)`;
    // A fling or a scrollbar drag leaves the window every frame: render the labels at most
    // every LABEL_RENDER_MS then (the canvas keeps up; labels catch up when it slows).
    const wt = windowTopFor(top, viewH);
    if (wt !== rendered.current.windowTop && labelTimer.current === null) {
      const wait = LABEL_RENDER_MS - (performance.now() - rendered.current.at);
      if (wait <= 0) setWindowTop(wt);
      else
        labelTimer.current = setTimeout(() => {
          labelTimer.current = null;
          setWindowTop(windowTopFor(rendered.current.contentTop, viewH));
        }, wait);
    }
    const rows = layout.sticky(top);
    const key = rows.map((p) => `${p.row.block}@${p.offset}`).join();
    setPinned((old) => (old.key === key ? old : { key, rows }));
  };
  const scrolledRef = useRef(scrolled);
  scrolledRef.current = scrolled;
  useLayoutEffect(() => {
    if (rendered.current.windowTop !== windowTop) rendered.current.at = performance.now();
    rendered.current.windowTop = windowTop;
    scrolled(rendered.current.contentTop);
  });
  const total = layout.totalCssPx;

  // The scrollbar moved: by the user (drag, click in its track), or by scrolledTo above, in
  // which case it already says where the controller is.
  const onScroll = () => {
    const el = scroller.current;
    const c = controllerRef.current;
    // Our own write: the controller is already there, and reading scrollTop back would force
    // a layout in the middle of the frame.
    if (ownScroll.current) {
      ownScroll.current = false;
      return;
    }
    if (!el || !c) return;
    written.current = -1;
    const top = scrollToContent(el.scrollTop, total, viewH);
    if (Math.abs(contentToScroll(c.contentTop, total, viewH) - el.scrollTop) >= 1) c.setContentTop(top);
  };
  // A layout change (a folded group) can leave the position past the new end.
  useLayoutEffect(() => controllerRef.current?.scrollBy(0), [total, viewH, controllerRef]);

  useLayoutEffect(() => {
    const t = props.scrollTarget;
    const c = controllerRef.current;
    if (!t || !c) return;
    c.scrollBy(Math.max(0, t.y - viewH / 3) - c.contentTop);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.scrollTarget?.seq]);

  const onKeyDown = (e: KeyboardEvent) => {
    const c = controllerRef.current;
    if (!c || e.ctrlKey || e.metaKey || e.altKey) return;
    const dy = { ArrowDown: 40, ArrowUp: -40, PageDown: viewH * 0.9, PageUp: -viewH * 0.9, Home: -Infinity, End: Infinity }[e.key];
    if (dy === undefined) return;
    e.preventDefault();
    c.scrollBy(Number.isFinite(dy) ? dy : dy > 0 ? total : -total);
  };

  useWheel(tracksBox, rulerBox, body, controllerRef);

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
        className="tl-body"
        ref={body}
        tabIndex={0}
        role="group"
        aria-roledescription="timeline"
        aria-label="Trace timeline: lanes for generations, GC, counters, processors, threads, annotations and goroutines"
        aria-describedby="tl-keys"
        data-testid="timeline-lanes"
        onKeyDown={onKeyDown}
      >
        <LaneLabels
          layout={layout}
          data={props.data}
          windowTop={windowTop}
          pinned={pinned.rows}
          innerRef={labelsInner}
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
      <div className="tl-vscroll" ref={scroller} onScroll={onScroll} aria-hidden="true" tabIndex={-1} data-testid="timeline-scrollbar">
        <div style={{ height: spacerHeight(total) }} />
      </div>
      <HoverTooltip hover={hover} widthCss={size.widthCssPx} heightCss={viewH} leftCss={LABEL_COLUMN_CSS_PX} />
    </div>
  );
}

/**
 * Wheel listeners that may preventDefault (React's are passive): over the tracks and the
 * ruler the controller zooms, pans or scrolls; over the labels it scrolls.
 */
function useWheel(
  tracksBox: RefObject<HTMLDivElement | null>,
  rulerBox: RefObject<HTMLDivElement | null>,
  body: RefObject<HTMLDivElement | null>,
  controllerRef: RefObject<TimelineController | null>,
): void {
  useEffect(() => {
    const at = (e: WheelEvent) => e.clientX - (tracksBox.current?.getBoundingClientRect().left ?? 0);
    const onTracks = (e: WheelEvent) => {
      if (controllerRef.current?.wheel(e, at(e), false)) e.preventDefault();
    };
    const onRuler = (e: WheelEvent) => {
      if (controllerRef.current?.wheel(e, at(e), true)) e.preventDefault();
    };
    // Over the labels (the rest of the body): scroll only.
    const onBody = (e: WheelEvent) => {
      if (e.defaultPrevented || tracksBox.current?.contains(e.target as Node)) return;
      if (controllerRef.current?.wheel({ ...pick(e), ctrlKey: false, metaKey: false, shiftKey: false }, 0, false)) e.preventDefault();
    };
    const t = tracksBox.current;
    const r = rulerBox.current;
    const b = body.current;
    t?.addEventListener('wheel', onTracks, { passive: false });
    r?.addEventListener('wheel', onRuler, { passive: false });
    b?.addEventListener('wheel', onBody, { passive: false });
    return () => {
      t?.removeEventListener('wheel', onTracks);
      r?.removeEventListener('wheel', onRuler);
      b?.removeEventListener('wheel', onBody);
    };
  }, [tracksBox, rulerBox, body, controllerRef]);
}

function pick(e: WheelEvent) {
  return { deltaX: 0, deltaY: e.deltaY, deltaMode: e.deltaMode };
}

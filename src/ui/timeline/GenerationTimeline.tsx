// The live generations timeline: a HiDPI canvas drawn from the pure layout, with wheel
// zoom, drag pan and keyboard control. Its view (follow "now", or a fixed window) is kept
// in the store; every conversion goes through one TimeScale.

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ringExtent } from '../../state/live-history';
import { extrapolateNow, openGenerationBytes } from '../../state/live-model';
import { setLiveView, type Clock, type LiveGeneration, type LiveView, type RateSample, type RingLimits } from '../../state/store';
import type { EvictionCause } from '../../worker/protocol';
import { formatBytes, formatDuration, formatInt, plural } from '../format';
import { causeShort, genRange } from '../live/eviction-text';
import { publishFrame } from '../live/live-frame';
import { useEffectiveTheme } from '../theme';
import { useElementSize } from '../use-element-size';
import { drawTimeline, readPalette, timelineLayout, type Palette, type TimelineMark } from './draw-generations';
import { followWindow, generationAt, layoutBoxes, layoutOpenBox, liveBounds } from './generation-boxes';
import { TimeScale, type TimeBounds } from './time-scale';

export interface GenerationTimelineProps {
  readonly history: readonly LiveGeneration[];
  /** Simulated time at the last message from the worker. */
  readonly nowNs: number;
  /** For moving "now" on smoothly between messages. */
  readonly clock: Clock | null;
  readonly limits: RingLimits | null;
  readonly lastCause: EvictionCause | null;
  readonly running: boolean;
  /** The generation being written (0: none); rates estimate its bytes so far. */
  readonly currentGen: number;
  readonly rates: readonly RateSample[];
  readonly view: LiveView;
  /** The last snapshot's span (this run only) and its generations. */
  readonly snapshot: { readonly startNs: number; readonly endNs: number; readonly gens: readonly number[] } | null;
  /** Trigger firings of this run, as flags. */
  readonly marks?: readonly TimelineMark[];
  /** Drawing height (presenter mode draws taller). */
  readonly heightCssPx?: number;
}

const DEFAULT_HEIGHT = 320;

export function GenerationTimeline(props: GenerationTimelineProps) {
  const { history, nowNs, clock, limits, lastCause, running, currentGen, rates, view, snapshot, marks } = props;
  const HEIGHT = props.heightCssPx ?? DEFAULT_HEIGHT;
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const palette = useRef<Palette | null>(null);
  // The palette comes from CSS custom properties: read again when the theme changes (the
  // change re-renders this component, and the layout effect below repaints).
  const theme = useEffectiveTheme();
  const paletteTheme = useRef(theme);
  if (paletteTheme.current !== theme) {
    paletteTheme.current = theme;
    palette.current = null;
  }
  const { widthCssPx, dpr } = useElementSize(box);
  const ring = useMemo(() => ringExtent(history), [history]);

  const boundsAt = (now: number): TimeBounds => {
    const b = liveBounds(history, now);
    return { startNs: b.startNs, endNs: b.endNs + (b.endNs - b.startNs) * 0.02 };
  };
  const scaleAt = (now: number): TimeScale => {
    const w = view.follow ? followWindow(history, now, view.spanNs) : { startNs: view.startNs, endNs: view.endNs };
    const s = TimeScale.create(w.startNs, w.endNs, Math.max(1, widthCssPx), dpr);
    return view.follow ? s : s.clampTo(boundsAt(now));
  };

  // Hover details: the pointer's x (cssPx from the left edge) and the generation under it,
  // found in the scale of the frame last painted.
  const [hover, setHover] = useState<{ x: number; gen: number | null } | null>(null);
  const hoverXRef = useRef<number | null>(null);
  hoverXRef.current = hover?.x ?? null;
  const hoverGenRef = useRef<number | null>(null);
  hoverGenRef.current = hover?.gen ?? null;

  const scaleRef = useRef<TimeScale>(scaleAt(nowNs));
  const boundsRef = useRef<TimeBounds>(boundsAt(nowNs));

  /** Paints one frame at simulated time `now` (extrapolated between worker messages). */
  const paint = (now: number) => {
    const c = canvas.current;
    if (!c || widthCssPx <= 0) return;
    const scale = scaleAt(now);
    scaleRef.current = scale;
    boundsRef.current = boundsAt(now);
    palette.current ??= readPalette(c);
    const wDev = scale.widthDevicePx;
    const hDev = Math.round(HEIGHT * dpr);
    if (c.width !== wDev) c.width = wDev;
    if (c.height !== hDev) c.height = hDev;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const L = timelineLayout(HEIGHT);
    const lane = { top: L.laneTop, bottom: L.laneBottom };
    const lastEnd = history.length > 0 ? history[history.length - 1].endNs : 0;
    const openBytes = running && currentGen > 0 ? openGenerationBytes({ rates, history }, now) : null;
    const open = running ? layoutOpenBox(history, scale, lane, { gen: currentGen, startNs: lastEnd, nowNs: now, bytes: openBytes }) : null;
    const boxes = layoutBoxes(history, scale, lane, open?.bytes ?? 0);
    drawTimeline(
      ctx,
      {
        scale,
        heightCssPx: HEIGHT,
        boxes,
        open,
        ring,
        maxBytes: limits?.maxBytes ?? null,
        minAgeMs: limits?.minAgeMs ?? null,
        lastCause,
        nowNs: now,
        running,
        snapshot: snapshot && { startNs: snapshot.startNs, endNs: snapshot.endNs, label: `last snapshot · ${genRange(snapshot.gens)}` },
        marks,
      },
      palette.current,
    );
    // The tiles show what this frame drew (live-frame.ts), and the hover card names the
    // generation under the pointer in this frame's scale: a keyboard zoom or pan, or "now"
    // moving on, changes what is under a pointer that has not moved.
    publishFrame({ nowNs: now, openBytes });
    const x = hoverXRef.current;
    const g = x === null ? null : generationAt(history, scale.cssPxToTime(x));
    if ((g?.gen ?? null) !== hoverGenRef.current) setHover(x === null ? null : { x, gen: g?.gen ?? null });
  };
  const paintRef = useRef(paint);
  paintRef.current = paint;

  // Draw after layout, before paint, so the committed render is what is on screen; while
  // the runtime runs, keep drawing every frame with "now" moving on at the measured rate.
  useLayoutEffect(() => {
    paintRef.current(extrapolateNow(clock, nowNs, performance.now()));
  });
  useEffect(() => {
    if (!running || !clock || clock.traceNsPerSec <= 0) return;
    let raf = 0;
    const tick = () => {
      paintRef.current(extrapolateNow(clock, nowNs, performance.now()));
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [running, clock, nowNs]);

  // Wheel zoom must be able to preventDefault, which React's passive wheel listener cannot.
  const viewRef = useRef(view);
  viewRef.current = view;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: globalThis.WheelEvent) => {
      e.preventDefault();
      const x = e.clientX - el.getBoundingClientRect().left;
      zoom(x, Math.exp(-e.deltaY * 0.0015));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []); // zoom reads only refs, so one listener serves every render

  function zoom(anchorCssPx: number, factor: number) {
    const s = scaleRef.current;
    if (viewRef.current.follow) {
      // Following: zoom around "now" at the right edge, stay following.
      const z = s.zoomAt(s.widthCssPx, factor);
      setLiveView({ follow: true, spanNs: z.spanNs });
    } else {
      const z = s.zoomAt(anchorCssPx, factor, boundsRef.current);
      setLiveView({ follow: false, startNs: z.startNs, endNs: z.endNs, spanNs: z.spanNs });
    }
  }

  function pan(dxCssPx: number) {
    const z = scaleRef.current.panByCssPx(dxCssPx, boundsRef.current);
    setLiveView({ follow: false, startNs: z.startNs, endNs: z.endNs, spanNs: z.spanNs });
  }

  function hoverAt(x: number | null) {
    hoverXRef.current = x;
    const g = x === null ? null : generationAt(history, scaleRef.current.cssPxToTime(x));
    setHover(x === null ? null : { x, gen: g?.gen ?? null });
  }

  const drag = useRef<{ x: number; id: number } | null>(null);
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, id: e.pointerId };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (e.pointerType === 'mouse') hoverAt(e.clientX - e.currentTarget.getBoundingClientRect().left);
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    if (Math.abs(dx) < 1) return;
    d.x = e.clientX;
    pan(dx);
  };
  const onPointerUp = (e: PointerEvent) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const w = scaleRef.current.widthCssPx;
    const bounds = boundsRef.current;
    const handled = (() => {
      switch (e.key) {
        case 'ArrowLeft':
          pan(w * 0.15);
          return true;
        case 'ArrowRight':
          pan(-w * 0.15);
          return true;
        case '+':
        case '=':
          zoom(w / 2, 1.5);
          return true;
        case '-':
        case '_':
          zoom(w / 2, 1 / 1.5);
          return true;
        case 'f':
        case 'F':
        case 'End':
          setLiveView({ follow: true });
          return true;
        case '0':
        case 'Home':
          setLiveView({ follow: false, startNs: bounds.startNs, endNs: bounds.endNs, spanNs: bounds.endNs - bounds.startNs });
          return true;
      }
      return false;
    })();
    if (handled) e.preventDefault();
  };

  const evicted = history.filter((g) => g.evicted).length;
  const summary =
    `${plural(history.length, 'generation')} kept in view history. ` +
    (ring ? `The ring holds generations ${ring.firstGen}–${ring.lastGen}, ${formatBytes(ring.bytes)}. ` : 'The ring is empty. ') +
    `${plural(evicted, 'generation')} evicted.`;

  return (
    <>
      <div
        ref={box}
        className="timeline"
        style={{ height: HEIGHT }}
        role="group"
        tabIndex={0}
        aria-roledescription="timeline"
        aria-label="Generations timeline"
        aria-describedby="timeline-summary timeline-keys"
        data-generations={history.length}
        data-in-ring={ring?.count ?? 0}
        data-evicted={evicted}
        data-follow={view.follow}
        data-trigger-marks={marks?.length ?? 0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => hoverAt(null)}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvas} aria-hidden="true" />
        {hover !== null && hover.gen !== null && (
          <HoverCard gen={history.find((g) => g.gen === hover.gen) ?? null} x={hover.x} widthCssPx={scaleRef.current.widthCssPx} />
        )}
      </div>
      {/* Not a live region: at high speed it would change several times a second. */}
      <p id="timeline-summary" className="visually-hidden">
        {summary}
      </p>
      <p id="timeline-keys" className="timeline-help">
        Scroll to zoom, drag to pan. Keys: <kbd>←</kbd> <kbd>→</kbd> pan, <kbd>+</kbd> <kbd>−</kbd> zoom, <kbd>F</kbd> follow now,{' '}
        <kbd>0</kbd> show all.
      </p>
    </>
  );
}

/** What the pointer is over, in words (the canvas itself is decorative). */
function HoverCard({ gen: g, x, widthCssPx }: { gen: LiveGeneration | null; x: number; widthCssPx: number }) {
  if (!g) return null;
  const state = g.inRing ? 'in the ring' : g.evicted ? `evicted: ${causeShort(g.cause)}` : 'not recorded (recorder off)';
  const left = Math.min(Math.max(0, x + 12), widthCssPx - 230);
  return (
    <div className="hover-card" style={{ left }} aria-hidden="true">
      <b className="mono">g{g.gen}</b> <span className={`hover-state ${g.inRing ? 'ring' : g.cause ?? ''}`}>{state}</span>
      <div className="mono">
        {formatBytes(g.bytes)} · {plural(g.batches, 'batch', 'batches')}
      </div>
      <div className="mono">
        {formatDuration(g.startNs)} → {formatDuration(g.endNs)} ({formatInt(Math.round((g.endNs - g.startNs) / 1e6))} ms)
      </div>
    </div>
  );
}

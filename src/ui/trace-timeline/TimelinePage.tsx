// The timeline page of an open trace: toolbar, lanes, the selection's details. State that a
// link must reproduce (range, selection, search) lives in the URL hash (use-view-url.ts);
// the window in motion lives in the controller and reaches the URL when it settles.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineQueries } from '../../analysis/timeline/index';
import { useApp } from '../../state/store';
import { formatDuration } from '../format';
import type { TimelineController } from './controller';
import { DetailPanel } from './DetailPanel';
import { summaryData } from './generations-lane';
import { LaneLayout, type Row } from './lane-layout';
import { ModelData } from './model-data';
import { flowArrows, goroutineRowY, selectionBoxes, type SelectionState } from './overlay-model';
import { readPalette, useThemeVersion, type Palette } from './palette';
import { parseQuery } from './search';
import { pick } from './select';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { TimelineBanner } from './TimelineBanner';
import { rangeText, TimelineToolbar } from './TimelineToolbar';
import { TimelineView } from './TimelineView';
import { useTimelineModel } from './use-model';
import { useTimelineKeys } from './use-timeline-keys';
import { useViewUrl } from './use-view-url';
import { useTimelineActions } from './use-timeline-actions';
import { EMPTY_PARAMS, formatTimelineParams } from './view-params';
import { traceBounds } from './viewport';
import type { Measure } from './viewport';
import { publishTimelineHook, type TimelineHook } from './test-hook';
import './timeline.css';

export function TimelinePage() {
  const summary = useApp((s) => s.inspect.parse.summary);
  const rebuildMs = useRef(0);
  const { model, version } = useTimelineModel(rebuildMs.current);
  const url = useViewUrl();
  const params = url.params;
  const query = useMemo(() => parseQuery(params.filter), [params.filter]);
  const data = useMemo(
    () => {
      const t0 = performance.now();
      const d = model ? new ModelData(model, query) : summary ? summaryData(summary) : null;
      rebuildMs.current = performance.now() - t0;
      return d;
    },
    // version: the model object stays the same while generations arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, version, query, summary],
  );
  const modelData = data instanceof ModelData ? data : null;
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const layout = useMemo(() => (data ? new LaneLayout(data.sections, toggled) : null), [data, toggled]);
  const bounds = useMemo(() => traceBounds(data?.durationNs ?? 1), [data?.durationNs]);
  const page = useRef<HTMLDivElement>(null);
  const controller = useRef<TimelineController | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const rangeSpan = useRef<HTMLSpanElement>(null);
  const themeVersion = useThemeVersion();
  const [palette, setPalette] = useState<Palette | null>(null);
  const [measure, setMeasure] = useState<Measure | null>(null);
  const [help, setHelp] = useState(false);
  const [filterText, setFilterText] = useState(params.filter);
  const [scrollTarget, setScrollTarget] = useState<{ y: number; seq: number } | null>(null);
  const height = useFillHeight(page);

  useLayoutEffect(() => {
    if (page.current) setPalette(readPalette(page.current));
  }, [themeVersion]);

  // The selection, from the URL: goroutine by Go ID → model index.
  const selection: SelectionState | null = useMemo(() => {
    if (!model || params.goroutine === null) return null;
    const g = model.goroutineIndex(params.goroutine);
    if (g < 0) return null;
    // Without a moment (a link that names only g and r): the middle of the range, inside the
    // goroutine's life.
    const r = params.range;
    const t = params.timeNs ?? withinLife(model, g, r ? (r.startNs + r.endNs) / 2 : 0);
    return { goroutine: g, timeNs: t, lane: params.lane };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, version, params.goroutine, params.timeNs, params.lane, params.range]);
  const selRef = useRef(selection);
  selRef.current = selection;

  // The URL's range drives the window when it changes from outside (a link, Back/Forward);
  // a range that only says what the window already shows (rounded to whole ns, the
  // margin before time 0 cut off) leaves it alone.
  useLayoutEffect(() => {
    const c = controller.current;
    if (!c || !data) return;
    const r = params.range;
    const shown = urlRange(c.scale.startNs, c.scale.endNs, bounds);
    const wanted = r ? formatTimelineParams({ ...EMPTY_PARAMS, range: r }).r : undefined;
    if (shown !== wanted) {
      if (r) c.setWindow(r.startNs, r.endNs);
      else c.setWindow(bounds.startNs, bounds.endNs);
    }
    showRange(c.scale.startNs, c.scale.endNs);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.range?.startNs, params.range?.endNs, data !== null, bounds]);

  // Keep the search box in step with the URL (Back to an earlier search).
  useEffect(() => setFilterText(params.filter), [params.filter]);

  // A goroutine selected from elsewhere (a link, a jump, a search step) is scrolled into view.
  useEffect(() => {
    if (!selection || !modelData || !layout) return;
    const row = goroutineRowY(modelData, layout, selection.goroutine);
    const c = controller.current;
    if (!row || !c) return;
    const top = c.contentTop;
    const viewH = height - 120;
    if (row.y < top || row.y + row.h > top + viewH) setScrollTarget((s) => ({ y: row.y, seq: (s?.seq ?? 0) + 1 }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection?.goroutine, modelData !== null]);

  const showRange = (s: number, e: number) => {
    if (rangeSpan.current) rangeSpan.current.textContent = rangeText(s, e);
    page.current?.setAttribute('data-range', `${Math.round(s)}-${Math.round(e)}`);
  };

  const { select, jumpTo, step, zoomToSelection, onAction } = useTimelineActions({
    model,
    modelData,
    controller,
    url,
    bounds,
    measure,
    selection: selRef,
    searchBox,
    showRange,
    toggleHelp: () => setHelp((h) => !h),
  });
  useTimelineKeys(controller, onAction, !help && data !== null);

  const onToggle = useCallback(
    (key: string) =>
      setToggled((t) => {
        const n = new Set(t);
        if (n.has(key)) n.delete(key);
        else n.add(key);
        return n;
      }),
    [],
  );

  const onFilter = (text: string) => {
    setFilterText(text);
    url.write({ filter: text }, 'replace', true);
  };

  const host = {
    viewChanged(s: { startNs: number; endNs: number }, mode: 'push' | 'replace', jump: boolean) {
      showRange(s.startNs, s.endNs);
      url.write({ range: isAll(s.startNs, s.endNs, bounds) ? null : { startNs: s.startNs, endNs: s.endNs } }, mode, !jump);
    },
    measureChanged: (m: Measure | null) => setMeasure(m),
    clicked(row: Row | null, t: number, slop: number) {
      if (!modelData) return;
      const p = pick(modelData, row, t, slop);
      if (p) select(p.goroutine, p.timeNs, p.lane);
      else if (selRef.current && row && (row.kind === 'row' || row.kind === 'lane')) select(null, null, null);
    },
    overlay(contentTop: number, scale: Parameters<typeof flowArrows>[3]) {
      const sel = selRef.current;
      if (!sel || !modelData || !layout) return { selection: null, matches: [], flows: [] };
      const boxes = selectionBoxes(modelData, layout, sel, contentTop);
      return { selection: boxes[0] ?? null, matches: boxes.slice(1), flows: flowArrows(modelData, layout, sel, scale, contentTop) };
    },
    content: (r: Row) => data?.content(r) ?? null,
  };

  // Tests and the bench read when the model's first frame and its complete frame were drawn.
  const hook = useRef<TimelineHook | null>(null);
  useEffect(() => {
    const h = publishTimelineHook(controller);
    hook.current = h.hook;
    return h.dispose;
  }, []);
  const frameInfo = useRef({ model, complete: false });
  frameInfo.current = { model, complete: model?.complete ?? false };
  const onFrameDrawn = () => {
    const h = hook.current;
    const m = frameInfo.current.model;
    if (!h || !m || m.generations.length === 0) return;
    if (h.firstModelFrameAt === null) {
      h.firstModelFrameAt = performance.now();
      h.firstModelFrameGenerations = m.generations.length;
    }
    if (h.completeFrameAt === null && m.complete) {
      h.completeFrameAt = performance.now();
      h.modelBytes = m.byteSize();
      h.goroutines = m.goroutineCount;
    }
  };

  const loss = model?.loss ?? null;
  return (
    <div className="tl-page" ref={page} style={{ height }} data-testid="timeline-page" data-complete={model?.complete ?? false}>
      <TimelineToolbar
        filterText={filterText}
        matchCount={modelData && params.filter ? modelData.ctx.lanes.matchCount : null}
        resultLabel={null}
        measureText={measure ? formatDuration(measure.endNs - measure.startNs) : null}
        canZoomToSelection={selection !== null || measure !== null}
        searchRef={searchBox}
        rangeRef={rangeSpan}
        onFilter={onFilter}
        onStep={step}
        onZoom={(f) => controller.current?.zoomBy(f)}
        onShowAll={() => controller.current?.showAll()}
        onZoomToSelection={zoomToSelection}
        onHelp={() => setHelp(true)}
      />
      <TimelineBanner model={model} loss={loss} hasData={data !== null} />
      {data && layout && (
        <TimelineView
          data={data}
          layout={layout}
          bounds={bounds}
          palette={palette}
          host={host}
          selectedGoroutine={params.goroutine}
          isMatch={null}
          controllerRef={controller}
          scrollTarget={scrollTarget}
          onToggle={onToggle}
          onSelectGoroutine={(id) => {
            const g = model?.goroutineIndex(id) ?? -1;
            const c = controller.current;
            if (g >= 0 && model) select(g, withinLife(model, g, c ? (c.scale.startNs + c.scale.endNs) / 2 : 0), null);
          }}
          onReady={(c) => (c.onFrameDrawn = onFrameDrawn)}
        />
      )}
      {model && selection && <DetailPanel model={model} goroutine={selection.goroutine} timeNs={selection.timeNs} onJump={jumpTo} onClose={() => select(null, null, null)} />}
      <p id="tl-keys" className="tl-hint">
        <kbd>W</kbd> <kbd>S</kbd> zoom, <kbd>A</kbd> <kbd>D</kbd> move, Ctrl+wheel zooms at the pointer, drag to move, Shift+drag to measure, click a span for
        its stack. <kbd>?</kbd> lists every shortcut.
      </p>
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}

/** t moved inside goroutine g's life (creation to end, or the trace's ends). */
function withinLife(m: TimelineQueries, g: number, t: number): number {
  const info = m.goroutine(g);
  const from = info.createdNs ?? 0;
  const to = info.endedNs ?? m.endNs;
  return Math.min(Math.max(t, from), Math.max(from, to - 1));
}

/** The window shows the whole trace: the URL then names no range. */
function isAll(s: number, e: number, b: { startNs: number; endNs: number }): boolean {
  const tol = (b.endNs - b.startNs) * 1e-9 + 1;
  return Math.abs(s - b.startNs) <= tol && Math.abs(e - b.endNs) <= tol;
}

/** What the URL's r says for a window (undefined for the whole trace). */
function urlRange(s: number, e: number, b: { startNs: number; endNs: number }): string | undefined {
  return isAll(s, e, b) ? undefined : formatTimelineParams({ ...EMPTY_PARAMS, range: { startNs: s, endNs: e } }).r;
}

/** The page's height: from its top to the bottom of the window, so the lanes fill the screen. */
function useFillHeight(ref: React.RefObject<HTMLElement | null>): number {
  const [h, setH] = useState(600);
  useLayoutEffect(() => {
    const update = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setH(Math.max(420, window.innerHeight - top - 16));
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [ref]);
  return h;
}

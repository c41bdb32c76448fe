import { describe, expect, it } from 'vitest';
import { TimeScale } from '../timeline/time-scale';
import { applyKeyMove, centreOn, heldAmount, keyMove, KEY_ZOOM_STEP, measureBetween, scaleFor, showAll, traceBounds, wheelZoomFactor, zoomToRange } from './viewport';

const bounds = traceBounds(1_000_000_000); // a 1 s trace
const s = TimeScale.create(400e6, 600e6, 1000, 1);

describe('viewport moves', () => {
  it('show all is the whole trace with a 1% margin each side', () => {
    const a = showAll(s, bounds);
    expect([a.startNs, a.endNs]).toEqual([-10e6, 1010e6]);
  });

  it('zoom to a range leaves 10% of its span free on each side', () => {
    const z = zoomToRange(s, 100e6, 200e6, bounds);
    expect(z.startNs).toBeCloseTo(90e6);
    expect(z.endNs).toBeCloseTo(210e6);
  });

  it('W zooms in at the anchor, S undoes it, the time under the anchor stays put', () => {
    const anchor = 250;
    const t = s.cssPxToTime(anchor);
    const w = applyKeyMove(s, 'zoom-in', anchor, bounds);
    expect(w.spanNs).toBeCloseTo(s.spanNs / KEY_ZOOM_STEP);
    expect(w.cssPxToTime(anchor)).toBeCloseTo(t, 3);
    const back = applyKeyMove(w, 'zoom-out', anchor, bounds);
    expect(back.startNs).toBeCloseTo(s.startNs, 3);
    expect(back.endNs).toBeCloseTo(s.endNs, 3);
  });

  it('A shows earlier time, D later, by a tenth of the width per press; Shift is three presses', () => {
    expect(applyKeyMove(s, 'pan-left', 0, bounds).startNs).toBeCloseTo(380e6);
    expect(applyKeyMove(s, 'pan-right', 0, bounds).startNs).toBeCloseTo(420e6);
    expect(applyKeyMove(s, 'pan-right', 0, bounds, 1, true).startNs).toBeCloseTo(460e6);
  });

  it('panning stops at the trace edges, zooming out stops at the whole trace', () => {
    let v = s;
    for (let i = 0; i < 100; i++) v = applyKeyMove(v, 'pan-left', 0, bounds);
    expect(v.startNs).toBe(bounds.startNs);
    expect(v.spanNs).toBeCloseTo(s.spanNs);
    for (let i = 0; i < 100; i++) v = applyKeyMove(v, 'zoom-out', 500, bounds);
    expect([v.startNs, v.endNs]).toEqual([bounds.startNs, bounds.endNs]);
  });

  it('maps W/S/A/D in either case and nothing else', () => {
    expect(['w', 'S', 'a', 'D', 'x'].map(keyMove)).toEqual(['zoom-in', 'zoom-out', 'pan-left', 'pan-right', null]);
  });

  it('a held key moves at its per-second rate', () => {
    // Held for one second, zoom multiplies the span's inverse by 6, pan moves 0.9 widths.
    const z = applyKeyMove(s, 'zoom-in', 500, bounds, heldAmount('zoom-in', 1));
    expect(s.spanNs / z.spanNs).toBeCloseTo(6, 6);
    const p = applyKeyMove(s, 'pan-right', 0, bounds, heldAmount('pan-right', 1));
    expect((p.startNs - s.startNs) / s.spanNs).toBeCloseTo(0.9, 6);
  });

  it('one wheel notch zooms by about 1.25×, lines and pages are scaled to pixels', () => {
    expect(wheelZoomFactor(-100)).toBeCloseTo(1.246, 2);
    expect(wheelZoomFactor(100)).toBeCloseTo(1 / 1.246, 2);
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(wheelZoomFactor(-120), 6);
    expect(wheelZoomFactor(-1e6)).toBe(wheelZoomFactor(-400));
  });

  it('centres on a time, measures between two x positions in either order', () => {
    const c = centreOn(s, 900e6, bounds);
    expect((c.startNs + c.endNs) / 2).toBeCloseTo(900e6);
    const m = measureBetween(s, 750, 250);
    expect(m.startNs).toBeCloseTo(450e6);
    expect(m.endNs).toBeCloseTo(550e6);
  });

  it('a range from a link becomes the window; none shows all', () => {
    const fromLink = scaleFor({ startNs: 1e6, endNs: 2e6 }, 800, 2, bounds);
    expect([fromLink.startNs, fromLink.endNs, fromLink.widthCssPx, fromLink.dpr]).toEqual([1e6, 2e6, 800, 2]);
    const none = scaleFor(null, 800, 1, bounds);
    expect([none.startNs, none.endNs]).toEqual([bounds.startNs, bounds.endNs]);
  });
});

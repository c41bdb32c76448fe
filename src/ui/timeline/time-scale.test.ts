import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { MIN_SPAN_NS, TimeScale, toTimeNs } from './time-scale';


describe('TimeScale conversions', () => {
  const s = TimeScale.create(1_000_000, 3_000_000, 800, 2);

  it('maps the window edges to the drawing edges', () => {
    expect(s.timeToCssPx(1_000_000)).toBe(0);
    expect(s.timeToCssPx(3_000_000)).toBe(800);
    expect(s.timeToCssPx(2_000_000)).toBe(400);
    expect(s.nsPerCssPx).toBe(2500);
  });

  it('converts CSS pixels to device pixels through the pixel ratio', () => {
    expect(s.cssToDevicePx(10)).toBe(20);
    expect(s.deviceToCssPx(20)).toBe(10);
    expect(s.timeToDevicePx(2_000_000)).toBe(800);
    expect(s.widthDevicePx).toBe(1600);
  });

  it('round-trips time → cssPx → time', () => {
    const r = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const t = 1_000_000 + r() * 2_000_000;
      expect(s.cssPxToTime(s.timeToCssPx(t))).toBeCloseTo(t, 3);
    }
  });

  it('repairs degenerate input', () => {
    const d = TimeScale.create(5, 5, 0, 0);
    expect(d.spanNs).toBe(MIN_SPAN_NS);
    expect(d.widthCssPx).toBe(1);
    expect(d.dpr).toBe(1);
    const swapped = TimeScale.create(10_000, 0, 100);
    expect([swapped.startNs, swapped.endNs]).toEqual([0, 10_000]);
  });

  it('turns absolute bigint times past 2^53 into exact offsets', () => {
    const origin = 2n ** 60n;
    expect(toTimeNs(origin + 12_345n, origin)).toBe(12_345);
    expect(toTimeNs(5000, 1000n)).toBe(4000);
  });
});

describe('TimeScale zoom and pan', () => {
  const bounds = { startNs: 0, endNs: 10_000_000 };
  const s = TimeScale.create(0, 10_000_000, 1000, 1);

  it('keeps the time under the anchor fixed while zooming', () => {
    const r = seededRandom(42);
    for (let i = 0; i < 100; i++) {
      const anchor = r() * 1000;
      const factor = 1 + r() * 4;
      const before = s.cssPxToTime(anchor);
      const z = s.zoomAt(anchor, factor, bounds);
      expect(z.cssPxToTime(anchor)).toBeCloseTo(before, 0);
      expect(z.spanNs).toBeCloseTo(10_000_000 / factor, 0);
    }
  });

  it('never zooms out past the bounds nor in past the minimum span', () => {
    expect(s.zoomAt(300, 0.01, bounds).spanNs).toBe(10_000_000);
    let z = s;
    for (let i = 0; i < 100; i++) z = z.zoomAt(500, 10, bounds);
    expect(z.spanNs).toBe(MIN_SPAN_NS);
    expect(z.startNs).toBeGreaterThanOrEqual(0);
  });

  it('ignores nonsense zoom factors', () => {
    expect(s.zoomAt(10, 0)).toBe(s);
    expect(s.zoomAt(10, Number.NaN)).toBe(s);
  });

  it('pans with the content and stops at the edges', () => {
    const z = s.zoomAt(500, 4, bounds); // 2.5 ms window around 5 ms
    const moved = z.panByCssPx(100, bounds); // drag right: earlier time comes into view
    expect(moved.startNs).toBeCloseTo(z.startNs - 100 * z.nsPerCssPx, 6);
    expect(moved.spanNs).toBeCloseTo(z.spanNs, 6);
    const farLeft = z.panByCssPx(1e9, bounds);
    expect(farLeft.startNs).toBe(0);
    const farRight = z.panByCssPx(-1e9, bounds);
    expect(farRight.endNs).toBe(10_000_000);
  });

  it('keeps the window when resized', () => {
    const r = s.withSize(500, 3);
    expect([r.startNs, r.endNs, r.widthCssPx, r.dpr]).toEqual([0, 10_000_000, 500, 3]);
  });
});

describe('TimeScale ticks', () => {
  it('chooses round steps in one unit, at least the spacing apart', () => {
    const s = TimeScale.create(0, 10_000_000_000, 1000);
    const t = s.ticks(90);
    expect(t.map((x) => x.label)).toEqual(['0 s', '1 s', '2 s', '3 s', '4 s', '5 s', '6 s', '7 s', '8 s', '9 s', '10 s']);
    for (let i = 1; i < t.length; i++) expect(t[i].cssPx - t[i - 1].cssPx).toBeGreaterThanOrEqual(90);
  });

  it('uses decimals only where a step needs them', () => {
    const s = TimeScale.create(1_000_000, 2_000_000, 500);
    const labels = s.ticks(90).map((x) => x.label);
    expect(labels).toEqual(['1.0 ms', '1.2 ms', '1.4 ms', '1.6 ms', '1.8 ms', '2.0 ms']);
  });

  it('switches unit as the window narrows', () => {
    expect(TimeScale.create(0, 5_000, 500).ticks()[1].label).toBe('1 µs');
    expect(TimeScale.create(0, 50_000_000, 500).ticks()[1].label).toBe('10 ms');
  });

  it('puts every tick inside the drawing area', () => {
    const r = seededRandom(3);
    for (let i = 0; i < 100; i++) {
      const start = r() * 1e10;
      const span = MIN_SPAN_NS + r() * 1e10;
      const w = 100 + r() * 2000;
      const s = TimeScale.create(start, start + span, w);
      for (const tk of s.ticks()) {
        expect(tk.cssPx).toBeGreaterThanOrEqual(-1e-6);
        expect(tk.cssPx).toBeLessThanOrEqual(w + 1e-6);
      }
    }
  });
});

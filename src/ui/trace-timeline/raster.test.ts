import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seeded-random';
import { mix, packRgba, parseCanvasColor, Raster, unpackRgba } from './raster';
import { DENSITY_MIN, SpanRow } from './span-row';

const BG = packRgba(255, 255, 255);
const RED = packRgba(200, 0, 0);
const BLUE = packRgba(0, 0, 200);
const colours = [RED, BLUE];

describe('Raster', () => {
  it('packs colours as ImageData bytes read little-endian', () => {
    const c = packRgba(1, 2, 3, 4);
    expect(Array.from(new Uint8Array(new Uint32Array([c]).buffer))).toEqual([1, 2, 3, 4]);
    expect(unpackRgba(c)).toEqual([1, 2, 3, 4]);
  });

  it('parses the colour text a canvas context gives back', () => {
    expect(parseCanvasColor('#0b63ce')).toBe(packRgba(11, 99, 206));
    expect(parseCanvasColor('rgba(10, 20, 30, 0.5)')).toBe(packRgba(10, 20, 30, 128));
    expect(parseCanvasColor('rgb(10 20 30)')).toBe(packRgba(10, 20, 30));
    expect(parseCanvasColor('oklch(50% 0.1 20)')).toBeNull();
  });

  it('fills clipped half-open rectangles', () => {
    const r = new Raster(4, 3);
    r.clear(BG);
    r.fillRect(-5, 1, 2, 99, RED);
    expect([r.get(0, 0), r.get(0, 1), r.get(1, 2), r.get(2, 1)]).toEqual([BG, RED, RED, BG]);
  });

  it('mixes towards the foreground by weight', () => {
    expect(mix(packRgba(0, 0, 0), packRgba(200, 100, 50), 0.5)).toBe(packRgba(100, 50, 25));
  });
});

describe('SpanRow', () => {
  it('draws a span a pixel wide or more as a solid rectangle on rounded edges', () => {
    const r = new Raster(10, 4);
    r.clear(BG);
    const row = new SpanRow(10);
    row.begin(r, 1, 3);
    expect(row.span(1.6, 4.4, 0, colours)).toBe(true);
    row.end(BG, colours);
    const line = (y: number) => Array.from({ length: 10 }, (_, x) => (r.get(x, y) === RED ? 'R' : '.')).join('');
    expect([line(0), line(1), line(2), line(3)]).toEqual(['..........', '..RR......', '..RR......', '..........']);
  });

  it('merges spans narrower than a pixel into one density mark per column, coloured by the longest', () => {
    const r = new Raster(4, 1);
    r.clear(BG);
    const row = new SpanRow(4);
    row.begin(r, 0, 1);
    row.span(1.0, 1.1, 0, colours); // red, 0.1 px
    row.span(1.2, 1.5, 1, colours); // blue, 0.3 px: the longest in column 1
    row.span(3.0, 3.05, 0, colours); // a lone tiny span: weakest mark
    row.end(BG, colours);
    expect(r.get(0, 0)).toBe(BG);
    expect(r.get(1, 0)).toBe(mix(BG, BLUE, DENSITY_MIN + (1 - DENSITY_MIN) * 0.4));
    expect(r.get(3, 0)).toBe(mix(BG, RED, DENSITY_MIN + (1 - DENSITY_MIN) * 0.05));
  });

  it('a solid span wins over density in its columns, and the scratch is clean for the next row', () => {
    const r = new Raster(4, 2);
    r.clear(BG);
    const row = new SpanRow(4);
    row.begin(r, 0, 1);
    row.span(2.2, 2.4, 1, colours);
    row.span(2, 4, 0, colours);
    row.end(BG, colours);
    expect([r.get(2, 0), r.get(3, 0)]).toEqual([RED, RED]);
    row.begin(r, 1, 2);
    row.end(BG, colours);
    expect([r.get(0, 1), r.get(1, 1), r.get(2, 1), r.get(3, 1)]).toEqual([BG, BG, BG, BG]);
  });

  it('paints every column some span touches, and only those (random spans)', () => {
    const rnd = seededRandom(3);
    const W = 300;
    for (let round = 0; round < 20; round++) {
      const r = new Raster(W, 1);
      r.clear(BG);
      const row = new SpanRow(W);
      row.begin(r, 0, 1);
      const touched = new Uint8Array(W);
      let t = -20;
      while (t < W + 20) {
        const len = rnd() < 0.8 ? rnd() * 0.5 : rnd() * 30;
        const a = t;
        const b = t + len;
        row.span(a, b, rnd() < 0.5 ? 0 : 1, colours);
        if (b <= 0 || a >= W) {
          // off the drawing
        } else if (b - a >= 1) {
          const x0 = Math.max(0, Math.round(a));
          const x1 = Math.min(W, Math.max(x0 + 1, Math.round(b)));
          for (let x = x0; x < x1; x++) touched[x] = 1;
        } else {
          const x = Math.floor((a + b) / 2);
          if (x >= 0 && x < W) touched[x] = 1;
        }
        t = b + (rnd() < 0.5 ? rnd() * 0.3 : rnd() * 20);
      }
      row.end(BG, colours);
      for (let x = 0; x < W; x++) {
        if ((r.get(x, 0) !== BG) !== (touched[x] === 1)) throw new Error(`round ${round} column ${x}`);
      }
    }
  });
});

// Paints one lane's spans into a Raster. A span at least a device pixel wide is a solid
// rectangle; spans narrower than that are merged per pixel column into a density mark whose
// strength is the share of the column they cover and whose colour is the longest of them, so
// a busy P at full zoom-out reads as busy, an idle one as empty, with no pixel drawn twice
// per span. Level-of-detail summaries from the model (already merged per bucket) enter
// through cover(). Pure and reusable across rows and frames: the scratch arrays are sized to
// the raster's width once.

import { mix, type Raster, type Rgba } from './raster';

/** A density mark's strength at zero and at full cover: a lone tiny span is still seen. */
export const DENSITY_MIN = 0.35;

export class SpanRow {
  private cov: Float32Array;
  private best: Float32Array;
  private colour: Int32Array;
  private solid: Uint8Array;
  private lo = Infinity;
  private hi = -1;
  private raster: Raster | null = null;
  private y0 = 0;
  private y1 = 0;
  /** Solid spans drawn since begin(), for labels and hit tests. */
  solids = 0;

  constructor(width: number) {
    this.cov = new Float32Array(width);
    this.best = new Float32Array(width);
    this.colour = new Int32Array(width);
    this.solid = new Uint8Array(width);
  }

  get width(): number {
    return this.cov.length;
  }

  /** Starts a row covering device rows [y0, y1) of raster. */
  begin(raster: Raster, y0: number, y1: number): void {
    if (raster.width !== this.width) {
      this.cov = new Float32Array(raster.width);
      this.best = new Float32Array(raster.width);
      this.colour = new Int32Array(raster.width);
      this.solid = new Uint8Array(raster.width);
    }
    this.raster = raster;
    this.y0 = y0;
    this.y1 = y1;
    this.lo = Infinity;
    this.hi = -1;
    this.solids = 0;
  }

  /**
   * A span from device x xa to xb (fractional) in colour index ci of `colours`. Returns true
   * when it was drawn solid (wide enough to be its own rectangle).
   */
  span(xa: number, xb: number, ci: number, colours: readonly Rgba[]): boolean {
    const w = this.width;
    if (xb <= 0 || xa >= w || !(xb >= xa)) return false;
    if (xb - xa >= 1) {
      const a = Math.max(0, Math.round(xa));
      const b = Math.min(w, Math.max(a + 1, Math.round(xb)));
      this.raster!.fillRect(a, this.y0, b, this.y1, colours[ci]);
      this.solid.fill(1, a, b);
      if (a < this.lo) this.lo = a;
      if (b - 1 > this.hi) this.hi = b - 1;
      this.solids++;
      return true;
    }
    this.cover1(Math.floor((xa + xb) / 2), xb - xa, ci);
    return false;
  }

  /** A pre-merged summary: `fraction` of column x covered, mostly by colour ci. */
  cover(x: number, fraction: number, ci: number): void {
    if (x < 0 || x >= this.width || !(fraction > 0)) return;
    this.cover1(x | 0, fraction, ci);
  }

  private cover1(x: number, f: number, ci: number): void {
    if (x < 0 || x >= this.width) return;
    this.cov[x] += f;
    if (f > this.best[x]) {
      this.best[x] = f;
      this.colour[x] = ci;
    }
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /** Paints the density marks over bg and clears the scratch for the next row. */
  end(bg: Rgba, colours: readonly Rgba[]): void {
    const r = this.raster;
    if (!r) return;
    for (let x = this.lo; x <= this.hi; x++) {
      const c = this.cov[x];
      if (c > 0 && this.solid[x] === 0) {
        const strength = DENSITY_MIN + (1 - DENSITY_MIN) * Math.min(1, c);
        r.column(x, this.y0, this.y1, mix(bg, colours[this.colour[x]], strength));
      }
    }
    if (this.hi >= this.lo) {
      const a = this.lo;
      const b = this.hi + 1;
      this.cov.fill(0, a, b);
      this.best.fill(0, a, b);
      this.solid.fill(0, a, b);
    }
    this.raster = null;
  }
}

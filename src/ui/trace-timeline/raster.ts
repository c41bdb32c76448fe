// A frame's pixels as one Uint32Array, written by plain loops and handed to the canvas in a
// single putImageData. With thousands of small spans per frame this costs what the visible
// pixels cost, where one canvas call per rectangle would cost per rectangle (the dominant
// cost in software rendering). Coordinates are devicePx, rectangles half-open and clipped.
// Pure: no DOM, so it is tested by reading pixels back.

/** A colour as ImageData's bytes R, G, B, A read as one little-endian 32-bit word. */
export type Rgba = number;

export function packRgba(r: number, g: number, b: number, a = 255): Rgba {
  // >>> 0: the word as Uint32Array stores and returns it, so colours compare with ===.
  return (((a & 255) << 24) | ((b & 255) << 16) | ((g & 255) << 8) | (r & 255)) >>> 0;
}

export function unpackRgba(c: Rgba): [number, number, number, number] {
  return [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24];
}

/** Mixes `fg` over `bg` with weight a in [0, 1] (opaque result). */
export function mix(bg: Rgba, fg: Rgba, a: number): Rgba {
  const w = Math.max(0, Math.min(1, a));
  const r = (bg & 255) + ((fg & 255) - (bg & 255)) * w;
  const g = ((bg >>> 8) & 255) + (((fg >>> 8) & 255) - ((bg >>> 8) & 255)) * w;
  const b = ((bg >>> 16) & 255) + (((fg >>> 16) & 255) - ((bg >>> 16) & 255)) * w;
  return packRgba(Math.round(r), Math.round(g), Math.round(b));
}

/**
 * Parses the colour text a canvas context normalises to (`#rrggbb` or `rgba(r, g, b, a)`),
 * which is what the page gets back after assigning any CSS colour to ctx.fillStyle.
 */
export function parseCanvasColor(text: string): Rgba | null {
  const t = text.trim();
  let m = /^#([0-9a-f]{6})$/i.exec(t);
  if (m) {
    const n = parseInt(m[1], 16);
    return packRgba(n >> 16, (n >> 8) & 255, n & 255);
  }
  m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+%?))?\s*\)$/i.exec(t);
  if (m) {
    let a = 1;
    if (m[4] !== undefined) a = m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return packRgba(Math.round(+m[1]), Math.round(+m[2]), Math.round(+m[3]), Math.round(a * 255));
  }
  return null;
}

export class Raster {
  readonly data: Uint32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    buffer?: ArrayBuffer,
  ) {
    const n = Math.max(0, width * height);
    this.data = buffer && buffer.byteLength >= n * 4 ? new Uint32Array(buffer, 0, n) : new Uint32Array(n);
  }

  clear(c: Rgba): void {
    this.data.fill(c);
  }

  fillRect(x0: number, y0: number, x1: number, y1: number, c: Rgba): void {
    const xa = Math.max(0, x0 | 0);
    const xb = Math.min(this.width, x1 | 0);
    const ya = Math.max(0, y0 | 0);
    const yb = Math.min(this.height, y1 | 0);
    if (xa >= xb || ya >= yb) return;
    const d = this.data;
    const w = this.width;
    for (let y = ya; y < yb; y++) d.fill(c, y * w + xa, y * w + xb);
  }

  /** A one-pixel-wide column, the unit of density marks and counter plots. */
  column(x: number, y0: number, y1: number, c: Rgba): void {
    const xi = x | 0;
    if (xi < 0 || xi >= this.width) return;
    const ya = Math.max(0, y0 | 0);
    const yb = Math.min(this.height, y1 | 0);
    const d = this.data;
    const w = this.width;
    for (let y = ya; y < yb; y++) d[y * w + xi] = c;
  }

  get(x: number, y: number): Rgba {
    return this.data[y * this.width + x];
  }
}

// The timeline's colours, read from the --tl-* custom properties of timeline.css through
// getComputedStyle, once per theme: the canvas cannot use var(), so each colour is resolved
// here to the text the 2D context accepts and to the packed word the raster writes.
// useThemeVersion() changes with the effective theme (theme.ts), so the page reads the palette
// again and redraws.

import { useEffectiveTheme } from '../theme';
import { parseCanvasColor, packRgba, type Rgba } from './raster';

export const FN_COLOURS = 12;

const NAMES = [
  'bg', 'bg-alt', 'grid', 'ink', 'ink-2', 'span-ink', 'gen-a', 'gen-b', 'gc', 'stw', 'assist', 'sweep',
  'heap', 'heap-goal', 'goroutines', 'threads', 'runnable', 'waiting', 'blocked', 'syscall', 'notstarted',
  'region', 'task', 'log', 'cpu', 'select', 'highlight', 'flow-create', 'flow-unblock', 'measure', 'dim', 'busy',
] as const;

export type ColourName = (typeof NAMES)[number];

export interface Palette {
  /** CSS text for the 2D context (fillStyle, strokeStyle). */
  readonly css: Readonly<Record<ColourName, string>>;
  /** The same colours packed for the raster. */
  readonly rgba: Readonly<Record<ColourName, Rgba>>;
  /** Start-function colours, --tl-fn-0 …; index with fnColourIndex(). */
  readonly fnCss: readonly string[];
  readonly fnRgba: readonly Rgba[];
  readonly sans: string;
  readonly mono: string;
}

/** Resolves every --tl-* colour on el (any element under <html>). */
export function readPalette(el: Element): Palette {
  const cs = getComputedStyle(el);
  // A scratch context turns any CSS colour syntax into #rrggbb or rgba(), which parse simply.
  const probe = document.createElement('canvas').getContext('2d');
  const resolve = (prop: string, fallback: string): [string, Rgba] => {
    const text = cs.getPropertyValue(prop).trim() || fallback;
    let norm = text;
    if (probe) {
      probe.fillStyle = fallback;
      probe.fillStyle = text;
      norm = String(probe.fillStyle);
    }
    return [norm, parseCanvasColor(norm) ?? parseCanvasColor(fallback) ?? packRgba(128, 128, 128)];
  };
  const css = {} as Record<ColourName, string>;
  const rgba = {} as Record<ColourName, Rgba>;
  for (const n of NAMES) [css[n], rgba[n]] = resolve(`--tl-${n}`, '#808080');
  const fnCss: string[] = [];
  const fnRgba: Rgba[] = [];
  for (let i = 0; i < FN_COLOURS; i++) {
    const [c, r] = resolve(`--tl-fn-${i}`, '#3b7dd8');
    fnCss.push(c);
    fnRgba.push(r);
  }
  const font = (p: string, f: string) => cs.getPropertyValue(p).trim() || f;
  return { css, rgba, fnCss, fnRgba, sans: font('--sans', 'sans-serif'), mono: font('--mono', 'monospace') };
}

/** A start function's colour slot: a stable hash of its name (FNV-1a), so colours survive reloads. */
export function fnColourIndex(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % FN_COLOURS;
}

/**
 * Changes whenever the page's theme does (theme.ts sets <html data-theme> from the user's
 * choice or the system's): components read the palette again and redraw.
 */
export function useThemeVersion(): string {
  return useEffectiveTheme();
}

// The time ruler over the lanes: ticks at round steps labelled in the unit that suits the zoom
// (TimeScale.ticks: s, ms, µs or ns since the trace's first event), the measured interval,
// and the time under the pointer.

import type { TimeScale } from '../timeline/time-scale';
import { formatDuration } from '../format';
import type { Palette } from './palette';

export function drawRuler(
  canvas: HTMLCanvasElement,
  scale: TimeScale,
  heightCss: number,
  P: Palette,
  measure: { startNs: number; endNs: number } | null,
  pointerX: number | null,
): void {
  const dpr = scale.dpr;
  const wDev = scale.widthDevicePx;
  const hDev = Math.round(heightCss * dpr);
  if (canvas.width !== wDev || canvas.height !== hDev) {
    canvas.width = wDev;
    canvas.height = hDev;
    canvas.style.width = `${scale.widthCssPx}px`;
    canvas.style.height = `${heightCss}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = P.css.bg;
  ctx.fillRect(0, 0, scale.widthCssPx, heightCss);
  if (measure) {
    const x0 = scale.timeToCssPx(measure.startNs);
    const x1 = scale.timeToCssPx(measure.endNs);
    ctx.globalAlpha = 0.18;
    ctx.fillStyle = P.css.measure;
    ctx.fillRect(x0, 0, Math.max(1, x1 - x0), heightCss);
    ctx.globalAlpha = 1;
  }
  ctx.strokeStyle = P.css['ink-2'];
  ctx.fillStyle = P.css.ink;
  ctx.font = `11px ${P.mono}`;
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of scale.ticks(100)) {
    const x = Math.round(t.cssPx) + 0.5;
    ctx.moveTo(x, heightCss - 8);
    ctx.lineTo(x, heightCss);
    ctx.fillText(t.label, x + 4, heightCss / 2 - 2);
  }
  ctx.stroke();
  if (pointerX !== null && pointerX >= 0 && pointerX <= scale.widthCssPx) {
    const text = formatDuration(scale.cssPxToTime(pointerX));
    ctx.font = `600 11px ${P.mono}`;
    const tw = ctx.measureText(text).width + 10;
    const x = Math.min(Math.max(0, pointerX - tw / 2), scale.widthCssPx - tw);
    ctx.fillStyle = P.css.ink;
    ctx.fillRect(x, 3, tw, heightCss - 8);
    ctx.fillStyle = P.css.bg;
    ctx.fillText(text, x + 5, heightCss / 2 - 1);
  }
}

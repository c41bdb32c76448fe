// The tooltip for what the pointer is over. The controller works the hover out again in
// every frame, so after a keyboard zoom or pan this shows what is under the pointer now.

import type { Hover } from './controller';

export function HoverTooltip({ hover, widthCss, heightCss, leftCss }: { hover: Hover | null; widthCss: number; heightCss: number; leftCss: number }) {
  if (!hover) return null;
  const W = 360;
  const x = hover.x + 14 + W > widthCss ? Math.max(0, hover.x - W - 10) : hover.x + 14;
  const below = hover.y + 24;
  const y = below + 110 > heightCss ? Math.max(0, hover.y - 120) : below;
  return (
    <div className="tl-tooltip" role="tooltip" data-testid="timeline-tooltip" style={{ left: leftCss + x, top: 28 + y, maxWidth: W }}>
      <div className="t-head">{hover.info.title}</div>
      {hover.info.lines.map((l, i) => (
        <div key={i} className={i === 0 ? 't-fn' : 't-row'}>
          {l}
        </div>
      ))}
    </div>
  );
}

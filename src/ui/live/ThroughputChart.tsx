// A sparkline of trace bytes per second over the last samples (about one a wall second),
// so a burst of the workload is seen as it happens. Decorative: the figure above it is
// the accessible value.

import type { RateSample } from '../../state/store';

const W = 160;
const H = 26;

export function ThroughputChart({ rates }: { rates: readonly RateSample[] }) {
  if (rates.length < 2) return <svg className="spark" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" />;
  const max = Math.max(1, ...rates.map((r) => r.bytesPerSec));
  const n = rates.length;
  const pts = rates.map((r, i) => `${((i / (n - 1)) * W).toFixed(1)},${(H - 1 - (r.bytesPerSec / max) * (H - 3)).toFixed(1)}`);
  return (
    <svg className="spark" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
      <polygon points={`0,${H} ${pts.join(' ')} ${W},${H}`} className="spark-area" />
      <polyline points={pts.join(' ')} className="spark-line" />
    </svg>
  );
}

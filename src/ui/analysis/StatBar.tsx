// A goroutine's (or region's) time as one stacked bar, scaled to the longest in its table.

import { statColor } from './stat-colors';

export function StatBar({ stats, columns, maxNs }: { stats: Map<string, number>; columns: readonly string[]; maxNs: number }) {
  return (
    <div className="stack-bar" aria-hidden="true">
      {columns.map((c) => {
        const v = stats.get(c) ?? 0;
        if (v <= 0 || maxNs <= 0) return null;
        return <span key={c} style={{ width: `${(v / maxNs) * 100}%`, background: statColor(c) }} />;
      })}
    </div>
  );
}

export function StatLegend({ columns }: { columns: readonly string[] }) {
  return (
    <div className="legend" aria-hidden="true">
      {columns.map((c) => (
        <span key={c}>
          <i style={{ background: statColor(c) }} />
          {c}
        </span>
      ))}
    </div>
  );
}

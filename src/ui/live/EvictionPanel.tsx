// Under the timeline: the ring's rule with the limits in force, and the latest evictions in
// words (which generations, how many bytes, which limit).

import { useApp } from '../../state/store';
import { formatDuration } from '../format';
import { explainEviction, ringRule } from './eviction-text';

const SHOWN = 3;

export function EvictionPanel() {
  const limits = useApp((s) => s.live.limits);
  const evictions = useApp((s) => s.live.evictions);
  const recent = evictions.slice(-SHOWN).reverse();
  return (
    <div className="eviction-panel">
      <p className="rule">{ringRule(limits)}</p>
      {recent.length > 0 && (
        <ul className="eviction-log" aria-label="Latest evictions" data-testid="eviction-log">
          {recent.map((e, i) => (
            <li key={evictions.length - i} data-cause={e.cause}>
              <span className={`cause-tag ${e.cause}`}>{e.cause === 'max-bytes' ? 'MaxBytes' : 'MinAge'}</span>
              <span className="at mono">{formatDuration(e.atNs)}</span> {explainEviction(e, limits)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

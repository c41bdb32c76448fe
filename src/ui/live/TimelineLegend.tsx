// What the timeline's colours mean, with counts of evictions by cause so the legend also
// answers "which limit is doing the evicting right now".

import type { EvictionRecord } from '../../state/store';
import { causeCounts } from './eviction-text';

export function TimelineLegend({ evictions }: { evictions: readonly EvictionRecord[] }) {
  const c = causeCounts(evictions);
  return (
    <ul className="legend" aria-label="Legend">
      <li><i className="sw ring" />in the ring</li>
      <li><i className="sw writing" />being written</li>
      <li><i className="sw evicted max-bytes" />evicted: over MaxBytes{c.maxBytes > 0 && <b> · {c.maxBytes}</b>}</li>
      <li><i className="sw evicted min-age" />evicted: older than MinAge{c.minAge > 0 && <b> · {c.minAge}</b>}</li>
      <li><i className="sw unrecorded" />not recorded</li>
    </ul>
  );
}

// The live view: a simulated Go runtime writing a trace, Go's flight recorder keeping the
// last few generations in a ring, and snapshots taken from it.

import { useApp } from '../../state/store';
import { ringExtent } from '../../state/live-history';
import { Stat } from '../Stat';
import { formatBytes, formatDuration, formatInt } from '../format';
import { GenerationTimeline } from '../timeline/GenerationTimeline';
import { LiveControls } from './LiveControls';
import { RecentGenerations } from './RecentGenerations';
import { SnapshotPanel } from './SnapshotPanel';
import { useLiveConnection } from '../../state/live-actions';

export function LiveScreen() {
  useLiveConnection();
  const live = useApp((s) => s.live);
  const ring = ringExtent(live.history);
  const last = live.history.length > 0 ? live.history[live.history.length - 1].gen : 0;

  return (
    <>
      <LiveControls />
      {live.error && (
        <div className="error-banner" role="alert">
          {live.error}
        </div>
      )}
      <dl className="stats" aria-label="Live statistics">
        <Stat label="Generations sealed" value={formatInt(last)} testId="live-sealed" />
        <Stat
          label="In the ring"
          value={ring ? formatInt(ring.count) : '0'}
          sub={ring ? `${formatBytes(ring.bytes)} / ${formatBytes(live.maxBytes)}` : live.recording ? 'waiting for a seal' : 'recorder off'}
          testId="live-ring"
        />
        <Stat label="Evicted" value={formatInt(live.evictedTotal)} sub="generations" testId="live-evicted" />
        <Stat label="Trace rate" value={formatBytes(live.bytesPerSec)} sub="/ s" testId="live-rate" />
        <Stat label="Simulated time" value={formatDuration(live.nowNs)} testId="live-now" />
      </dl>
      <section className="card timeline-card" aria-labelledby="timeline-title">
        <div className="timeline-head">
          <h3 className="section-title" id="timeline-title" style={{ margin: 0 }}>
            Generations <span className="sub">each box is one generation: its width is its time, its height its size</span>
          </h3>
          <div className="legend" aria-hidden="true">
            <span><i style={{ background: 'var(--gen)' }} />in the ring</span>
            <span><i style={{ background: 'var(--evicted)', backgroundImage: 'repeating-linear-gradient(135deg, transparent 0 3px, var(--evicted-edge) 3px 4px)' }} />evicted</span>
            <span><i style={{ background: '#d6dbe3' }} />not recorded</span>
            <span><i style={{ background: 'transparent', border: '1.5px dashed var(--writing)' }} />being written</span>
          </div>
        </div>
        <GenerationTimeline history={live.history} nowNs={live.nowNs} maxBytes={live.maxBytes} running={live.running} view={live.view} />
        {live.lastEviction && <p className="timeline-help">Last eviction: {live.lastEviction}</p>}
      </section>
      <div className="two-col">
        <SnapshotPanel />
        <RecentGenerations history={live.history} />
      </div>
    </>
  );
}

// The live view: a simulated Go runtime writing a trace, Go's flight recorder keeping the
// last few generations in a ring, and snapshots taken from it.

import { dismissNotice, setPresenter, useLiveConnection } from '../../state/live-actions';
import { speedReached } from '../../state/live-model';
import { ringExtent } from '../../state/live-history';
import { useApp, type LiveState, type TriggerMark } from '../../state/store';
import { Stat } from '../Stat';
import { formatBytes, formatDuration, formatInt, formatSpeed } from '../format';
import { GenerationTimeline } from '../timeline/GenerationTimeline';
import { ErrorAlert } from './ErrorAlert';
import { EvictionPanel } from './EvictionPanel';
import { LiveControls } from './LiveControls';
import { RecentGenerations } from './RecentGenerations';
import { SnapshotPanel } from './SnapshotPanel';
import { SnapshotList } from './SnapshotList';
import { PresenterBar } from './PresenterBar';
import { SHORTCUTS, useLiveShortcuts } from './shortcuts';
import { ThroughputChart } from './ThroughputChart';
import { causeShort, ringFill } from './eviction-text';
import { TimelineLegend } from './TimelineLegend';
import { useLiveFrame } from './live-frame';
import './live-extra.css';

export function LiveScreen() {
  useLiveConnection();
  useLiveShortcuts();
  const live = useApp((s) => s.live);
  const ring = ringExtent(live.history);
  const rate = live.rates.length > 0 ? live.rates[live.rates.length - 1] : null;
  const lastEviction = live.evictions.length > 0 ? live.evictions[live.evictions.length - 1] : null;
  const ringFull = ring && live.limits ? ring.bytes / live.limits.maxBytes : 0;

  const marks = live.triggerMarks
    .filter((m) => m.run === live.run)
    .map((m) => ({ atNs: m.atNs, took: m.error === null, label: markLabel(m) }));

  return (
    <div className={live.presenter ? 'live-screen presenter' : 'live-screen'} data-presenter={live.presenter}>
      {live.presenter ? (
        <PresenterBar />
      ) : (
        <div className="live-top">
          <LiveControls />
          <p className="shortcut-line">
            Keys: {SHORTCUTS.map((k) => (
              <span key={k.key}>
                <kbd>{k.key}</kbd> {k.what}
              </span>
            ))}{' '}
            <button type="button" className="btn small" aria-keyshortcuts="P" onClick={() => setPresenter(true)}>
              Presenter mode
            </button>
          </p>
        </div>
      )}
      <ErrorAlert />
      <Notice />
      <dl className="stats" aria-label="Live statistics">
        <WritingTile running={live.running} currentGen={live.currentGen} />
        <Stat label="Generations sealed" value={formatInt(live.history.length > 0 ? live.history[live.history.length - 1].gen : 0)} sub="since the runtime started" testId="live-sealed" />
        <div className="stat ring-stat">
          <dt>In the ring</dt>
          <dd>
            <span data-testid="live-ring">{ring ? formatInt(ring.count) : '0'}</span>
            <small>{ring ? ringFill(ring.count, ring.bytes, live.limits) : live.recording ? 'waiting for a seal' : 'recorder off'}</small>
            {live.limits && (
              <span
                className={ringFull > 1 ? 'meter over' : 'meter'}
                role="meter"
                aria-label="Ring bytes, percent of MaxBytes"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(100 * ringFull)}
                title={ringFull > 1 ? 'Over MaxBytes: Go keeps the generation that crosses the limit' : undefined}
              >
                <span style={{ width: `${Math.min(100, 100 * ringFull)}%` }} />
              </span>
            )}
          </dd>
        </div>
        <Stat
          label="Evicted"
          value={formatInt(live.evictedTotal)}
          sub={lastEviction ? `last: ${causeShort(lastEviction.cause)}` : 'generations'}
          testId="live-evicted"
        />
        <div className="stat rate-stat">
          <dt>Trace data</dt>
          <dd>
            <span data-testid="live-rate">{rate ? `${formatBytes(rate.bytesPerSec)}/s` : '—'}</span>
            <small data-testid="live-events">{rate ? `${formatInt(Math.round(rate.eventsPerSec))} events/s` : 'events/s'}</small>
            <ThroughputChart rates={live.rates} />
          </dd>
        </div>
        <Stat label="Simulated time" value={formatDuration(live.nowNs)} sub={speedText(live)} testId="live-now" />
      </dl>
      <section className="card timeline-card" aria-labelledby="timeline-title">
        <div className="timeline-head">
          <h3 className="section-title" id="timeline-title" style={{ margin: 0 }}>
            Generations <span className="sub">width: time · height: bytes</span>
          </h3>
          <TimelineLegend evictions={live.evictions} />
        </div>
        <GenerationTimeline
          key={live.presenter ? 'presenter' : 'normal'}
          history={live.history}
          nowNs={live.nowNs}
          clock={live.clock}
          limits={live.limits}
          lastCause={lastEviction?.cause ?? null}
          running={live.running}
          currentGen={live.currentGen}
          rates={live.rates}
          snapshot={live.snapshot?.span && live.snapshot.run === live.run ? { ...live.snapshot.span, gens: live.snapshot.gens } : null}
          view={live.view}
          marks={marks}
          heightCssPx={live.presenter ? 330 : 320}
        />
        <EvictionPanel />
      </section>
      <div className="two-col">
        <div className="live-col">
          {!live.presenter && <SnapshotPanel />}
          <SnapshotList />
        </div>
        {!live.presenter && <RecentGenerations history={live.history} />}
      </div>
    </div>
  );
}

/** A trigger's flag on the timeline: "212 ms request", "0.31 ms GC pause", "(recorder off)". */
function markLabel(m: TriggerMark): string {
  const what = `${formatDuration(m.valueNs)} ${m.trigger === 'slow-request' ? 'request' : 'GC pause'}`;
  return m.error === null ? what : `${what} (no snapshot)`;
}

/**
 * The generation being written and its bytes so far: the figure the timeline drew in its
 * last frame (live-frame.ts), so the two always agree.
 */
function WritingTile({ running, currentGen }: { running: boolean; currentGen: number }) {
  const bytes = useLiveFrame((f) => (f.openBytes === null ? null : formatBytes(f.openBytes)));
  const sub = !running ? 'runtime stopped' : currentGen === 0 ? 'nothing traces: start the recorder' : bytes !== null && bytes !== '0 B' ? `≈ ${bytes} so far` : 'just started';
  return <Stat label="Writing generation" value={currentGen > 0 ? `g${currentGen}` : '—'} sub={sub} testId="live-current" />;
}

/** The speed under "Simulated time": the one reached (measured), beside the one asked for. */
function speedText(live: LiveState): string {
  if (!live.running) return `${live.speed}× asked · stopped`;
  const sp = speedReached(live);
  return sp ? `${formatSpeed(sp.reached)} real time (${sp.asked}× asked)` : `${live.speed}× asked · measuring`;
}

/** A notice of something the app did on its own (a restart), in a live region. */
function Notice() {
  const notice = useApp((s) => s.live.notice);
  return (
    <div role="status" className="live-notice-slot">
      {notice && (
        <div key={notice.seq} className="live-notice">
          <span>{notice.text}</span>
          <button type="button" className="btn small" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

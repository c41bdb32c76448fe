// The selection's details, under the lanes: the goroutine (ID, start function), its states
// around the selected moment, the stack of the selected span printed as `go tool trace
// -d=parsed` prints stacks (function @ PC, then file:line), who created it and who unblocked
// it (buttons that jump the view there), and the regions and tasks it was in.

import { FlowKind, GState, LaneKind, type Flow, type TimelineQueries } from '../../analysis/timeline/index';
import { formatDuration } from '../format';
import { stateName } from './span-colours';

export interface DetailProps {
  readonly model: TimelineQueries;
  /** Goroutine index and the selected moment (ns since the first event). */
  readonly goroutine: number;
  readonly timeNs: number;
  onJump(goroutineId: string, timeNs: number): void;
  onClose(): void;
}

const SWATCH: Record<number, string> = {
  [GState.Running]: 'var(--tl-fn-0)',
  [GState.Runnable]: 'var(--tl-runnable)',
  [GState.Waiting]: 'var(--tl-waiting)',
  [GState.Syscall]: 'var(--tl-syscall)',
};

export function DetailPanel({ model, goroutine: g, timeNs, onJump, onClose }: DetailProps) {
  const info = model.goroutine(g);
  const span = model.spanAt({ kind: LaneKind.Goroutine, index: g }, timeNs);
  const states = model.statesAround(g, timeNs, 4, 4);
  const frames = span ? model.stackFrames(span.stack) : [];
  const creation = model.creation(g);
  // A waiting span's question is who ended the wait: the flow into the span after it.
  const unblock = span && span.state === GState.Waiting ? model.unblockedBy(g, span.endNs) : model.unblockedBy(g, timeNs);
  const regions = model.regionsAt(g, timeNs);
  const tasks = model.tasks();
  const taskIds = [...new Set(regions.map((r) => r.task).filter((t) => t > 0))];
  const creator = info.creator >= 0 ? model.goroutine(info.creator) : null;

  const who = (f: Flow) => (f.fromGoroutine >= 0 ? model.goroutine(f.fromGoroutine) : null);
  const flowLink = (f: Flow | null, none: string, testId: string) => {
    if (!f) return <dd data-testid={testId}>{none}</dd>;
    const from = who(f);
    const what = f.kind === FlowKind.SyscallExit ? 'its blocked syscall returned' : from ? from.name : 'the runtime (no goroutine)';
    return (
      <dd data-testid={testId}>
        {from ? (
          <button type="button" className="link" onClick={() => onJump(from.id, f.fromNs)} aria-label={`Go to goroutine ${from.id} at ${formatDuration(f.fromNs)}`}>
            {what}
          </button>
        ) : (
          what
        )}{' '}
        at {formatDuration(f.fromNs)}
        {f.reason ? ` (${f.reason})` : ''}
      </dd>
    );
  };

  return (
    <section className="card tl-detail" aria-label={`Details of goroutine ${info.id}`} data-testid="detail-panel">
      <div>
        <button type="button" className="btn small close" onClick={onClose} aria-label="Close the details">
          Close
        </button>
        <h3>Goroutine</h3>
        <div className="big" data-testid="detail-goroutine">G{info.id}</div>
        <div className="mono" data-testid="detail-start-func" style={{ overflowWrap: 'anywhere' }}>
          {info.startFunc || '(start function not seen)'}
        </div>
        <dl>
          <dt>Created</dt>
          {creation || creator ? (
            flowLink(creation, info.createdNs === null ? 'before the trace' : `at ${formatDuration(info.createdNs)}`, 'detail-created-by')
          ) : (
            <dd data-testid="detail-created-by">before the trace</dd>
          )}
          <dt>Woken by</dt>
          {flowLink(unblock, span?.state === GState.Waiting ? 'still waiting at the end of the trace' : span && span.prevState !== GState.Waiting ? 'not blocked before this span' : 'not in the trace', 'detail-unblocked-by')}
          <dt>Ended</dt>
          <dd>{info.endedNs === null ? 'still alive at the end' : `at ${formatDuration(info.endedNs)}`}</dd>
          {regions.length > 0 && (
            <>
              <dt>Regions</dt>
              <dd data-testid="detail-regions">{regions.map((r) => r.name).join(' › ')}</dd>
            </>
          )}
          {taskIds.length > 0 && (
            <>
              <dt>Task</dt>
              <dd data-testid="detail-task">{taskIds.map((t) => `${tasks[t]?.type ?? ''} ${tasks[t]?.id ?? t}`.trim()).join(', ')}</dd>
            </>
          )}
        </dl>
      </div>
      <div>
        <h3>Stack of this span {span ? `(${stateName(span.state)}${span.reason ? `: ${span.reason}` : ''})` : ''}</h3>
        {frames.length === 0 ? (
          <p className="empty-note">No stack was recorded for the event that began this span.</p>
        ) : (
          <ol className="tl-stack" data-testid="detail-stack">
            {frames.map((f, i) => (
              <li key={i}>
                {f.func} @ {f.pc}
                <span className="file">
                  {f.file}:{f.line}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div>
        <h3>
          States around <span className="num">{formatDuration(timeNs)}</span>
        </h3>
        <ul className="tl-states" data-testid="detail-states">
          {states.map((s, i) => {
            const here = s.startNs <= timeNs && timeNs < s.endNs;
            return (
              <li key={i} className={here ? 'here' : undefined}>
                <span className="swatch" style={{ background: SWATCH[s.state] ?? 'var(--tl-notstarted)' }} aria-hidden="true" />
                <span>
                  {stateName(s.state)}
                  {s.reason && s.state !== GState.Running ? `: ${s.reason}` : ''}
                </span>
                <span className="dur">
                  {formatDuration(s.startNs)} +{formatDuration(s.endNs - s.startNs)}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

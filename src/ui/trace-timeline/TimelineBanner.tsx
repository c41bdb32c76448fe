// Above the lanes: while generations are still arriving, how far the timeline has got; for a
// damaged or cut trace, what was kept and what was lost, in Go's words (a damaged trace still
// shows every complete generation before the damage, as Go's partial-trace rule keeps them).

import type { TimelineLoss, TimelineQueries } from '../../analysis/timeline/index';
import { formatDuration, formatInt, plural } from '../format';

export function TimelineBanner({ model, loss, hasData }: { model: TimelineQueries | null; loss: TimelineLoss | null; hasData: boolean }) {
  if (loss) {
    return (
      <div className="error-banner tl-banner" role="alert" data-testid="timeline-loss">
        <span>
          <b>Damaged or cut short.</b> Showing the {plural(loss.generationsKept, 'complete generation')} before the damage, up to{' '}
          {formatDuration(loss.keptUntilNs)}; the {plural(loss.eventsLost, 'event')} read after them belong to no complete generation and are not shown.
        </span>
        <code className="mono">Go says: {loss.message}</code>
      </div>
    );
  }
  if (model && !model.complete) {
    return (
      <div className="card card-pad file-row" role="status" aria-live="polite" data-testid="timeline-loading">
        <div className="spinner" aria-hidden="true" />
        <span>
          Reading the trace: {plural(model.generations.length, 'generation')} on the timeline so far ({formatInt(Math.round(model.endNs / 1e6))} ms). You can move around
          while the rest arrives.
        </span>
      </div>
    );
  }
  if (!hasData) {
    return (
      <div className="card card-pad file-row" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <span>The timeline appears as soon as the first generation has been read.</span>
      </div>
    );
  }
  return null;
}

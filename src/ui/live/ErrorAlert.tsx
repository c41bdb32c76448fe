// A failed request or a worker fault, in Go's words where Go has words for it (the
// recorder's and tracer's errors), as an alert a screen reader announces. Keyed by the
// error's sequence number, so the same error twice is announced twice.

import { dismissError } from '../../state/live-actions';
import { useApp } from '../../state/store';

export function ErrorAlert() {
  const error = useApp((s) => s.live.error);
  if (!error) return null;
  const fromGo = error.code === 'recorder' || error.code === 'trace';
  return (
    <div key={error.seq} className="error-banner live-error" role="alert" data-code={error.code}>
      <div>
        <strong>{error.code === 'fault' ? 'The simulated runtime reports:' : `${error.action} failed.`}</strong>{' '}
        {fromGo ? (
          <code className="go-message" data-testid="live-error-message">{error.message}</code>
        ) : (
          <span data-testid="live-error-message">{error.message}</span>
        )}
      </div>
      <button type="button" className="btn small" onClick={dismissError}>
        Dismiss
      </button>
    </div>
  );
}

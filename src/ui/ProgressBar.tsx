// A thin bar filled to a fraction, for a pass over the trace that takes a while (Go's verdict,
// the analyses). Decorative: the text beside it says the same for screen readers.
import './progress.css';

export function ProgressBar({ fraction }: { fraction: number }) {
  return (
    <div className="progress-track" aria-hidden="true">
      <div className="progress-fill" style={{ transform: `scaleX(${Math.max(0, Math.min(1, fraction))})` }} />
    </div>
  );
}

// The worst spots of the open trace (analysis/triage.ts), each a link to the timeline: what
// someone who just dropped a production snapshot wants to see first.

import { openOnTimeline } from '../../state/navigation';
import { useApp } from '../../state/store';
import { goDuration } from '../../trace/go/duration';
import './analysis.css';

export function TriageList() {
  const overview = useApp((s) => s.inspect.analysis);
  if (!overview || overview.triage.length === 0) return null;
  return (
    <section className="card card-pad triage" aria-labelledby="triage-title" data-testid="triage">
      <h3 className="section-title" id="triage-title">
        Worst spots <span className="sub">each opens on the timeline</span>
      </h3>
      <ul>
        {overview.triage.map((t) => (
          <li key={t.kind} data-kind={t.kind}>
            <button type="button" className="linkish" onClick={() => openOnTimeline({ startNs: t.startNs, endNs: t.endNs, goroutine: t.goroutine })}>
              {t.title}: {t.kind === 'mmu' ? `${(t.value * 100).toFixed(1)}%` : goDuration(t.value)}
            </button>{' '}
            <span className="what">{t.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

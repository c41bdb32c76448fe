// The result card: what the file is, in words; Go's own message for searching; and for a
// damaged trace, how much was kept.

import type { InspectView } from './inspect-model';

const KIND: Record<InspectView['verdict'], string> = {
  ok: 'Go execution trace',
  'not-a-trace': 'Not a Go trace',
  'unsupported-version': 'Unsupported version',
  damaged: 'Damaged or cut short',
};

export function Verdict({ view }: { view: InspectView }) {
  return (
    <section className={`card card-pad verdict ${view.verdict}`} aria-labelledby="verdict-title" data-verdict={view.verdict} role={view.verdict === 'ok' ? undefined : 'alert'}>
      <div className="kind">{KIND[view.verdict]}</div>
      <h2 id="verdict-title">{view.title}</h2>
      {view.kept && <p className="kept" data-testid="kept">{view.kept}</p>}
      <p>{view.explanation}</p>
      {view.goMessage && <code className="go-message" data-testid="go-message">{view.goMessage}</code>}
    </section>
  );
}

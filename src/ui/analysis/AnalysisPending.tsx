// What an analysis page shows before the analyses are ready: that the parser still reads the
// file, or how far the analyses' own read has come (on a server trace they take tens of
// seconds), or that there will be none.
import { useApp } from '../../state/store';
import { ProgressBar } from '../ProgressBar';

export function AnalysisPending() {
  const parsing = useApp((s) => s.inspect.parse.status === 'parsing');
  const analysing = useApp((s) => s.inspect.analysing);
  const read = useApp((s) => s.inspect.analysisRead);
  return (
    <section className="card card-pad" data-testid="analysis-pending">
      <p className="analysis-empty" role="status">
        {parsing
          ? 'Reading every event; the analysis follows once the whole file is read…'
          : analysing
            ? read === null
              ? 'Analysing every goroutine, task, region, GC cycle and blocking event…'
              : `Analysing every goroutine, task, region, GC cycle and blocking event… ${Math.round(read * 100)}% of the trace read`
            : 'No analysis: Go’s parser could not read this file.'}
      </p>
      {analysing && read !== null && <ProgressBar fraction={read} />}
    </section>
  );
}

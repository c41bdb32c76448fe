// go tool trace's latency histogram: one row per bucket (five per power of ten) from the first
// to the last bucket with a sample, each labelled with its lower bound in Go's duration format.

import { bucketMinNs, type TimeHistogram } from '../../analysis/annotations/histogram';
import { goDuration } from '../../trace/go/duration';

export function Histogram({ hist, label }: { hist: TimeHistogram; label: string }) {
  if (hist.count === 0) return <span className="analysis-empty">no complete ones</span>;
  const max = Math.max(...hist.buckets);
  const rows = [];
  for (let i = hist.minBucket; i <= hist.maxBucket; i++) {
    const n = hist.buckets[i] ?? 0;
    rows.push(
      <div key={i} style={{ display: 'contents' }}>
        <span className="lbl">{goDuration(bucketMinNs(i))}</span>
        <span className="bar" style={{ width: `${(n / max) * 100}%`, minWidth: n > 0 ? 2 : 0 }} />
        <span>{n}</span>
      </div>,
    );
  }
  return (
    <div className="histo" role="img" aria-label={`${label}: ${hist.count} in buckets from ${goDuration(bucketMinNs(hist.minBucket))} to ${goDuration(bucketMinNs(hist.maxBucket + 1))}`}>
      {rows}
    </div>
  );
}

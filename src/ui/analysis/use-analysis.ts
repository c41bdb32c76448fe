// Runs an analysis query for a page and keeps its answer in the component (the store holds
// no big arrays): re-asked when the query's JSON changes, stale answers dropped.

import { useEffect, useState } from 'react';
import { queryAnalysis } from '../../state/inspect-actions';
import { useApp } from '../../state/store';
import type { AnalysisAnswer, AnalysisQuery } from '../../worker/parse-protocol';

export type QueryState<A> = { status: 'loading' } | { status: 'done'; answer: A } | { status: 'failed'; error: string };

export function useAnalysisQuery<Q extends AnalysisQuery>(q: Q | null): QueryState<Extract<AnalysisAnswer, { q: Q['q'] }>> {
  const overview = useApp((s) => s.inspect.analysis);
  const key = q === null ? '' : JSON.stringify(q, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  const [state, setState] = useState<QueryState<Extract<AnalysisAnswer, { q: Q['q'] }>>>({ status: 'loading' });
  useEffect(() => {
    if (q === null || overview === null) return;
    let live = true;
    setState({ status: 'loading' });
    queryAnalysis(q).then(
      (answer) => live && setState({ status: 'done', answer }),
      (e: unknown) => live && setState({ status: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // The query is identified by its JSON; overview changes when another trace opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, overview]);
  return state;
}

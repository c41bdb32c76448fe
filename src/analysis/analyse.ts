// Every analysis of a trace from one pass over its events (event-pass.ts): what the parse
// worker computes for an open trace, and what the CLI and the conformance checks call.

import { runPassSync, type EventSink, type PassEnd } from './event-pass';
import { GoroutineSummarizer } from './goroutines/summarizer';
import type { TraceAnnotations } from './goroutines/summary-types';

export interface TraceAnalysis {
  annotations: TraceAnnotations;
  end: PassEnd;
}

/** The sinks of one analysis; finish() after the pass makes the result. */
export class AnalysisSinks {
  readonly summarizer = new GoroutineSummarizer();

  get sinks(): EventSink[] {
    return [this.summarizer];
  }

  finish(end: PassEnd): TraceAnalysis {
    return { annotations: this.summarizer.finish(), end };
  }
}

export function analyseTrace(bytes: Uint8Array): TraceAnalysis {
  const a = new AnalysisSinks();
  const end = runPassSync(bytes, a.sinks);
  return a.finish(end);
}

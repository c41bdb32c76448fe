// Every analysis of a trace from one pass over its events (event-pass.ts): what the parse
// worker computes for an open trace, and what the CLI and the conformance checks call.

import { runPassSync, type EventSink, type PassEnd } from './event-pass';
import { GoroutineSummarizer } from './goroutines/summarizer';
import type { TraceAnnotations } from './goroutines/summary-types';
import { ProfileSink, type ProfileState } from './profiles/profile-sink';
import { MmuLogSink, type MmuLog } from './gc/mmu-log';
import type { Time } from '../trace/parse/index';

export interface TraceAnalysis {
  annotations: TraceAnnotations;
  profiles: ProfileState;
  /** What the MMU needs, for any option set (gc/mmu.ts). */
  mmu: MmuLog;
  /** Go's time of the first event: every time here is relative to it. */
  origin: Time | null;
  end: PassEnd;
}

/** The sinks of one analysis; finish() after the pass makes the result. */
export class AnalysisSinks {
  readonly summarizer = new GoroutineSummarizer();
  // Before the summarizer: a blocking interval that ends with its goroutine still lies in
  // the regions the summarizer is about to close.
  readonly profiles = new ProfileSink(this.summarizer);
  readonly mmu = new MmuLogSink();

  get sinks(): EventSink[] {
    return [this.profiles, this.summarizer, this.mmu];
  }

  finish(end: PassEnd): TraceAnalysis {
    return { annotations: this.summarizer.finish(), profiles: this.profiles.state, mmu: this.mmu.log, origin: this.mmu.clock.originTime, end };
  }
}

export function analyseTrace(bytes: Uint8Array): TraceAnalysis {
  const a = new AnalysisSinks();
  const end = runPassSync(bytes, a.sinks);
  return a.finish(end);
}

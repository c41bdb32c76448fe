// Every analysis of a trace from one pass over its events (event-pass.ts): what the parse
// worker computes for an open trace, and what the CLI and the conformance checks call.

import { type ChunkSource, runPassChunksToEnd } from './event-pass-stream';
import { type GoRelease, NEWEST_GO } from '../trace/go/strconv';
import { runPassSync, type EventSink, type PassEnd } from './event-pass';
import { GoroutineSummarizer } from './goroutines/summarizer';
import type { TraceAnnotations } from './goroutines/summary-types';
import { ProfileSink, type ProfileState } from './profiles/profile-sink';
import { MmuLogSink, type MmuLog } from './gc/mmu-log';
import type { Time } from '../trace/parse/index';
import { GcSink, type GcSummary } from './gc/gc-events';
import { triage, WaitSink, type TriageItem } from './triage';

export interface TraceAnalysis {
  annotations: TraceAnnotations;
  profiles: ProfileState;
  /** What the MMU needs, for any option set (gc/mmu.ts). */
  mmu: MmuLog;
  /** Go's time of the first event: every time here is relative to it. */
  origin: Time | null;
  gc: GcSummary;
  /** The worst spots of the trace (triage.ts). */
  triage: TriageItem[];
  end: PassEnd;
}

/** The sinks of one analysis; finish() after the pass makes the result. */
export class AnalysisSinks {
  readonly summarizer: GoroutineSummarizer;
  // Before the summarizer: a blocking interval that ends with its goroutine still lies in
  // the regions the summarizer is about to close.
  readonly profiles: ProfileSink;
  readonly mmu = new MmuLogSink();
  readonly gc = new GcSink();
  readonly waits: WaitSink;

  /** `go`: whose strconv tables quote names and messages in event texts (as that toolchain's go tool trace does). */
  constructor(go: GoRelease = NEWEST_GO) {
    this.summarizer = new GoroutineSummarizer(go);
    this.profiles = new ProfileSink(this.summarizer);
    this.waits = new WaitSink(this.profiles.state.stacks);
  }

  get sinks(): EventSink[] {
    return [this.profiles, this.summarizer, this.mmu, this.gc, this.waits];
  }

  finish(end: PassEnd): TraceAnalysis {
    const gc = this.gc.finish();
    const t: TraceAnalysis = { annotations: this.summarizer.finish(), profiles: this.profiles.finish(), mmu: this.mmu.finish(), origin: this.mmu.clock.originTime, gc, triage: [], end };
    t.triage = triage(t, this.waits, gc.pauses);
    return t;
  }
}

/** analyseTrace over input in pieces (a file stream), never held whole. */
export async function analyseTraceChunks(source: ChunkSource, go: GoRelease = NEWEST_GO): Promise<TraceAnalysis> {
  const a = new AnalysisSinks(go);
  return a.finish(await runPassChunksToEnd(source, a.sinks));
}

export function analyseTrace(bytes: Uint8Array, go: GoRelease = NEWEST_GO): TraceAnalysis {
  const a = new AnalysisSinks(go);
  const end = runPassSync(bytes, a.sinks);
  return a.finish(end);
}

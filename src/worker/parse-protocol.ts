// The parse worker's contract: one discriminated union each way, shared by parse.worker.ts and
// parse-client.ts. Every request carries an id. An 'inspect' request gets, in order:
//   'inspected'   the wire layer's summary (fast: batch framing only), always first;
//   'progress'*   while Go's parser runs (only when parse was asked for);
//   'parsed'      the parser's summary and verdict;
//   'analysis-progress'* while the analyses read the events again (after 'parsed');
//   'timeline'*   the timeline model of each completed generation (built by a worker of its
//                 own, so these come before, between and after the others), then one
//                 'timeline-end', always before the terminal reply;
//   one terminal  'analysis' (the analyses' overview: goroutines, tasks, regions, GC),
//                 'cancelled', or 'failed'.
// With parse: false, 'inspected' is the terminal reply. After a parse, the worker keeps that
// trace's analyses; a 'query' naming the open request gets one 'answer' (or 'failed'). A
// 'cancel' request gets no reply of its own: the request it names ends with 'cancelled' (or
// with its result, if that was already on its way). Trace faults are not failures: a damaged trace is a summary with a verdict.
// 'failed' means the worker itself broke (a bug, or memory ran out). A file travels as its
// Blob (never read whole); bytes in memory as transferred ArrayBuffers, never copied.

import type { WireSummary } from '../trace/wire/inspect';
import type { FileKind } from '../trace/wire/file-kind';
import type { GenerationStats, SummaryProgress, TraceSummary } from '../analysis/trace-summary';
import type { TimelineChunk, TimelineLoss } from '../analysis/timeline/chunk';
import type { AnalysisAnswer, AnalysisOverview, AnalysisQuery } from '../analysis/queries';

export type ParseRequest =
  | {
      readonly id: number;
      readonly kind: 'inspect';
      /**
       * The file: a Blob or File (structured-cloned, which copies no bytes; the worker reads
       * it in slices), or bytes the page holds (a live snapshot), transferred, so the sender
       * loses them.
       */
      readonly bytes: Blob | ArrayBuffer;
      /** Also run Go's parser over the whole file after the wire summary. */
      readonly parse: boolean;
      /**
       * The page shows the timeline: on two cores or fewer its model is built at once, beside
       * Go's verdict, rather than after it (the first frame sooner, the verdict later).
       */
      readonly timelineFirst?: boolean;
    }
  | { readonly id: number; readonly kind: 'cancel'; readonly target: number }
  /** A question about the analysis of an open request's trace (target: that request's id). */
  | { readonly id: number; readonly kind: 'query'; readonly target: number; readonly query: AnalysisQuery };

/** Why the worker could not answer: never a trace fault (those are verdicts in the summaries). */
export interface ParseFailure {
  /** 'cancelled' is made on the page side, when the client ends the worker to stop a request. */
  /** 'unreadable': a gzip file that could not be decompressed (the message says why). */
  readonly code: 'internal' | 'out-of-memory' | 'cancelled' | 'unreadable';
  readonly message: string;
}

export interface ParseProgress extends SummaryProgress {
  /** The file's size, for a fraction. */
  readonly byteLength: number;
}

export type ParseReply =
  | {
      readonly id: number;
      readonly kind: 'inspected';
      readonly summary: WireSummary;
      /** The trace's size (a gzip file's decompressed size). */
      readonly byteLength: number;
      /** What the file is instead, when its header is not a readable Go trace's. */
      readonly fileKind?: FileKind;
    }
  | { readonly id: number; readonly kind: 'progress'; readonly progress: ParseProgress }
  /** The timeline model of one completed generation, its buffers transferred (not terminal). */
  | { readonly id: number; readonly kind: 'timeline'; readonly chunk: TimelineChunk }
  /** No more timeline chunks; what a damaged trace lost (null when whole). Before 'analysis'. */
  | { readonly id: number; readonly kind: 'timeline-end'; readonly loss: TimelineLoss | null }
  /** How far the analyses have read (of byteLength, the trace's size); not terminal. */
  | { readonly id: number; readonly kind: 'analysis-progress'; readonly bytesRead: number; readonly byteLength: number }
  /** The parser's summary and verdict; the analyses follow (not terminal). */
  | { readonly id: number; readonly kind: 'parsed'; readonly summary: TraceSummary }
  /** The analyses' overview, after 'parsed' (terminal for an open). */
  | { readonly id: number; readonly kind: 'analysis'; readonly overview: AnalysisOverview }
  /** The answer to a 'query' (terminal for it). */
  | { readonly id: number; readonly kind: 'answer'; readonly answer: AnalysisAnswer }
  | { readonly id: number; readonly kind: 'cancelled' }
  | { readonly id: number; readonly kind: 'failed'; readonly error: ParseFailure };

/** True for the replies that end a request. */
export function isTerminal(r: ParseReply, parse: boolean): boolean {
  return r.kind === 'analysis' || r.kind === 'answer' || r.kind === 'cancelled' || r.kind === 'failed' || (r.kind === 'inspected' && !parse);
}

export type { WireSummary, TraceSummary, GenerationStats, FileKind, AnalysisAnswer, AnalysisOverview, AnalysisQuery };

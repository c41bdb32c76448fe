// Runs the wire inspector and then Go's parser off the main thread, so a large file never
// freezes the page. The wire summary goes out first (it only walks batch headers); the full
// parse follows in chunks, posting progress and giving way to the message queue between
// chunks so a 'cancel' (another file was opened) stops it within one chunk.
// inspectTrace and runPass never throw for bad input (a damaged trace is a summary with
// an error), so a 'failed' reply means a bug or an exhausted worker.

import { inspectTrace } from '../trace/wire/inspect';
import { identifyFile } from '../trace/wire/file-kind';
import { inflatePrefix } from './inflate-prefix';
import { runPass, type PassEnd, type PassProgress } from '../analysis/event-pass';
import { SummarySink } from '../analysis/trace-summary';
import { chunkTransferables } from '../analysis/timeline/transfer';
import { AnalysisSinks, type TraceAnalysis } from '../analysis/analyse';
import { answer, overview } from '../analysis/queries';
import type { AnalysisQuery, ParseFailure, ParseProgress, ParseReply, ParseRequest } from './parse-protocol';
import { GunzipError, gunzip, isGzip } from './gunzip';
import { TimelineRun } from './timeline-runner';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage(msg: ParseReply, transfer?: Transferable[]): void;
};

/** Events per chunk of the full parse: a few milliseconds of work between looks at the queue. */
const CHUNK_EVENTS = 20_000;
/**
 * The most a gzipped trace may inflate to: the page's cap on a plain file (1 GiB, see
 * state/inspect-limits.ts), since the decompressed trace is held whole just the same.
 */
const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
/** Progress messages at most this often. */
const PROGRESS_MS = 100;

const cancelled = new Set<number>();
/** The analyses of the last trace parsed, kept for queries (one trace at a time). */
let kept: { id: number; analysis: TraceAnalysis } | null = null;
const running = new Set<number>();
/** The timeline worker of each open in flight. */
const timelines = new Map<number, TimelineRun>();

scope.onmessage = (e) => {
  const req = e.data;
  if (req.kind === 'cancel') {
    if (running.has(req.target)) cancelled.add(req.target);
    // The model stops at once; the open ends with 'cancelled' at its next look at the queue.
    timelines.get(req.target)?.cancel();
    return;
  }
  if (req.kind === 'query') {
    void query(req.id, req.target, req.query);
    return;
  }
  void run(req.id, req.bytes, req.parse);
};

/** The trace's bytes: the file's own, or, for a gzip file (by its magic bytes), decompressed. */
async function traceBytes(buffer: ArrayBuffer): Promise<Uint8Array> {
  const raw = new Uint8Array(buffer);
  return isGzip(raw) ? gunzip(raw, MAX_INFLATED_BYTES) : raw;
}

async function run(id: number, buffer: ArrayBuffer, parse: boolean): Promise<void> {
  running.add(id);
  try {
    let bytes: Uint8Array;
    try {
      bytes = await traceBytes(buffer);
    } catch (e) {
      if (!(e instanceof GunzipError)) throw e;
      scope.postMessage({ id, kind: 'failed', error: { code: 'unreadable', message: e.message } });
      return;
    }
    const byteLength = bytes.byteLength;
    const wire = inspectTrace(bytes);
    // A header that is not a readable Go trace's: say what the file is instead (a pprof
    // profile, a web page…; a gzip file is decompressed above, so this names what it held).
    const headerFault = wire.error !== null && wire.error.fault !== 'damaged';
    const fileKind = headerFault ? identifyFile(bytes, isGzip(bytes) ? await inflatePrefix(bytes) : null) : undefined;
    scope.postMessage({ id, kind: 'inspected', summary: wire, byteLength, ...(fileKind ? { fileKind } : {}) });
    if (!parse) return;
    // The timeline model costs several times the parse: it is built in a worker of its own,
    // on another core, streaming in a generation at a time, while this one reads the trace
    // for Go's verdict (the parse and the cheap summary) and then for the analyses.
    const timeline = new TimelineRun(bytes.slice().buffer, {
      chunk: (chunk) => scope.postMessage({ id, kind: 'timeline', chunk }, chunkTransferables(chunk)),
      end: (loss) => scope.postMessage({ id, kind: 'timeline-end', loss }),
    });
    timelines.set(id, timeline);
    const summary = new SummarySink();
    kept = null;
    const progress = (r: PassProgress) => ({ ...r, generations: summary.generations, byteLength });
    const first = await drive(id, runPass(bytes, [summary], CHUNK_EVENTS), progress);
    if (first === null) return;
    scope.postMessage({ id, kind: 'parsed', summary: summary.finish(first) });
    // On two cores or fewer the page's own thread needs one: the analyses wait for the model.
    if (navigator.hardwareConcurrency <= 2) await timeline.done;
    // The analyses (goroutine summaries, profiles, MMU) read the events again: they cost
    // several times the parse, and the verdict and timeline should not wait for them.
    const analysis = new AnalysisSinks();
    const second = await drive(id, runPass(bytes, analysis.sinks, CHUNK_EVENTS), null);
    if (second === null) return;
    const result = analysis.finish(second);
    kept = { id, analysis: result };
    // 'analysis' ends the open: every timeline reply must be out before it.
    await timeline.done;
    if (cancelled.has(id)) {
      scope.postMessage({ id, kind: 'cancelled' });
      return;
    }
    scope.postMessage({ id, kind: 'analysis', overview: overview(result) });
  } catch (err) {
    scope.postMessage({ id, kind: 'failed', error: failure(err) });
  } finally {
    timelines.get(id)?.cancel();
    timelines.delete(id);
    running.delete(id);
    cancelled.delete(id);
  }
}

/**
 * Runs a pass to its end in chunks, giving way to the message queue before each so a cancel is
 * seen; posts progress at most every PROGRESS_MS when `progress` says what to post. Null when
 * the open was cancelled ('cancelled' is then posted).
 */
async function drive(id: number, pass: Generator<PassProgress, PassEnd>, progress: ((p: PassProgress) => ParseProgress) | null): Promise<PassEnd | null> {
  let lastPost = 0;
  for (;;) {
    // Give way first, so a cancel sent right after the open is seen before any parsing.
    await yieldToQueue();
    if (cancelled.has(id)) {
      scope.postMessage({ id, kind: 'cancelled' });
      return null;
    }
    const r = pass.next();
    if (r.done) return r.value;
    const now = performance.now();
    if (progress !== null && now - lastPost >= PROGRESS_MS) {
      lastPost = now;
      scope.postMessage({ id, kind: 'progress', progress: progress(r.value) });
    }
  }
}

async function query(id: number, target: number, q: AnalysisQuery): Promise<void> {
  try {
    if (kept === null || kept.id !== target) {
      scope.postMessage({ id, kind: 'failed', error: { code: 'internal', message: 'that trace is no longer open in the worker' } });
      return;
    }
    const a = await answer(kept.analysis, q);
    const transfer = a.q === 'pprof' ? [a.bytes.buffer as ArrayBuffer] : [];
    scope.postMessage({ id, kind: 'answer', answer: a }, transfer);
  } catch (err) {
    scope.postMessage({ id, kind: 'failed', error: failure(err) });
  }
}

function failure(err: unknown): ParseFailure {
  const message = err instanceof Error ? err.message : String(err);
  const oom = err instanceof RangeError && /allocation|memory|Array buffer/i.test(message);
  return { code: oom ? 'out-of-memory' : 'internal', message };
}

/** A macrotask turn (MessageChannel, not setTimeout: no 4 ms clamp), so queued messages run. */
function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

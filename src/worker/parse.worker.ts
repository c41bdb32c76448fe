// Runs the wire inspector and then Go's parser off the main thread, so a large file never
// freezes the page. The wire summary goes out first (it only walks batch headers); the full
// parse follows in chunks, posting progress and giving way to the message queue between
// chunks so a 'cancel' (another file was opened) stops it within one chunk.
// inspectTrace and runPass never throw for bad input (a damaged trace is a summary with
// an error), so a 'failed' reply means a bug or an exhausted worker.

import { inspectTrace } from '../trace/wire/inspect';
import { runPass } from '../analysis/event-pass';
import { SummarySink } from '../analysis/trace-summary';
import { TimelineSink } from '../analysis/timeline/sink';
import { chunkTransferables } from '../analysis/timeline/transfer';
import { AnalysisSinks, type TraceAnalysis } from '../analysis/analyse';
import { answer, overview } from '../analysis/queries';
import type { AnalysisQuery, ParseFailure, ParseReply, ParseRequest } from './parse-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage(msg: ParseReply, transfer?: Transferable[]): void;
};

/** Events per chunk of the full parse: a few milliseconds of work between looks at the queue. */
const CHUNK_EVENTS = 20_000;
/** Progress messages at most this often. */
const PROGRESS_MS = 100;

const cancelled = new Set<number>();
/** The analyses of the last trace parsed, kept for queries (one trace at a time). */
let kept: { id: number; analysis: TraceAnalysis } | null = null;
const running = new Set<number>();

scope.onmessage = (e) => {
  const req = e.data;
  if (req.kind === 'cancel') {
    if (running.has(req.target)) cancelled.add(req.target);
    return;
  }
  if (req.kind === 'query') {
    void query(req.id, req.target, req.query);
    return;
  }
  void run(req.id, req.bytes, req.parse);
};

async function run(id: number, buffer: ArrayBuffer, parse: boolean): Promise<void> {
  running.add(id);
  try {
    const bytes = new Uint8Array(buffer);
    scope.postMessage({ id, kind: 'inspected', summary: inspectTrace(bytes), byteLength: buffer.byteLength });
    if (!parse) return;
    // One pass over the events feeds every consumer; each makes its result from how it ended.
    const summary = new SummarySink();
    kept = null;
    const analysis = new AnalysisSinks();
    // Each completed generation's timeline goes to the page at once, its buffers transferred.
    const timeline = new TimelineSink((chunk) => scope.postMessage({ id, kind: 'timeline', chunk }, chunkTransferables(chunk)));
    const pass = runPass(bytes, [summary, timeline, ...analysis.sinks], CHUNK_EVENTS);
    let lastPost = 0;
    for (;;) {
      // Give way first, so a cancel sent right after the open is seen before any parsing.
      await yieldToQueue();
      if (cancelled.has(id)) {
        scope.postMessage({ id, kind: 'cancelled' });
        return;
      }
      const r = pass.next();
      if (r.done) {
        scope.postMessage({ id, kind: 'timeline-end', loss: timeline.finish(r.value) });
        const result = analysis.finish(r.value);
        kept = { id, analysis: result };
        scope.postMessage({ id, kind: 'analysis', overview: overview(result) });
        scope.postMessage({ id, kind: 'parsed', summary: summary.finish(r.value) });
        return;
      }
      const now = performance.now();
      if (now - lastPost >= PROGRESS_MS) {
        lastPost = now;
        const progress = { ...r.value, generations: summary.generations, byteLength: buffer.byteLength };
        scope.postMessage({ id, kind: 'progress', progress });
      }
    }
  } catch (err) {
    scope.postMessage({ id, kind: 'failed', error: failure(err) });
  } finally {
    running.delete(id);
    cancelled.delete(id);
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

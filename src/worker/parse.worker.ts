// Runs the wire inspector and Go's parser off the main thread, so a large file never freezes
// the page. Both start at once, the wire walk in the slice reader's thread (inspect-blob.ts);
// the wire summary goes out first (it only walks batch headers), and the parse, in chunks,
// posts progress after it, giving way to the message queue every GIVE_WAY_MS so a 'cancel'
// (another file was opened) stops it soon.
// The file is never held whole: each pass (wire summary, parse, analyses, and the timeline
// worker's) reads the Blob again in slices, a gzip file through a DecompressionStream
// (blob-source.ts), and the reader holds one generation at a time.
// inspectTrace and runPass never throw for bad input (a damaged trace is a summary with
// an error), so a 'failed' reply means a bug or an exhausted worker.

import { identifyFile } from '../trace/wire/file-kind';
import { inflatePrefix } from './inflate-prefix';
import { type PassEnd, type PassProgress } from '../analysis/event-pass';
import { runPassChunks } from '../analysis/event-pass-stream';
import { SummarySink } from '../analysis/trace-summary';
import { chunkTransferables } from '../analysis/timeline/transfer';
import { AnalysisSinks, type TraceAnalysis } from '../analysis/analyse';
import { answer, overview } from '../analysis/queries';
import type { AnalysisQuery, ParseFailure, ParseReply, ParseRequest } from './parse-protocol';
import { isGzip } from './gunzip';
import { type BlobSource, blobIsGzip, blobSource, firstGenerationHere } from './blob-source';
import { TimelineRun, warmTimelineWorker } from './timeline-runner';
import { startSliceReader } from './slice-reader';
import { inspectBlob } from './inspect-blob';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage(msg: ParseReply, transfer?: Transferable[]): void;
};

/** Events per chunk of the full parse: a few milliseconds of work between looks at the queue. */
const CHUNK_EVENTS = 20_000;
/** Progress messages at most this often. */
const PROGRESS_MS = 100;
/**
 * A pass gives way to the message queue (a cancel) after this long, not after every chunk: each
 * turn of the queue leaves the worker idle for a while (yieldToQueue), which at every chunk
 * of 20,000 events was 0.3-0.4 s of a 60 MB trace's verdict.
 */
const GIVE_WAY_MS = 50;

const cancelled = new Set<number>();
/** Opens whose parse is dropped without a word: the wire walk already failed them. */
const abandoned = new Set<number>();
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
  void run(req.id, req.bytes, req.parse, req.timelineFirst === true);
};

// This worker is started before the first open (ParseClient.warm): so are the first
// timeline's and the slice reader.
warmTimelineWorker();
startSliceReader();

/** The start of the trace's bytes (decompressed for a gzip file), to name a file that is not a trace. */
async function prefixOf(src: BlobSource, n: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let have = 0;
  try {
    while (have < n) {
      const c = await src.pull();
      if (c === null) break;
      parts.push(c);
      have += c.length;
    }
  } catch {
    // A damaged gzip stream: what came out before the fault.
  } finally {
    src.cancel();
  }
  const out = new Uint8Array(Math.min(n, have));
  let o = 0;
  for (const p of parts) {
    if (o >= out.length) break;
    out.set(p.subarray(0, out.length - o), o);
    o += Math.min(p.length, out.length - o);
  }
  return out;
}

async function run(id: number, input: Blob | ArrayBuffer, parse: boolean, timelineFirst: boolean): Promise<void> {
  running.add(id);
  // Bytes in memory (a live snapshot) are wrapped, not copied into one more array.
  const blob = input instanceof Blob ? input : new Blob([input]);
  /** What the open reads: stopped when it ends. */
  const sources: { cancel(): void }[] = [];
  // The first generation is read here, beside the slice reader's thread (busy with the wire
  // walk), until the verdict pass has read events.
  let parsing = false;
  const plan = firstGenerationHere(() => parsing);
  const open = (gzip: boolean) => {
    const src = blobSource(blob, gzip, undefined, undefined, false, plan);
    sources.push(src);
    return src;
  };
  try {
    const gzip = await blobIsGzip(blob);
    const chunks = () => open(gzip).pull;
    // Go's verdict (the parse and the cheap summary) starts at once, beside the wire walk (in
    // the slice reader), which only looks at batch headers and is done long before it; nothing
    // of the parse is posted before the wire summary.
    const summary = new SummarySink();
    let wireOut = false;
    let byteLength = 0;
    const progress = (r: PassProgress): ParseReply | null => (wireOut ? { id, kind: 'progress', progress: { ...r, generations: summary.generations, byteLength } } : null);
    const started = (r: PassProgress) => {
      if (r.events > 0) parsing = true;
    };
    const verdict = parse ? drive(id, runPassChunks(chunks(), [summary], { every: CHUNK_EVENTS }), progress, started) : null;
    // Awaited below; if the walk throws first, its failure is the one reported.
    verdict?.catch(() => {});
    // The timeline model costs several times the parse: it is built in a worker of its own,
    // streaming in a generation at a time (it reads the same Blob itself, in slices). With a
    // core to spare it starts with the wire summary out. On two cores or fewer it would take
    // the verdict's core: it starts after the verdict, unless the page shows the timeline.
    let timeline: TimelineRun | null = null;
    const startTimeline = () => {
      timeline = new TimelineRun(blob, gzip, {
        chunk: (chunk) => scope.postMessage({ id, kind: 'timeline', chunk }, chunkTransferables(chunk)),
        end: (loss) => scope.postMessage({ id, kind: 'timeline-end', loss }),
      });
      timelines.set(id, timeline);
      return timeline;
    };
    const fewCores = navigator.hardwareConcurrency <= 2;
    const modelAtOnce = !fewCores || timelineFirst;

    const walk = inspectBlob(blob, gzip);
    sources.push(walk);
    const { wire, failure: streamFailure } = await walk.done;
    // A gzip stream that gave not even a header: nothing of a trace to show.
    if (streamFailure !== null && wire.version === null) {
      if (verdict !== null) {
        abandoned.add(id);
        await verdict;
      }
      scope.postMessage({ id, kind: 'failed', error: { code: 'unreadable', message: streamFailure } });
      return;
    }
    byteLength = wire.totalBytes;
    // A header that is not a readable Go trace's: say what the file is instead (a pprof
    // profile, a web page…; a gzip file is decompressed, so this names what it held).
    const headerFault = wire.error !== null && wire.error.fault !== 'damaged';
    let fileKind;
    if (headerFault) {
      // inflatePrefix reads up to 64 KiB of a gzip file held inside the decompressed one.
      const bytes = await prefixOf(open(gzip), 64 << 10);
      fileKind = identifyFile(bytes, isGzip(bytes) ? await inflatePrefix(bytes) : null);
    }
    scope.postMessage({ id, kind: 'inspected', summary: wire, byteLength, ...(fileKind ? { fileKind } : {}) });
    wireOut = true;
    if (verdict === null) return;
    if (modelAtOnce) startTimeline();
    kept = null;
    const first = await verdict;
    if (first === null) {
      scope.postMessage({ id, kind: 'cancelled' });
      return;
    }
    scope.postMessage({ id, kind: 'parsed', summary: summary.finish(first) });
    const model = timeline ?? startTimeline();
    // On two cores or fewer the page's own thread needs one: the analyses wait for the model.
    if (fewCores) await model.done;
    // The analyses (goroutine summaries, profiles, MMU) read the events again: they cost
    // several times the parse, and the verdict and timeline should not wait for them.
    const analysis = new AnalysisSinks();
    const analysed = (r: PassProgress): ParseReply => ({ id, kind: 'analysis-progress', bytesRead: r.bytesRead, byteLength });
    const second = await drive(id, runPassChunks(chunks(), analysis.sinks, { every: CHUNK_EVENTS }), analysed);
    if (second === null) {
      scope.postMessage({ id, kind: 'cancelled' });
      return;
    }
    const result = analysis.finish(second);
    kept = { id, analysis: result };
    // 'analysis' ends the open: every timeline reply must be out before it.
    await model.done;
    if (cancelled.has(id)) {
      scope.postMessage({ id, kind: 'cancelled' });
      return;
    }
    scope.postMessage({ id, kind: 'analysis', overview: overview(result) });
  } catch (err) {
    scope.postMessage({ id, kind: 'failed', error: failure(err) });
  } finally {
    for (const s of sources) s.cancel();
    timelines.get(id)?.cancel();
    timelines.delete(id);
    running.delete(id);
    cancelled.delete(id);
    abandoned.delete(id);
  }
}

/**
 * Runs a pass to its end in chunks, giving way to the message queue (so a cancel is seen) when
 * GIVE_WAY_MS have passed since it last did; posts progress at most every PROGRESS_MS when
 * `progress` gives something to post; `step` sees every chunk's progress. Null when the open
 * was cancelled or abandoned (the caller says so, after the wire summary).
 */
async function drive(
  id: number,
  pass: AsyncGenerator<PassProgress, PassEnd>,
  progress: (p: PassProgress) => ParseReply | null,
  step: (p: PassProgress) => void = () => {},
): Promise<PassEnd | null> {
  let lastPost = 0;
  // Give way first, so a cancel sent right after the open is seen before any parsing.
  let lastTurn = -Infinity;
  for (;;) {
    if (performance.now() - lastTurn >= GIVE_WAY_MS) {
      await yieldToQueue();
      lastTurn = performance.now();
      if (cancelled.has(id) || abandoned.has(id)) {
        void pass.return(undefined as unknown as PassEnd);
        return null;
      }
    }
    const r = await pass.next();
    if (r.done) return r.value;
    step(r.value);
    const now = performance.now();
    if (now - lastPost >= PROGRESS_MS) {
      const reply = progress(r.value);
      if (reply === null) continue;
      lastPost = now;
      scope.postMessage(reply);
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

/** The Prioritized Task Scheduling API, where the browser has it (Chromium, Firefox). */
const taskScheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options?: { priority?: string }) => Promise<void> } }).scheduler;

/**
 * A macrotask turn, so queued messages (a cancel) run first. scheduler.postTask queues the
 * task on this thread itself: a turn measured 0.3-0.4 ms in a Chromium worker, against about
 * 2 ms through a MessageChannel (its message makes a round trip through the browser's IPC) and
 * 4 ms through a nested setTimeout (clamped). Not scheduler.yield: its continuation may run
 * ahead of tasks already queued.
 */
function yieldToQueue(): Promise<void> {
  if (taskScheduler?.postTask) return taskScheduler.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

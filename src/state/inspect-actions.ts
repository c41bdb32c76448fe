// Opening a file on the first screen: drop, picker, ?url= or a live snapshot. The bytes are
// read here and transferred to the parse worker; nothing leaves the machine.

import { ParseClient, type OpenHandle } from '../worker/parse-client';
import type { AnalysisAnswer, AnalysisQuery } from '../worker/parse-protocol';
import { fileSizeProblem, MAX_POSTED_BYTES } from './inspect-limits';
import { addPending, initialParse, setInspect, useApp, type EmbedSource, type FetchInfo, type FileOrigin, type ParsedState } from './store';
import { setScreen, setTraceView } from './navigation';
import { beginTimeline, clearTimeline, timelineListener } from './timeline';

let client: ParseClient | null = null;
function parser(): ParseClient {
  if (client === null) {
    client = new ParseClient();
    client.timeline = timelineListener;
  }
  return client;
}

/** Loads the parse worker while the page is idle, ahead of the first file. */
export function warmParser(): void {
  parser().warm();
}

/** Counts a worker (or file) request as pending for the idle signal while p runs. */
export async function track<T>(p: Promise<T>): Promise<T> {
  addPending(1);
  try {
    return await p;
  } finally {
    addPending(-1);
  }
}

// Each open gets a token; a slower earlier open never overwrites a later one.
let latest = 0;
// The open whose full parse may still run: cancelled when another file is opened or closed.
let current: OpenHandle | null = null;
// The open whose analyses the worker holds (queries name it).
let analysed: number | null = null;

function cancelCurrent(): void {
  current?.cancel();
  current = null;
  clearTimeline();
}

function setParse(patch: Partial<ParsedState>): void {
  setInspect({ parse: { ...useApp.getState().inspect.parse, ...patch } });
}

/**
 * What openBlob needs of a file: a Blob, or bytes already in memory (a trace posted by an
 * embedding page, handed over without a copy).
 */
export type BlobLike = Pick<Blob, 'size' | 'arrayBuffer'>;

/**
 * Reads and inspects any Blob (a File from a drop or picker, a snapshot, or a trace sent by an
 * embedding page). `fetched`: what the server answered, for a file fetched by ?url=.
 */
export async function openBlob(
  blob: BlobLike,
  fileName: string,
  origin: FileOrigin,
  embed: EmbedSource | null = null,
  fetched: FetchInfo | null = null,
): Promise<void> {
  const token = ++latest;
  cancelCurrent();
  // A snapshot or full trace from the live recorder opens on the timeline, at its start;
  // a dropped or picked file keeps the page the URL names (a shared link's view).
  if (origin === 'snapshot' || origin === 'full-trace') setTraceView('timeline');
  else setScreen('inspect');
  const fresh = { fileName, fileSize: blob.size, origin, summary: null, fileKind: null, fetched, parse: initialParse, embed, analysis: null, analysing: false, analysisRead: null };
  // Checked before reading: past the cap the read itself could exhaust the tab's memory.
  const posted = !(blob instanceof Blob);
  const tooBig = posted ? fileSizeProblem(fileName, blob.size, MAX_POSTED_BYTES, true) : fileSizeProblem(fileName, blob.size);
  if (tooBig !== null) {
    setInspect({ ...fresh, status: 'failed', loadError: tooBig });
    return;
  }
  setInspect({ ...fresh, status: 'reading', loadError: null });
  try {
    // A real Blob (a File) goes to the worker as it is, which reads it in slices; bytes an
    // embedding page posted are read into one buffer and transferred.
    const bytes = blob instanceof Blob ? blob : await track(blob.arrayBuffer());
    if (token !== latest) return;
    setInspect({ status: 'inspecting', parse: { ...initialParse, status: 'parsing' } });
    // The wire summary is shown as soon as it arrives; Go's parser fills in its part later.
    analysed = null;
    const handle = parser().open(
      bytes,
      (progress) => {
        if (token === latest) setParse({ progress });
      },
      (analysis) => {
        if (token !== latest) return;
        if (analysis !== null) analysed = handle.id;
        setInspect({ analysis, analysing: false });
      },
      // Someone looking at the timeline wants its first frame before Go's verdict.
      useApp.getState().traceView === 'timeline',
      (fraction) => {
        if (token === latest) setInspect({ analysisRead: fraction });
      },
    );
    current = handle;
    beginTimeline(handle.id);
    const parsed = track(handle.parsed);
    parsed.catch(() => {}); // awaited below; a wire failure rejects both and is reported once
    const { summary, fileKind } = await track(handle.wire);
    if (token !== latest) return;
    setInspect({ status: 'done', summary, fileKind });
    try {
      const result = await parsed;
      if (token !== latest) return;
      setParse(result ? { status: 'done', summary: result } : { status: 'cancelled' });
      // The analyses read the events again after the verdict (parse.worker.ts).
      if (result && useApp.getState().inspect.analysis === null) setInspect({ analysing: true });
    } catch (err) {
      if (token !== latest) return;
      setParse({ status: 'failed', error: message(err) });
    } finally {
      if (current === handle) current = null;
    }
  } catch (err) {
    if (token !== latest) return;
    setInspect({ status: 'failed', loadError: `Could not read ${fileName}: ${message(err)}`, parse: initialParse, analysis: null, analysing: false, analysisRead: null });
  }
}

/**
 * Fetches a trace named by ?url=. Only same-origin URLs are fetched: the app promises that
 * opening a trace talks to no one else.
 */
export async function openUrl(raw: string): Promise<void> {
  const token = ++latest;
  let url: URL;
  try {
    url = new URL(raw, window.location.href);
  } catch {
    setInspect({ ...failed(raw), loadError: `“${raw}” is not a URL.` });
    return;
  }
  const last = url.pathname.split('/').pop() || url.pathname;
  let name: string;
  try {
    name = decodeURIComponent(last) || 'trace';
  } catch {
    // A %-escape that is not UTF-8 (decodeURIComponent throws URIError): say so instead of
    // leaving the promise to reject with nothing on the screen.
    setInspect({ ...failed(last), loadError: `“${raw}” cannot be decoded as a URL: its path has a %-escape that is not valid UTF-8.` });
    return;
  }
  if (url.origin !== window.location.origin) {
    setInspect({
      ...failed(name),
      loadError: `Only traces served by this page's own site are opened by URL; ${url.origin} is another site. Download the file and drop it here instead.`,
    });
    return;
  }
  cancelCurrent();
  setScreen('inspect');
  setInspect({
    status: 'reading',
    fileName: name,
    fileSize: null,
    origin: 'url',
    summary: null,
    loadError: null,
    fileKind: null,
    fetched: null,
    parse: initialParse,
    embed: null,
    analysis: null,
    analysing: false,
    analysisRead: null,
  });
  let res: Response;
  try {
    res = await track(fetch(url, { credentials: 'same-origin' }));
  } catch (err) {
    // fetch rejects only when no answer came: the server is down, the name does not resolve,
    // or the browser refused the request.
    if (token !== latest) return;
    setInspect({ status: 'failed', loadError: `Could not fetch ${url.href}: no answer from the server (${message(err)}). Is it running, and is the address right?` });
    return;
  }
  if (token !== latest) return;
  if (!res.ok) {
    setInspect({ status: 'failed', loadError: `Could not fetch ${url.href}: the server answered ${`${res.status} ${res.statusText}`.trim()}.` });
    return;
  }
  try {
    const blob = await track(res.blob());
    if (token !== latest) return;
    const fetched: FetchInfo = { url: res.url || url.href, status: res.status, statusText: res.statusText, contentType: res.headers.get('content-type') };
    await openBlob(blob, name, 'url', null, fetched);
  } catch (err) {
    if (token !== latest) return;
    setInspect({ status: 'failed', loadError: `Could not read ${url.href}: the download stopped (${message(err)}).` });
  }
}

/** Asks the worker about the open trace's analyses; the answer's kind matches the query's. */
export function queryAnalysis<Q extends AnalysisQuery>(q: Q): Promise<Extract<AnalysisAnswer, { q: Q['q'] }>> {
  if (analysed === null) return Promise.reject(new Error('no analysed trace is open'));
  return track(parser().query(analysed, q)) as Promise<Extract<AnalysisAnswer, { q: Q['q'] }>>;
}

export function clearInspect(): void {
  latest++;
  analysed = null;
  cancelCurrent();
  setInspect({
    status: 'empty',
    fileName: null,
    fileSize: null,
    origin: null,
    summary: null,
    loadError: null,
    fileKind: null,
    fetched: null,
    parse: initialParse,
    embed: null,
    analysis: null,
    analysing: false,
    analysisRead: null,
  });
}

function failed(name: string) {
  return {
    status: 'failed' as const,
    fileName: name,
    fileSize: null,
    origin: 'url' as const,
    summary: null,
    fileKind: null,
    fetched: null,
    parse: initialParse,
    embed: null,
    analysis: null,
    analysing: false,
    analysisRead: null,
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** For tests and the idle hook. */
export function inspectStatus(): string {
  return useApp.getState().inspect.status;
}

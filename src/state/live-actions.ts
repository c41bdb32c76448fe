// The live view's actions, as plain functions over the store: every control of the live
// screen calls one of these, and every message of the runtime worker lands here. Only this
// file (through runtime-link.ts) talks to the runtime worker.
//
// Each request counts as pending for the idle signal until its reply is applied; a reply
// that is an error is shown to the user in Go's words (protocol.ts lists them).

import { useEffect } from 'react';
import type { GoFormat, RuntimeEvent, RuntimeReply, WorkloadName, WorkloadParams } from '../worker/protocol';
import { ParseClient } from '../worker/parse-client';
import { track } from './inspect-actions';
import { spanOf } from './live-history';
import { applyEvent, applyStatus, liveError } from './live-model';
import { openRuntimeLink, type RuntimeLink, type RequestBody } from './runtime-link';
import { LIVE_SNAPSHOTS, setLive, useApp, type SnapshotEntry, type TriggerForm } from './store';

// ---- the connection ----

let link: RuntimeLink | null = null;

/** Opens the runtime worker once per page and learns its workloads and status. */
export function connect(): void {
  if (link) return;
  link = openRuntimeLink((ev) => {
    const live = useApp.getState().live;
    setLive(applyEvent(live, ev, performance.now()));
    if (ev.kind === 'triggered') void track(takeTriggered(ev));
  });
  void track(
    (async () => {
      const w = await call('Connect', { kind: 'workloads' });
      if (w?.kind !== 'workloads') return;
      const current = useApp.getState().live;
      const chosen = w.workloads.find((x) => x.name === current.workload) ?? w.workloads[0];
      setLive({ workloads: w.workloads, workload: chosen?.name ?? current.workload, params: chosen?.defaults ?? {} });
      await call('Connect', { kind: 'status' });
      setLive({ connected: true });
    })(),
  );
}

export function useLiveConnection(): void {
  useEffect(connect, []);
}

/**
 * Sends one request and applies its reply: a status to the store, an error as the alert.
 * Returns the reply (null after an error) for the callers that need its payload.
 */
function call(action: string, body: RequestBody): Promise<Exclude<RuntimeReply, { kind: 'error' }> | null> {
  if (!link) connect();
  // One pending span from the request to its reply being applied (and any resync after it).
  return track(
    (async () => {
      let reply: RuntimeReply;
      try {
        reply = await link!.request(body);
      } catch (err) {
        setLive({ error: liveError(action, 'internal', err instanceof Error ? err.message : String(err)) });
        return null;
      }
      if (reply.kind === 'error') {
        setLive({ error: liveError(action, reply.code, reply.message) });
        // An internal fault may mean the worker died (the client starts a new one on the
        // next request): ask for the status so the controls show what really runs.
        if (reply.code === 'internal' && body.kind !== 'status') await resync();
        return null;
      }
      if (reply.kind === 'ok') setLive(applyStatus(useApp.getState().live, reply.status, performance.now()));
      return reply;
    })(),
  );
}

async function resync(): Promise<void> {
  const reply = await link!.request({ kind: 'status' });
  if (reply.kind === 'ok') setLive(applyStatus(useApp.getState().live, reply.status, performance.now()));
}

export function dismissError(): void {
  setLive({ error: null });
}

// ---- the simulated runtime ----

export async function startRuntime(): Promise<void> {
  const s = useApp.getState().live;
  await call('Start runtime', { kind: 'runtime.start', workload: s.workload, seed: s.seed, go: s.go, speed: s.speed, params: s.params });
}

export async function stopRuntime(): Promise<void> {
  await call('Stop runtime', { kind: 'runtime.stop' });
}

/**
 * Changes what the runtime does; while running it is applied at once. A new workload, tuning
 * or trace format restarts the simulated program (a new clock, an empty timeline): `restart`
 * says so in a notice, with what was lost, so the timeline never empties without a word.
 */
async function configure(
  action: string,
  patch: { workload?: WorkloadName; speed?: number; params?: WorkloadParams; go?: GoFormat },
  restart?: string,
): Promise<void> {
  const before = useApp.getState().live;
  setLive(patch);
  if (!before.running) return;
  const reply = await call(action, { kind: 'runtime.configure', ...patch });
  if (reply === null || restart === undefined) return;
  const sealed = before.history.length > 0 ? before.history[before.history.length - 1].gen : 0;
  const count = new Intl.NumberFormat('en-US').format(sealed);
  const lost = sealed === 0 ? 'nothing had been sealed yet' : `the previous run’s ${count} generation${sealed === 1 ? ' is' : 's are'} gone`;
  const kept = before.snapshot ? ' Snapshots already taken are kept.' : '';
  setLive({ notice: { text: `${restart}: the simulated program restarted, so the timeline starts again and ${lost}.${kept}`, seq: ++noticeSeq } });
}

let noticeSeq = 0;

export function dismissNotice(): void {
  setLive({ notice: null });
}

export function setWorkload(name: WorkloadName): Promise<void> {
  // A new workload starts from its own defaults, not the previous one's tuning.
  const info = useApp.getState().live.workloads.find((w) => w.name === name);
  return configure('Workload', { workload: name, params: info?.defaults ?? {} }, `Now running ${info?.label ?? name}`);
}

export function setSpeed(speed: number): Promise<void> {
  return configure('Speed', { speed });
}

export function setParams(patch: WorkloadParams): Promise<void> {
  return configure('Workload parameters', { params: { ...useApp.getState().live.params, ...patch } }, 'New workload tuning');
}

export function setGoFormat(go: GoFormat): Promise<void> {
  return configure('Trace format', { go }, `Now writing the Go ${go} trace format`);
}

// ---- the flight recorder ----

/** MaxBytes / MinAge as chosen in the UI; like Go's FlightRecorderConfig they apply at Start. */
export function setRecorderLimits(p: { maxBytes?: number; minAgeMs?: number }): void {
  setLive(p);
}

export async function startRecorder(): Promise<void> {
  const s = useApp.getState().live;
  if (await call('Start recorder', { kind: 'recorder.start', maxBytes: s.maxBytes, minAgeMs: s.minAgeMs })) dismissIf('Start recorder');
}

export async function stopRecorder(): Promise<void> {
  await call('Stop recorder', { kind: 'recorder.stop' });
}

/** FlightRecorder.WriteTo: the bytes come back, are downloaded, and are read back here. */
export function takeSnapshot(): Promise<void> {
  // One pending span from the click to the read-back, so the app is never idle in between.
  return track(
    (async () => {
      const reply = await call('Snapshot', { kind: 'snapshot' });
      if (reply?.kind !== 'snapshot') return;
      dismissIf('Snapshot');
      await receiveSnapshot(reply.bytes, reply.gens);
      // WriteTo ended the generation being written: pick up the new status.
      await call('Snapshot', { kind: 'status' });
    })(),
  );
}

export async function startFullTrace(): Promise<void> {
  await call('Start full trace', { kind: 'trace.start' });
}

/** trace.Stop: the whole trace comes back and is downloaded like a snapshot. */
export function stopFullTrace(): Promise<void> {
  return track(
    (async () => {
      const reply = await call('Stop full trace', { kind: 'trace.stop' });
      if (reply?.kind !== 'trace') return;
      // The reply carries the file, not a status: ask for the status that follows trace.Stop.
      setLive({ fullTracing: false });
      await call('Stop full trace', { kind: 'status' });
      await receiveFullTrace(reply.bytes, reply.gens);
    })(),
  );
}

/** A success of the same action clears its earlier error (other errors stay until dismissed). */
function dismissIf(action: string): void {
  if (useApp.getState().live.error?.action === action) dismissError();
}

// ---- snapshot and full-trace files ----

let readBack: ParseClient | null = null;

/** Offers bytes as a real download (an object URL and a clicked <a download>). */
export function download(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Local time as 20250102-150405, for file names that sort. */
export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Keeps bytes as a Blob (downloaded at once when asked) and reads them back with the wire layer. */
async function saveAndRead(bytes: ArrayBuffer, fileName: string, downloadNow = true) {
  const blob = new Blob([bytes], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  if (downloadNow) download(url, fileName);
  readBack ??= new ParseClient();
  // The parse worker reads the Blob itself (no copy); the Blob keeps the bytes for "Open in viewer".
  const { summary } = await readBack.inspect(blob);
  return { fileName, blob, url, summary };
}

let entrySeq = 0;

/** How the snapshot came about, for its entry in the list. */
interface SnapshotOrigin {
  readonly source: SnapshotEntry['source'];
  readonly valueNs: number | null;
  readonly thresholdNs: number | null;
  readonly atNs: number;
}

/**
 * A snapshot's bytes arrived (from the Snapshot button, downloaded at once, or from a
 * trigger, kept in the list to download or open): read back, added to the bounded list as
 * the newest. Returns the entry's id.
 */
export async function receiveSnapshot(bytes: ArrayBuffer, gens: readonly number[], origin?: SnapshotOrigin): Promise<number> {
  // WriteTo's forced advance sealed the generation being written before the reply came, so
  // every generation of the snapshot is in the view history now.
  const { history, run, nowNs } = useApp.getState().live;
  const span = spanOf(history, gens);
  const o: SnapshotOrigin = origin ?? { source: 'manual', valueNs: null, thresholdNs: null, atNs: nowNs };
  const name = o.source === 'manual' ? `flightrecorder-${stamp()}.trace` : `flightrecorder-${stamp()}-${o.source}.trace`;
  const snap = await saveAndRead(bytes, name, o.source === 'manual');
  const entry: SnapshotEntry = { ...snap, gens, span, run, id: ++entrySeq, ...o };
  const { snapshots } = useApp.getState().live;
  const next = [...snapshots, entry];
  // Drop the oldest past the bound, and free their bytes.
  while (next.length > LIVE_SNAPSHOTS) URL.revokeObjectURL(next.shift()!.url);
  setLive({ snapshot: entry, snapshots: next });
  return entry.id;
}

/** A trigger fired in the worker: fetch the snapshot it took and list it, linked to its mark. */
async function takeTriggered(ev: Extract<RuntimeEvent, { kind: 'triggered' }>): Promise<void> {
  if (ev.snapshot === null) return;
  const reply = await call('Trigger', { kind: 'trigger.take', snapshot: ev.snapshot });
  if (reply?.kind !== 'snapshot') return;
  const id = await receiveSnapshot(reply.bytes, reply.gens, { source: ev.trigger, valueNs: ev.valueNs, thresholdNs: ev.thresholdNs, atNs: ev.atNs });
  const marks = useApp.getState().live.triggerMarks.map((m) => (m.atNs === ev.atNs && m.trigger === ev.trigger && m.entry === null ? { ...m, entry: id } : m));
  setLive({ triggerMarks: marks });
}

// ---- triggers and presenter mode ----

/** Changes the trigger form and sends the triggers in force to the worker at once. */
export async function setTriggers(patch: Partial<TriggerForm>): Promise<void> {
  const form = { ...useApp.getState().live.triggerForm, ...patch };
  setLive({ triggerForm: form });
  await call('Triggers', {
    kind: 'triggers.configure',
    slowRequestMs: form.slowRequestOn ? form.slowRequestMs : null,
    gcPauseMs: form.gcPauseOn ? form.gcPauseMs : null,
  });
}

/** Turns both triggers on or off together (the presenter's one key). */
export function toggleTriggers(): Promise<void> {
  const f = useApp.getState().live.triggerForm;
  const on = !(f.slowRequestOn || f.gcPauseOn);
  return setTriggers({ slowRequestOn: on, gcPauseOn: on && f.gcPauseOn });
}

export function setPresenter(on: boolean): void {
  setLive({ presenter: on });
}

export async function receiveFullTrace(bytes: ArrayBuffer, gens: readonly number[]): Promise<void> {
  const file = await saveAndRead(bytes, `flightdeck-trace-${stamp()}.trace`);
  const old = useApp.getState().live.fullTrace;
  if (old) URL.revokeObjectURL(old.url);
  setLive({ fullTrace: { ...file, gens } });
}

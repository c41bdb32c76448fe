// The live view's actions and the runtime worker's events, as plain functions over the
// store. Only this file knows the runtime worker's protocol; components call the actions.

import { useEffect } from 'react';
import { ParseClient } from '../worker/parse-client';
import { appendSealed, applyRing, clearRing, type SealedSummary } from './live-history';
import { track } from './inspect-actions';
import { setLive, useApp } from './store';

// ---- events from the runtime worker, applied to the store ----

export function onSealed(g: SealedSummary, recording: boolean): void {
  const s = useApp.getState().live;
  setLive({ history: appendSealed(s.history, g, recording), nowNs: Math.max(s.nowNs, g.endNs) });
}

export function onRing(gens: readonly number[], bytes: number): void {
  const s = useApp.getState().live;
  setLive({ history: applyRing(s.history, gens), ringBytes: bytes });
}

export function onEvicted(count: number, cause: string): void {
  const s = useApp.getState().live;
  setLive({ evictedTotal: s.evictedTotal + count, lastEviction: cause });
}

export function onRecorderStopped(): void {
  const s = useApp.getState().live;
  setLive({ recording: false, history: clearRing(s.history), ringBytes: 0 });
}

// ---- snapshot and full-trace files ----

let snapshotParser: ParseClient | null = null;

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

export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** A snapshot arrived: download it, read it back with the wire layer, keep a reference. */
export async function receiveSnapshot(bytes: ArrayBuffer): Promise<void> {
  const fileName = `flightdeck-snapshot-${stamp()}.trace`;
  const blob = new Blob([bytes], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  download(url, fileName);
  snapshotParser ??= new ParseClient();
  // The worker takes its own copy (transferred), the Blob keeps the bytes for "Open in viewer".
  const { summary } = await track(snapshotParser.inspect(bytes.slice(0)));
  const old = useApp.getState().live.snapshot;
  if (old) URL.revokeObjectURL(old.url);
  setLive({ snapshot: { fileName, blob, url, summary } });
}

export function receiveFullTrace(bytes: ArrayBuffer): void {
  const fileName = `flightdeck-full-${stamp()}.trace`;
  const blob = new Blob([bytes], { type: 'application/octet-stream' });
  const old = useApp.getState().live.fullTrace;
  if (old) URL.revokeObjectURL(old.url);
  const url = URL.createObjectURL(blob);
  setLive({ fullTrace: { fileName, blob, url } });
  download(url, fileName);
}

// ---- the connection (filled in against the runtime worker's protocol) ----

export interface WorkloadChoice {
  readonly id: string;
  readonly label: string;
}

export function workloads(): readonly WorkloadChoice[] {
  return [{ id: 'web-server', label: 'Web server' }];
}

export function useLiveConnection(): void {
  useEffect(() => {
    setLive({ connected: false, error: 'The simulated runtime is not available in this build yet.' });
  }, []);
}

export function startRuntime(): void {}
export function stopRuntime(): void {}
export function setWorkload(id: string): void {
  setLive({ workload: id });
}
export function setSpeed(speed: number): void {
  setLive({ speed });
}
export function setRecorderParams(p: { maxBytes?: number; minAgeMs?: number }): void {
  setLive(p);
}
export function startRecorder(): void {}
export function stopRecorder(): void {}
export async function takeSnapshot(): Promise<void> {}
export function startFullTrace(): void {}
export async function stopFullTrace(): Promise<void> {}

// The timeline model as the Catapult JSON document `go tool trace` serves at /jsontrace.

import { generateChrome, type ChromeModel, type ChromeView } from './generator';
import { JsonTraceWriter } from './json-writer';

export type { ChromeView, ChromeModel };

/** Streams the JSON of a view to write (chunks of text, in order). */
export function writeChromeJson(model: ChromeModel, view: ChromeView, write: (s: string) => void): void {
  const w = new JsonTraceWriter(write);
  generateChrome(model, view, w);
  w.close();
}

/** The whole JSON text as one string (small traces, tests). */
export function exportChromeJson(model: ChromeModel, view: ChromeView): string {
  const parts: string[] = [];
  writeChromeJson(model, view, (s) => parts.push(s));
  return parts.join('');
}

/** Name of the committed copy of Go's JSON for a trace file and view (testdata/traces). */
export function jsonTraceFile(traceFile: string, view: ChromeView): string {
  return `${traceFile}.jsontrace${view === 'proc' ? '' : '-' + view}.json.gz`;
}

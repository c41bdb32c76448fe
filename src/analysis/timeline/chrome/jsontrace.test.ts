// The timeline model against Go: for every committed real trace, the model exported as
// Catapult JSON holds exactly the events of Go's /jsontrace (proc view and thread view),
// committed gzipped beside the trace by the conformance step (scripts/conformance/jsontrace.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../build';
import { compareJsonTraces } from './compare';
import { exportChromeJson, jsonTraceFile } from './export';

const TRACES = resolve(__dirname, '../../../../testdata/traces');
const traces = readdirSync(TRACES).filter((f) => f.endsWith('.trace'));
const withGo = traces.filter((f) => existsSync(join(TRACES, jsonTraceFile(f, 'proc'))));

describe("timeline model equals Go's /jsontrace", () => {
  it('has Go JSON for every trace Go can view', () => {
    // Go's viewer refuses only the traces with no complete generation (damaged-v1header's
    // header names Go 1.21, whose reader then fails on the first batch).
    const refused = traces.filter((f) => !withGo.includes(f));
    expect(refused.sort()).toEqual([
      'damaged-badversion.go126.trace',
      'damaged-badversion.go127.trace',
      'damaged-flip.go126.trace',
      'damaged-flip.go127.trace',
      'damaged-v1header.go126.trace',
      'damaged-v1header.go127.trace',
    ]);
  });

  it('tells a model that differs by one microsecond in one row', () => {
    const file = 'blocking.go126.trace';
    const { model } = buildTimeline(new Uint8Array(readFileSync(join(TRACES, file))));
    const go = gunzipSync(readFileSync(join(TRACES, jsonTraceFile(file, 'proc')))).toString('utf8');
    const rows = model.chunks[0].goroutines;
    const mid = rows.offsets[rows.lanes.length - 1] - 1;
    rows.time[mid] += 1000;
    const d = compareJsonTraces(go, exportChromeJson(model, 'proc'));
    expect(d.onlyGo.length).toBeGreaterThan(0);
    expect(d.onlyOurs.length).toBeGreaterThan(0);
  });

  for (const file of withGo) {
    it(file, () => {
      const bytes = new Uint8Array(readFileSync(join(TRACES, file)));
      const { model } = buildTimeline(bytes);
      // Generations cut into many chunks (as one longer than 2^32 ns is) change nothing.
      const { model: cut } = buildTimeline(bytes, [], Math.max(1, Math.floor(model.endNs / (5 * model.generations.length))));
      expect(cut.chunks.length).toBeGreaterThan(model.chunks.length);
      expect(cut.generations).toEqual(model.generations);
      expect(exportChromeJson(cut, 'proc')).toBe(exportChromeJson(model, 'proc'));
      for (const view of ['proc', 'thread'] as const) {
        const go = gunzipSync(readFileSync(join(TRACES, jsonTraceFile(file, view)))).toString('utf8');
        const d = compareJsonTraces(go, exportChromeJson(model, view));
        expect({ view, onlyGo: d.onlyGo.slice(0, 5), onlyOurs: d.onlyOurs.slice(0, 5) }).toEqual({ view, onlyGo: [], onlyOurs: [] });
        expect(d.same).toBeGreaterThan(10);
      }
    });
  }
});

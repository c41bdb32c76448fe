// Our analyses of every committed real trace against Go's trace tool's own pages and profiles,
// recorded in testdata/analysis by scripts/regen-analysis.ts (Node only: no Go needed here).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyseTrace } from '../../src/analysis/analyse';
import { analysedTraces, capturePath } from '../regen-analysis';
import { compareAnnotations, goReleaseOf, compareMmu, compareProfiles, compareSelectedProfiles } from './analysis-compare';
import type { GoAnalysisCapture } from './go-analysis';

const TRACES = join(__dirname, '../../testdata/traces');

describe('analyses equal go tool trace', () => {
  const traces = analysedTraces();
  it('has a capture of Go for every trace Go reads', () => {
    expect(traces.length).toBeGreaterThan(40);
    for (const t of traces) expect(existsSync(capturePath(t.file)), t.file).toBe(true);
  });
  for (const t of traces) {
    it(`${t.file}: goroutines, tasks, regions`, () => {
      const cap = JSON.parse(gunzipSync(readFileSync(capturePath(t.file))).toString('utf8')) as GoAnalysisCapture;
      const result = analyseTrace(new Uint8Array(readFileSync(join(TRACES, t.file))), goReleaseOf(t.toolchain));
      const r = compareAnnotations(result.annotations, cap);
      expect(r.mismatches).toEqual([]);
      expect(r.checked).toBeGreaterThan(10);
    });
    it(`${t.file}: MMU curve and worst windows`, () => {
      const cap = JSON.parse(gunzipSync(readFileSync(capturePath(t.file))).toString('utf8')) as GoAnalysisCapture;
      const result = analyseTrace(new Uint8Array(readFileSync(join(TRACES, t.file))), goReleaseOf(t.toolchain));
      const r = compareMmu(result, cap);
      expect(r.mismatches).toEqual([]);
    });
    it(`${t.file}: blocking profiles of the trace, each goroutine group and each region type`, async () => {
      const cap = JSON.parse(gunzipSync(readFileSync(capturePath(t.file))).toString('utf8')) as GoAnalysisCapture;
      const result = analyseTrace(new Uint8Array(readFileSync(join(TRACES, t.file))), goReleaseOf(t.toolchain));
      const r = await compareProfiles(result, cap);
      expect(r.mismatches).toEqual([]);
      const s = await compareSelectedProfiles(result, cap);
      expect(s.mismatches).toEqual([]);
      expect(s.checked).toBeGreaterThan(0);
    });
  }
});

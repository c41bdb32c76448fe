// `flightdeck export --format=chrome`: the file it writes holds the events of Go's /jsontrace
// for the same trace (committed gzipped by the jsontrace conformance step); bad flags are
// usage errors; a damaged trace exports its complete generations with a warning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compareJsonTraces } from '../../analysis/timeline/chrome/compare';
import { CliError, type CliIO } from '../command';
import { readFileCapped } from '../node-io';
import { runCli } from '../run';

const TRACES = join(__dirname, '../../../testdata/traces');

function memIO() {
  const files = new Map<string, string>();
  let err = '';
  const io: CliIO = {
    out: () => undefined,
    err: (t) => void (err += t),
    readInput: async (p) => readFileCapped(p),
    writeOutput: async (p, data) => void files.set(p, new TextDecoder().decode(data)),
  };
  return { io, files, stderr: () => err };
}

async function exitCode(argv: string[], io: CliIO): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (e) {
    return e instanceof CliError ? e.exitCode : -1;
  }
}

describe('flightdeck export --format=chrome', () => {
  for (const view of ['proc', 'thread'] as const) {
    it(`writes Go's /jsontrace events (${view} view)`, async () => {
      const m = memIO();
      const flags = view === 'proc' ? [] : ['--view=thread'];
      expect(await exitCode(['export', '--format=chrome', ...flags, join(TRACES, 'syscallsteal.go126.trace'), '-o', 'out.json'], m.io)).toBe(0);
      const go = gunzipSync(readFileSync(join(TRACES, `syscallsteal.go126.trace.jsontrace${view === 'proc' ? '' : '-thread'}.json.gz`))).toString();
      const d = compareJsonTraces(go, m.files.get('out.json')!);
      expect([d.onlyGo.length, d.onlyOurs.length]).toEqual([0, 0]);
      expect(d.same).toBeGreaterThan(2000);
    });
  }

  it('refuses an unknown format or view, and a second input', async () => {
    const m = memIO();
    expect(await exitCode(['export', '--format=svg', join(TRACES, 'basic.go126.trace')], m.io)).toBe(2);
    expect(await exitCode(['export', '--format=chrome', '--view=task', join(TRACES, 'basic.go126.trace')], m.io)).toBe(2);
    expect(await exitCode(['export', '--format=chrome', 'a.trace', 'b.trace'], m.io)).toBe(2);
  });

  it('exports the complete generations of a damaged trace and warns', async () => {
    const m = memIO();
    expect(await exitCode(['export', '--format=chrome', join(TRACES, 'damaged-noend.go126.trace'), '-o', 'out.json'], m.io)).toBe(0);
    expect(m.stderr()).toMatch(/damaged .*exported its first 1 complete generations/);
    const go = gunzipSync(readFileSync(join(TRACES, 'damaged-noend.go126.trace.jsontrace.json.gz'))).toString();
    const d = compareJsonTraces(go, m.files.get('out.json')!);
    expect([d.onlyGo.length, d.onlyOurs.length]).toEqual([0, 0]);
  });

  it('fails with a clear message when no generation is complete', async () => {
    const m = memIO();
    expect(await exitCode(['export', '--format=chrome', join(TRACES, 'damaged-flip.go126.trace'), '-o', 'out.json'], m.io)).toBe(1);
  });
});

// stats and export --format=pprof on real committed traces, through the CLI's own entry point.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTrace } from '../../analysis/analyse';
import { goroutineGroups } from '../../analysis/goroutines/groups';
import { decodePprof } from '../../analysis/profiles/pprof';
import { selectProfile } from '../../analysis/profiles/select';
import type { CliIO } from '../command';
import { readFileCapped } from '../node-io';
import { runCli } from '../run';
import { writeFileSync } from 'node:fs';

const TRACES = join(__dirname, '../../../testdata/traces');
const dir = mkdtempSync(join(tmpdir(), 'flightdeck-analysis-cli-'));

function memIO() {
  let out = '';
  let err = '';
  const io: CliIO = {
    out: (t) => void (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    err: (t) => void (err += t),
    readInput: async (p) => readFileCapped(p),
    writeOutput: async (p, data) => writeFileSync(p, data),
  };
  return { io, out: () => out, err: () => err };
}

describe('flightdeck stats', () => {
  it('prints every goroutine group with its count and total time, and the task and region types', async () => {
    const file = join(TRACES, 'annotations.go126.trace');
    const m = memIO();
    expect(await runCli(['stats', file], m.io)).toBe(0);
    const a = analyseTrace(new Uint8Array(readFileSync(file))).annotations;
    const lines = m.out().split('\n');
    for (const g of goroutineGroups(a.goroutines)) {
      const line = lines.find((l) => l.startsWith(`${g.name} `));
      expect(line, g.name).toBeDefined();
      expect(line!.split(/ {2,}/).slice(1, 2)).toEqual([String(g.count)]);
    }
    expect(m.out()).toMatch(/^Tasks: 6 of 4 types$/m);
    expect(m.out()).toMatch(/^compute +main\.main\.func1\.1 +3 /m);
  });

  it('says what is wrong with a file that is not a trace', async () => {
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'hello');
    const m = memIO();
    expect(await runCli(['stats', bad], m.io)).toBe(1);
    expect(m.err()).toMatch(/^failed to parse any useful part of the trace: /);
  });
});

describe('flightdeck export --format=pprof', () => {
  it('writes each profile as a gzipped pprof that reads back to the analysis', async () => {
    const file = join(TRACES, 'blocking.go126.trace');
    const t = analyseTrace(new Uint8Array(readFileSync(file)));
    for (const kind of ['sync', 'sched', 'syscall', 'net', 'cpu'] as const) {
      const out = join(dir, `${kind}.pb.gz`);
      const m = memIO();
      expect(await runCli(['export', '--format=pprof', `--profile=${kind}`, file, '-o', out], m.io)).toBe(0);
      const bytes = new Uint8Array(readFileSync(out));
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      const p = await decodePprof(bytes);
      const want = selectProfile(t.profiles, t.annotations, kind, { by: 'all' });
      expect(p.sampleTypes).toEqual(kind === 'cpu' ? ['samples/count', 'cpu/nanoseconds'] : ['contentions/count', 'delay/nanoseconds']);
      expect(p.samples.reduce((n, s) => n + s.values[1], 0)).toBe(want.totalNs);
      expect(p.samples.length).toBe(want.records.length);
    }
  });

  it('uses Go’s words for an unknown profile type, and a usage error for a missing one', async () => {
    const file = join(TRACES, 'basic.go126.trace');
    const m = memIO();
    expect(await runCli(['export', '--format=pprof', '--profile=bogus', file, '-o', join(dir, 'x')], m.io)).toBe(1);
    expect(m.err()).toBe('unknown pprof type bogus\n');
    const n = memIO();
    expect(await runCli(['export', '--format=pprof', file], n.io)).toBe(2);
    expect(n.err()).toMatch(/needs --profile=net\|sync\|syscall\|sched\|cpu/);
    const o = memIO();
    expect(await runCli(['export', '--format=svg', file], o.io)).toBe(2);
    expect(o.err()).toMatch(/--format must be one of chrome, pprof, not "svg"/);
  });
});

// `simulate` and `record`: files written are valid traces; bad flags are usage errors (exit 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../command';
import { runCli } from '../run';
import { checkTrace } from '../../recorder/check-trace';
import { EventKind } from '../../trace/parse/event';
import { TraceReader } from '../../trace/parse/reader';

const dir = mkdtempSync(join(tmpdir(), 'flightdeck-sim-'));

function io() {
  let err = '';
  const files = new Map<string, Uint8Array>();
  const x: CliIO = {
    out: () => {},
    err: (t) => void (err += t),
    readInput: async (p) => readFileSync(p),
    writeOutput: async (p, d) => {
      files.set(p, d);
      writeFileSync(p, d);
    },
  };
  return { io: x, files, stderr: () => err };
}

/** CPU profile samples in a trace (Go's parser turns EvCPUSample into StackSample events). */
function cpuSamples(bytes: Uint8Array): number {
  const r = new TraceReader(bytes);
  let n = 0;
  for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) if (ev.kind() === EventKind.StackSample) n++;
  return n;
}

describe('simulate and record commands', () => {
  it('simulate writes a full trace Go’s parser (our port) reads, in both formats', async () => {
    for (const go of ['1.25', '1.26']) {
      const m = io();
      const out = join(dir, `sim-${go}.trace`);
      expect(await runCli(['simulate', '--workload', 'gc-heavy', '--seconds', '1.5', '--seed', '3', '--go', go, '--out', out], m.io)).toBe(0);
      const bytes = m.files.get(out)!;
      expect(new TextDecoder().decode(bytes.subarray(0, 13))).toBe(`go ${go} trace`);
      expect(checkTrace(bytes).errors).toEqual([]);
    }
  });

  it('--cpu-profile-hz sets the CPU profiling rate: 0 writes no samples, 1000 about ten times the default', async () => {
    const counts = new Map<string, number>();
    for (const hz of ['0', '100', '1000', undefined]) {
      const m = io();
      const out = join(dir, `hz-${hz ?? 'default'}.trace`);
      const argv = ['simulate', '--workload', 'gc-heavy', '--seconds', '1.2', '--seed', '4', '--go', '1.26', '--out', out];
      if (hz !== undefined) argv.push('--cpu-profile-hz', hz);
      expect(await runCli(argv, m.io)).toBe(0);
      const bytes = m.files.get(out)!;
      expect(checkTrace(bytes).errors).toEqual([]);
      counts.set(hz ?? 'default', cpuSamples(bytes));
    }
    expect(counts.get('0')).toBe(0);
    expect(counts.get('100')).toBeGreaterThan(100);
    expect(counts.get('default')).toBe(counts.get('100'));
    expect(counts.get('1000')! / counts.get('100')!).toBeGreaterThan(8);
    expect(counts.get('1000')! / counts.get('100')!).toBeLessThan(12);
  });

  it('record passes --cpu-profile-hz to the runtime (0: snapshots without samples)', async () => {
    const m = io();
    const prefix = join(dir, 'snap-hz0');
    expect(await runCli(['record', '--workload=gc-heavy', '--seconds=2', '--snapshot-at=1.5', '--cpu-profile-hz=0', `--out=${prefix}`], m.io)).toBe(0);
    const bytes = m.files.get(`${prefix}-1.trace`)!;
    expect(checkTrace(bytes, { skipClockChecks: true }).errors).toEqual([]);
    expect(cpuSamples(bytes)).toBe(0);
    const d = io();
    const dprefix = join(dir, 'snap-hz-default');
    expect(await runCli(['record', '--workload=gc-heavy', '--seconds=2', '--snapshot-at=1.5', `--out=${dprefix}`], d.io)).toBe(0);
    expect(cpuSamples(d.files.get(`${dprefix}-1.trace`)!)).toBeGreaterThan(0);
  });

  it('record writes one valid snapshot per requested time', async () => {
    const m = io();
    const prefix = join(dir, 'snap');
    expect(await runCli(['record', '--workload=spiky', '--max-bytes=300000', '--min-age=500', '--seconds=4', '--snapshot-at=1.5,3.2', `--out=${prefix}`], m.io)).toBe(0);
    for (const i of [1, 2]) {
      const bytes = m.files.get(`${prefix}-${i}.trace`)!;
      expect(checkTrace(bytes, { skipClockChecks: true }).errors).toEqual([]);
    }
    expect(m.stderr()).toMatch(/snapshot 2 at 3.2 s: \d+ bytes/);
  });

  it.each([
    [['simulate', '--seconds', '1', '--out', 'x'], /--workload is required/],
    [['simulate', '--workload', 'bogus', '--out', 'x'], /unknown workload "bogus"/],
    [['simulate', '--workload', 'idle', '--seconds', 'abc', '--out', 'x'], /--seconds must be a number/],
    [['simulate', '--workload', 'idle', '--seconds', '-1', '--out', 'x'], /--seconds must be a number from/],
    [['simulate', '--workload', 'idle', '--go', '1.24', '--out', 'x'], /--go must be 1.25 or 1.26/],
    [['simulate', '--workload', 'idle', '--seed', '1.5', '--out', 'x'], /--seed must be an integer/],
    [['simulate', '--workload', 'idle'], /--out is required/],
    [['simulate', '--workload', 'idle', '--out', 'x', 'extra'], /unexpected argument/],
    [['simulate', '--frobnicate', '1'], /unknown flag --frobnicate/],
    [['record', '--workload', 'idle', '--out', 'p'], /--snapshot-at is required/],
    [['record', '--workload', 'idle', '--seconds', '2', '--snapshot-at', '1,x', '--out', 'p'], /--snapshot-at must be a number/],
    [['record', '--workload', 'idle', '--seconds', '2', '--snapshot-at', '1.5,1', '--out', 'p'], /must not decrease/],
    [['record', '--workload', 'idle', '--seconds', '2', '--snapshot-at', '3', '--out', 'p'], /--snapshot-at must be a number from 0 to 2/],
    [['record', '--workload', 'idle', '--max-bytes', '-5', '--snapshot-at', '1', '--out', 'p'], /--max-bytes must be an integer/],
    [['record', '--workload', 'idle', '--min-age', 'soon', '--snapshot-at', '1', '--out', 'p'], /--min-age must be a number/],
    [['simulate', '--workload', 'idle', '--cpu-profile-hz=-1', '--out', 'x'], /--cpu-profile-hz must be an integer from 0 to 10000, not "-1"/],
    [['simulate', '--workload', 'idle', '--cpu-profile-hz', 'fast', '--out', 'x'], /--cpu-profile-hz must be an integer from 0 to 10000, not "fast"/],
    [['simulate', '--workload', 'idle', '--cpu-profile-hz', '99.5', '--out', 'x'], /--cpu-profile-hz must be an integer/],
    [['simulate', '--workload', 'idle', '--cpu-profile-hz', '10001', '--out', 'x'], /--cpu-profile-hz must be an integer from 0 to 10000/],
    [['simulate', '--workload', 'idle', '--cpu-profile-hz=', '--out', 'x'], /--cpu-profile-hz must be an integer/],
    [['record', '--workload', 'idle', '--cpu-profile-hz=-5', '--snapshot-at', '1', '--out', 'p'], /--cpu-profile-hz must be an integer from 0 to 10000, not "-5"/],
    [['record', '--workload', 'idle', '--cpu-profile-hz', '1e9', '--snapshot-at', '1', '--out', 'p'], /--cpu-profile-hz must be an integer from 0 to 10000/],
  ])('%j is a usage error', async (argv, re) => {
    const m = io();
    expect(await runCli(argv, m.io)).toBe(2);
    expect(m.stderr()).toMatch(re);
    expect(m.stderr()).toMatch(/usage: flightdeck/);
  });
});

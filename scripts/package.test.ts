// The package as a user installs it: `npm pack`'s build (vite.node.config.ts) gives a library
// entry that Node imports without the UI, and a `flightdeck` command that prints what the
// source CLI prints.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpWire } from '../src/trace/dump/wire';
import { parsedDifference } from './lib/parsed-outcome';
import { goAnswer, loadRegressions, regressionTrace } from './lib/regressions';

const ROOT = resolve(__dirname, '..');
const TRACE = join(ROOT, 'testdata/traces/annotations.go126.trace');
let out = '';

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'flightdeck-pkg-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.node.config.ts', '--outDir', out, '--logLevel', 'error'], {
    cwd: ROOT,
  });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the built package', () => {
  it('the library entry reads a real trace in plain Node', async () => {
    const lib = await import(pathToFileURL(join(out, 'index.js')).href);
    const reader = new lib.TraceReader(new Uint8Array(readFileSync(TRACE)));
    const kinds = new Set<string>();
    let syncs = 0;
    for (let ev = reader.readEvent(); ev; ev = reader.readEvent()) {
      kinds.add(lib.EVENT_KIND_NAMES[ev.kind()]);
      if (ev.kind() === lib.EventKind.Sync) syncs++;
    }
    expect(syncs).toBeGreaterThanOrEqual(2);
    for (const k of ['TaskBegin', 'RegionBegin', 'Log', 'StateTransition']) expect(kinds).toContain(k);
    expect(typeof lib.FlightRecorder).toBe('function');
    expect(typeof lib.startTrace).toBe('function');
  });

  it('the flightdeck command dumps like the source CLI and fails like Go', () => {
    const cli = join(out, 'cli.js');
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const ok = spawnSync(process.execPath, [cli, 'dump', '--mode=wire', TRACE], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(dumpWire(new Uint8Array(readFileSync(TRACE))).stdout);
    const bad = spawnSync(process.execPath, [cli, 'dump', '--mode=wire', join(ROOT, 'package.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('bad file format: not a Go execution trace?\n');
  });

  it("the flightdeck command gives Go's answer, byte for byte, for each committed regression", () => {
    const cli = join(out, 'cli.js');
    const own = loadRegressions().filter((r) => r.where === 'testdata');
    // One of them has a damaged string in Go's error message: its raw byte 0xC3 must reach
    // stderr as it is (not U+FFFD's three bytes).
    expect(own.some((r) => r.go.stderr !== null && /[\x80-\xff]/.test(goAnswer(r).stderr))).toBe(true);
    for (const r of own) {
      expect(regressionTrace(r)).not.toBeNull();
      const p = spawnSync(process.execPath, [cli, 'dump', '--mode=parsed', `--go=${r.goVersion.replace(/^go(\d+\.\d+).*$/, '$1')}`, join(ROOT, 'testdata/regressions', r.file)], {
        env: { ...process.env, TZ: 'UTC' },
        maxBuffer: 1 << 28,
      });
      const ours = { exitCode: p.status ?? -1, stdout: new Uint8Array(p.stdout), stderr: p.stderr.toString('latin1') };
      expect(parsedDifference(goAnswer(r), ours), r.file).toBeNull();
    }
  });
});

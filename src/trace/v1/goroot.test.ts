// Go's own Go 1.11–1.21 test traces (Go 1.11, 1.19 and 1.21; in the Go toolchain's source,
// $GOROOT/src/internal/trace/internal/tracev1/testdata), read from GOROOT because they are
// not ours to commit. testdata/goroot-dumps.json holds the SHA-256 of every distinct output
// `go tool trace -d=parsed` gave for each of them over many runs (Go's output varies between
// runs; scripts/conformance/v1.ts records and re-checks it against a live Go): our dump must
// be byte-identical to one of them. Without `go` on PATH these checks cannot run, and say so.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpParsed } from '../dump/parsed';
import { EventKind } from '../parse/event';
import { eventString } from '../parse/event-string';
import { TraceReader } from '../parse/reader';
import { Validator } from '../parse/validator';

interface Recorded {
  sha256: string;
  go: string;
  runs: number;
  outputs: { sha256: string; runs: number }[];
}

const RECORDED = JSON.parse(readFileSync(join(__dirname, 'testdata/goroot-dumps.json'), 'utf8')) as Record<string, Recorded>;
const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

function gorootTraces(): string | null {
  const r = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const dir = join(r.stdout.trim(), 'src/internal/trace/internal/tracev1/testdata');
  return existsSync(dir) ? dir : null;
}

const DIR = gorootTraces();
const MISSING =
  '\n!!! Go is not on PATH (or its source has no internal/trace/internal/tracev1/testdata):\n' +
  "!!! Go's own Go 1.11–1.21 traces were NOT checked. Install Go to run these tests.\n";

describe("Go's Go 1.11–1.21 test traces", () => {
  if (DIR === null) {
    it('cannot run without Go (see the warning)', () => {
      console.warn(MISSING);
      expect(Object.keys(RECORDED).length).toBe(12);
    });
    return;
  }
  const files = readdirSync(DIR).sort();

  it('are the 12 traces the recorded Go outputs were made from', () => {
    expect(files).toEqual(Object.keys(RECORDED).sort());
    for (const f of files) expect(sha(readFileSync(join(DIR, f))), f).toBe(RECORDED[f].sha256);
  });

  for (const f of files) {
    it(`${f}: dump byte-identical to one of Go's runs, every event valid`, () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, f)));
      const d = dumpParsed(bytes);
      expect(d.stderr).toBe('');
      expect(d.exitCode).toBe(0);
      const rec = RECORDED[f];
      expect(rec.outputs.map((o) => o.sha256), `not one of the ${rec.outputs.length} outputs Go gave`).toContain(sha(d.stdout));
      const r = new TraceReader(bytes);
      expect(r.version).toBe(Number(/_1_(\d+)_/.exec(f)![1]));
      const v = new Validator(r.version);
      const problems: string[] = [];
      for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) problems.push(...v.event(ev));
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }

  it('user_task_region_1_21_good: the regions, task and log Go names (as Go\'s TestTraceV1)', () => {
    const r = new TraceReader(new Uint8Array(readFileSync(join(DIR, 'user_task_region_1_21_good'))));
    const kinds = new Map<string, number>();
    for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
      switch (ev.kind()) {
        case EventKind.RegionBegin:
        case EventKind.RegionEnd:
          expect(['post-existing region', 'region0', 'region1']).toContain(ev.region().type);
          break;
        case EventKind.TaskBegin:
        case EventKind.TaskEnd:
          expect(ev.task().type).toBe('task0');
          break;
        case EventKind.Log:
          expect(ev.log()).toEqual({ task: 1, category: 'key0', message: '0123456789abcdef' });
          break;
        default:
          continue;
      }
      const k = String(ev.kind());
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    expect(kinds.size).toBe(5);
  });

  it('stress_1_19_good: forEachEvent in chunks gives what readEvent gives', () => {
    const bytes = new Uint8Array(readFileSync(join(DIR, 'stress_1_19_good')));
    const a: string[] = [];
    const r1 = new TraceReader(bytes);
    for (let ev = r1.readEvent(); ev !== null; ev = r1.readEvent()) a.push(eventString(ev));
    const b: string[] = [];
    const r2 = new TraceReader(bytes);
    let chunks = 0;
    while (!r2.forEachEvent((ev) => b.push(eventString(ev)), 10_000)) chunks++;
    expect(chunks).toBeGreaterThan(5);
    expect(b).toEqual(a);
    expect(r2.offset).toBe(bytes.length);
    expect(r2.validOffset).toBe(bytes.length);
  });
});

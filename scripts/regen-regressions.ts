// Writes the hand-made regression fixtures of testdata/regressions and Go's answer for each
// (`go tool trace -d=parsed`, TZ=UTC, the local toolchain), and records Go's answer for the
// files of ../shared/conformance/regressions when that folder is there. Needs `go`.
//
//   npx tsx scripts/regen-regressions.ts
//
// The fixtures are derived byte-exactly from committed traces and from the simulated runtime
// (a fixed workload and seed), so re-running this rewrites the same bytes. Fixtures found by
// the fuzz step are added by that step (scripts/conformance/fuzz.ts), not here.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimulatedRuntime } from '../src/runtime/simulated-runtime';
import { recordTrace } from '../src/runtime/test-traces';
import { Ev } from '../src/trace/wire/specs';
import { findGoTraceTool, goParsedSync } from './lib/go-trace-tool';
import { ourParsed } from './lib/parsed-outcome';
import { regressionTrace, saveRegression, SHARED_REGRESSIONS_DIR } from './lib/regressions';
import { eventStarts, layout, replacePayload } from './lib/trace-edit';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Cuts the payload of generation `gen`'s first batch whose payload starts with `header`
 * right after the type byte of its `k`-th event (k = 1 is the first event after the header),
 * fixing the batch's size field. What Go then reads from that batch ends where a varint
 * should start: binary.ReadUvarint returns the bare io.EOF.
 */
function cutAfterEventByte(trace: Uint8Array, gen: number, header: number, k: number): { bytes: Uint8Array; offset: number } {
  const rec = layout(trace).records.find((r) => !r.endOfGeneration && Number(r.gen) === gen && r.exp < 0 && trace[r.payload] === header);
  if (!rec) throw new Error(`no batch of generation ${gen} starts with event type ${header}`);
  const payload = trace.subarray(rec.payload, rec.end);
  const starts = eventStarts(payload);
  const at = starts[k];
  if (at === undefined) throw new Error(`batch at ${rec.start} has fewer than ${k} events`);
  return { bytes: replacePayload(trace, rec, payload.slice(0, at + 1)), offset: rec.payload + at + 1 };
}

function simulated(seconds: number, go: '1.25' | '1.26'): Uint8Array {
  const rt = new SimulatedRuntime({ workload: 'idle', seed: 1, go, cpuProfileHz: 100 });
  return recordTrace(rt, seconds, go === '1.25');
}

interface Made {
  file: string;
  made: string;
  bytes: Uint8Array;
}

function handMade(): Made[] {
  const generations = new Uint8Array(readFileSync(join(ROOT, 'testdata/traces/generations.go126.trace')));
  const strings = cutAfterEventByte(generations, 2, Ev.Strings, 5);
  const cpuprofile = new Uint8Array(readFileSync(join(ROOT, 'testdata/traces/cpuprofile.go127.trace')));
  const samples = cutAfterEventByte(cpuprofile, 1, Ev.CPUSamples, 3);
  const sim125 = cutAfterEventByte(simulated(2.5, '1.25'), 2, Ev.Sync, 1);
  return [
    {
      file: 'eof-in-strings.go126.trace',
      made: `testdata/traces/generations.go126.trace with generation 2's strings batch cut after the type byte of its 5th string (payload ends at byte ${strings.offset}, size field fixed)`,
      bytes: strings.bytes,
    },
    {
      file: 'eof-in-cpu-samples.go127.trace',
      made: `testdata/traces/cpuprofile.go127.trace with generation 1's CPU samples batch cut after the type byte of its 3rd sample (payload ends at byte ${samples.offset}, size field fixed)`,
      bytes: samples.bytes,
    },
    {
      file: 'eof-in-sync.sim125.trace',
      made: `simulated runtime, workload idle, seed 1, 2.5 s, 100 Hz CPU samples, Go 1.25 format; generation 2's sync batch cut after its Frequency byte (payload ends at byte ${sim125.offset}, size field fixed)`,
      bytes: sim125.bytes,
    },
  ];
}

function main(): number {
  const tool = findGoTraceTool();
  if (typeof tool === 'string') {
    console.error(`regen-regressions: ${tool}; Go's answers cannot be recorded`);
    return 1;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'flightdeck-regressions-'));
  try {
    for (const m of handMade()) {
      const path = join(tmp, m.file);
      writeFileSync(path, m.bytes);
      const go = goParsedSync(tool, path);
      const ours = ourParsed(m.bytes, tool.version);
      saveRegression(
        { file: m.file, where: 'testdata', made: m.made, goVersion: tool.version, found: `ours: exit ${ours.exitCode}, stderr ${JSON.stringify(ours.stderr.split('\n')[0])}` },
        m.bytes,
        go,
      );
      console.log(`${m.file}: Go exit ${go.exitCode}, ${go.stdout.length} bytes of stdout, stderr ${JSON.stringify(go.stderr.split('\n')[0])}`);
    }
    let shared: string[] = [];
    try {
      shared = readdirSync(SHARED_REGRESSIONS_DIR).filter((f) => f.endsWith('.trace'));
    } catch {
      console.log(`(${SHARED_REGRESSIONS_DIR} not found: Go's answers for its files not recorded)`);
    }
    for (const file of shared) {
      const bytes = new Uint8Array(readFileSync(join(SHARED_REGRESSIONS_DIR, file)));
      const go = goParsedSync(tool, join(SHARED_REGRESSIONS_DIR, file));
      const r = saveRegression(
        { file, where: 'shared', made: `../shared/conformance/regressions/${file} (see its README)`, goVersion: tool.version, found: 'listed in ../shared/conformance/regressions/README.md' },
        bytes,
        go,
      );
      if (regressionTrace(r) === null) throw new Error(`cannot read back ${file}`);
      console.log(`shared ${file}: Go exit ${go.exitCode}, stderr ${JSON.stringify(go.stderr.split('\n')[0])}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return 0;
}

process.exit(main());

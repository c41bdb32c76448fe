// Runtime and recorder conformance, with Go as the judge: every workload preset in both
// formats, flight-recorder snapshots (default, tiny MaxBytes, tiny MinAge, beside a full
// trace) and snapshots taken by a slow-request trigger through the worker's handler, each read
// by `go tool trace -d=parsed` (must exit 0) and by x/exp's trace reader with its
// testtrace.Validator (bench/go/validate). A judge that cannot run fails the step, saying
// which: no `go`, a validator that does not build, or one that falls back to its reader-only
// checks. --no-go skips the step, loudly. Exits 1 on any failure.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BufferSink, FlightRecorder, SimulatedRuntime, startTrace, stopTrace } from '../../src/recorder/index';
import { WORKLOADS } from '../../src/runtime/index';
import { createState, fireTriggers, handleCommand, tick } from '../../src/worker/runtime-handler';
import type { RuntimeEvent } from '../../src/worker/protocol';
import { CHILDREN_AT_ONCE, runChild } from '../lib/child';
import { traceToolPath } from '../lib/go-trace-tool';
import { couldNotCompare, goOnPath, NO_GO } from '../lib/go-needed';

if (NO_GO || !goOnPath()) {
  const fail = couldNotCompare('runtime', "the simulated runtime's traces and snapshots", NO_GO ? '--no-go' : '`go` is not on PATH');
  process.exit(fail ? 1 : 0);
}

const dir = mkdtempSync(join(tmpdir(), 'flightdeck-runtime-conf-'));
const validator = join(dir, 'validate');
try {
  execFileSync('go', ['build', '-C', 'bench/go', '-o', validator, './validate'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
} catch (e) {
  const why = String((e as { stderr?: Buffer }).stderr ?? e).trim().split('\n').filter(Boolean).pop();
  couldNotCompare('runtime', "x/exp's testtrace.Validator", `bench/go/validate does not build: ${why}`);
  process.exit(1);
}
if (!existsSync(validator)) {
  couldNotCompare('runtime', "x/exp's testtrace.Validator", 'the validator binary was not written');
  process.exit(1);
}

let failed = false;

/**
 * Judgements run beside the simulation, one per core: Go's reader prints every event for
 * -d=parsed (some 20 s for a 12 MB trace), while this process simulates the next trace.
 */
const judging = new Set<Promise<boolean>>();

/**
 * Starts judging the trace once a judge is free; the verdict comes later (wrapped, so awaiting
 * judge waits for a free judge only).
 */
async function judge(name: string, bytes: Uint8Array): Promise<{ verdict: Promise<boolean> }> {
  const file = join(dir, `${name}.trace`);
  writeFileSync(file, bytes);
  while (judging.size >= CHILDREN_AT_ONCE) await Promise.race(judging);
  const verdict = judgeFile(name, file);
  judging.add(verdict);
  void verdict.finally(() => judging.delete(verdict));
  return { verdict };
}

async function judgeFile(name: string, file: string): Promise<boolean> {
  const go = await runChild(traceToolPath(process.env), ['-d=parsed', file], { keepStdout: false });
  if (go.status !== 0) {
    console.log(`  FAIL ${name}: go tool trace -d=parsed exited ${go.status}: ${go.stderr.trim().slice(0, 300)}`);
    return false;
  }
  const v = await runChild(validator, [file]);
  if (v.status !== 0) {
    console.log(`  FAIL ${name}: x/exp validator: ${(v.stdout.toString('utf8') + v.stderr).trim().slice(0, 300)}`);
    return false;
  }
  // bench/go/validate falls back to reader-only checks when it cannot build testtrace (and says
  // so on stderr): that is not the judge this step promises.
  if (v.stderr.includes('testtrace validator unavailable')) {
    console.log(`  FAIL ${name}: ${v.stderr.trim().slice(0, 300)}`);
    return false;
  }
  return true;
}

/** The number of judgements that accepted their trace. */
async function accepted(verdicts: Promise<boolean>[]): Promise<number> {
  return (await Promise.all(verdicts)).filter(Boolean).length;
}

// ---- every preset, both formats ----
const presetVerdicts: Promise<boolean>[] = [];
for (const workload of WORKLOADS) {
  for (const go of ['1.25', '1.26'] as const) {
    const rt = new SimulatedRuntime({ workload, go, seed: 77 });
    rt.advanceBy(40e6);
    const sink = new BufferSink();
    startTrace(rt, sink);
    rt.advanceBy(3.3e9);
    stopTrace(rt);
    presetVerdicts.push((await judge(`${workload}-${go}`, sink.bytes())).verdict);
  }
}

// ---- recorder snapshots ----
interface Case {
  name: string;
  workload: (typeof WORKLOADS)[number];
  maxBytes?: number;
  minAge?: number;
  withTrace?: boolean;
  at: number[];
}
const cases: Case[] = [
  { name: 'default', workload: 'busy', at: [2.5, 5.1] },
  { name: 'tiny-maxbytes', workload: 'spiky', maxBytes: 16, at: [1.2, 3.7] },
  { name: 'tiny-minage', workload: 'gc-heavy', minAge: 0.001, at: [2.2] },
  { name: 'small-ring', workload: 'busy', maxBytes: 1 << 20, minAge: 1500, at: [4.4] },
  { name: 'beside-trace', workload: 'idle', withTrace: true, at: [1.5, 3.3] },
];
const snapVerdicts: Promise<boolean>[] = [];
for (const c of cases) {
  for (const go of ['1.25', '1.26'] as const) {
    const rt = new SimulatedRuntime({ workload: c.workload, go, seed: 5 });
    const fr = new FlightRecorder(rt, { maxBytes: c.maxBytes, minAge: c.minAge });
    fr.start();
    const full = new BufferSink();
    if (c.withTrace) startTrace(rt, full);
    for (const [i, t] of c.at.entries()) {
      rt.advanceTo(t * 1e9);
      const sink = new BufferSink();
      await fr.writeTo(sink);
      snapVerdicts.push((await judge(`snap-${c.name}-${go}-${i + 1}`, sink.bytes())).verdict);
    }
    fr.stop();
    if (c.withTrace) {
      rt.advanceBy(0.7e9);
      stopTrace(rt);
      snapVerdicts.push((await judge(`full-beside-${c.name}-${go}`, full.bytes())).verdict);
    }
  }
}

// ---- snapshots taken by triggers, through the runtime worker's own handler ----
// The slow-requests workload with a "request longer than 100 ms" trigger, driven exactly as
// the worker drives it (tick, then fireTriggers): each triggered WriteTo must be a trace Go
// reads, like one taken by hand.
const triggeredVerdicts: Promise<boolean>[] = [];
for (const go of ['1.25', '1.26'] as const) {
  const events: RuntimeEvent[] = [];
  let wall = 0;
  const s = createState((e) => events.push(e), () => wall);
  const send = async (msg: Record<string, unknown>) => (await handleCommand(s, { id: 1, ...msg })).reply;
  await send({ kind: 'runtime.start', workload: 'slow-requests', seed: 11, speed: 8, go });
  await send({ kind: 'triggers.configure', slowRequestMs: 100 });
  await send({ kind: 'recorder.start' });
  const taken: number[] = [];
  for (let i = 0; i < 2000 && taken.length < 2; i++) {
    wall += 50;
    tick(s, 50);
    await fireTriggers(s);
    for (const e of events.splice(0)) if (e.kind === 'triggered' && e.snapshot !== null) taken.push(e.snapshot);
  }
  for (const [i, id] of taken.entries()) {
    const r = await send({ kind: 'trigger.take', snapshot: id });
    triggeredVerdicts.push(r.kind === 'snapshot' ? (await judge(`triggered-slow-request-${go}-${i + 1}`, new Uint8Array(r.bytes))).verdict : Promise.resolve(false));
  }
  if (taken.length < 2) {
    console.log(`  FAIL triggered snapshots ${go}: only ${taken.length} trigger(s) fired`);
    failed = true;
  }
}
// The verdicts, once every judge is done (the sections above overlap with the judging).
for (const [what, verdicts] of [
  ["presets accepted by Go's parser and x/exp's validator", presetVerdicts],
  ['snapshots accepted', snapVerdicts],
  ['triggered snapshots accepted', triggeredVerdicts],
] as const) {
  const ok = await accepted(verdicts);
  console.log(`runtime: ${ok}/${verdicts.length} ${what}`);
  if (ok !== verdicts.length) failed = true;
}

rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);

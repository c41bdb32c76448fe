// The wire layer's conformance checks, shared by scripts/conformance/wire.ts and the vitest
// suite: Go's golden text traces must dump (-d=wire) to themselves, Go's fuzz seeds must be
// read without anything but the wire layer's own errors, and committed Go dumps of real
// traces under testdata/traces (listed in its manifest.json) must equal ours.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dumpFootprint } from '../../src/trace/dump/footprint';
import { dumpWire } from '../../src/trace/dump/wire';
import { textToBinary } from '../../src/trace/wire/convert';
import { WireError } from '../../src/trace/wire/errors';
import { inspectTrace } from '../../src/trace/wire/inspect';
import { RawReader } from '../../src/trace/wire/raw';
import { decodeFuzzSeed } from './fuzz-corpus';
import { parseGoldenTest } from './golden';
import { GO_FUZZ_SEEDS, GO_GOLDEN_TESTS, REPO_ROOT, requireGoSuite } from './go-suite';

export { REPO_ROOT };
export const TESTDATA_TRACES = resolve(REPO_ROOT, 'testdata/traces');

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** The golden tests' traces as binaries, converted by our text reader and raw writer. */
export function goldenBinaries(): { name: string; text: string; binary: Uint8Array }[] {
  requireGoSuite();
  const dir = GO_GOLDEN_TESTS;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test'))
    .sort()
    .map((f) => {
      const { trace } = parseGoldenTest(readFileSync(join(dir, f), 'latin1'));
      return { name: f, text: trace, binary: textToBinary(new Uint8Array(Buffer.from(trace, 'latin1'))) };
    });
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const line = a.slice(0, i).split('\n').length;
  return `first difference at line ${line}: ours ${JSON.stringify(a.slice(i, i + 60))}, want ${JSON.stringify(b.slice(i, i + 60))}`;
}

export function checkWireGolden(): CheckResult[] {
  return goldenBinaries().map(({ name, text, binary }) => {
    const want = text.slice(text.indexOf('\n') + 1);
    const got = dumpWire(binary);
    if (got.exitCode !== 0) return { name, ok: false, detail: `exit ${got.exitCode}: ${got.stderr.trim()}` };
    return got.stdout === want ? { name, ok: true, detail: '' } : { name, ok: false, detail: firstDiff(got.stdout, want) };
  });
}

export function fuzzSeeds(): { name: string; bytes: Uint8Array }[] {
  requireGoSuite();
  const dir = GO_FUZZ_SEEDS;
  return readdirSync(dir)
    .sort()
    .map((f) => ({ name: f, bytes: decodeFuzzSeed(readFileSync(join(dir, f))) }));
}

/** Reads bytes every way the wire layer offers; only WireError may come out. */
export function exerciseWire(bytes: Uint8Array): string | null {
  try {
    const r = RawReader.open(bytes);
    for (let ev = r.next(); ev !== null; ev = r.next());
  } catch (e) {
    if (!(e instanceof WireError)) return `raw reader threw ${String(e)}`;
  }
  try {
    const s = inspectTrace(bytes);
    if (s.error && s.error.message === '') return 'inspectTrace gave an empty error message';
    dumpWire(bytes);
    dumpFootprint(bytes);
  } catch (e) {
    return `threw ${String(e)}`;
  }
  return null;
}

export function checkFuzzSeeds(): CheckResult[] {
  return fuzzSeeds().map(({ name, bytes }) => {
    const problem = exerciseWire(bytes);
    return { name, ok: problem === null, detail: problem ?? '' };
  });
}

interface ManifestDump {
  stdout: string;
  stderr: string | null;
  exitCode: number;
}

interface Manifest {
  toolchains: Record<string, string>;
  traces: {
    file: string;
    toolchain: string;
    goVersion: string;
    dumps: Record<string, ManifestDump | undefined>;
    crossDumps?: Record<string, Record<string, ManifestDump | undefined>>;
  }[];
}

/** One committed Go dump: which trace, which mode, and the Go release that printed it. */
export interface CommittedDump {
  file: string;
  mode: string;
  /** The dumping toolchain's version ("go1.26.8"), which decides how strings are quoted. */
  goVersion: string;
  /** The trace was written by another toolchain than the one that dumped it. */
  cross: boolean;
  want: ManifestDump;
}

/**
 * Every Go dump testdata/traces/manifest.json lists: each trace's dumps by the toolchain that
 * wrote it, and for programs marked cross-dump, by the other toolchains too.
 */
export function committedDumps(): CommittedDump[] {
  // Committed data: a missing manifest throws rather than checking nothing.
  const manifestPath = join(TESTDATA_TRACES, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const out: CommittedDump[] = [];
  for (const t of manifest.traces) {
    for (const [mode, want] of Object.entries(t.dumps)) if (want) out.push({ file: t.file, mode, goVersion: t.goVersion, cross: false, want });
    for (const [tag, dumps] of Object.entries(t.crossDumps ?? {})) {
      for (const [mode, want] of Object.entries(dumps)) {
        if (want) out.push({ file: t.file, mode, goVersion: manifest.toolchains[tag], cross: true, want });
      }
    }
  }
  return out;
}

/** A committed dump's stdout (as bytes, latin1 here: callers compare bytes) and stderr. */
export function readCommitted(d: CommittedDump): { stdout: Buffer; stderr: string } {
  return {
    stdout: gunzipSync(readFileSync(join(TESTDATA_TRACES, d.want.stdout))),
    stderr: d.want.stderr ? readFileSync(join(TESTDATA_TRACES, d.want.stderr), 'utf8') : '',
  };
}

/**
 * Go's committed dumps of real traces, as testdata/traces/manifest.json lists them
 * (stdout gzipped, stderr as a file, the exit code in the manifest), each compared with ours
 * made for the Go release that printed it.
 */
export function checkTestdataDumps(): CheckResult[] {
  const out: CheckResult[] = [];
  for (const d of committedDumps()) {
    const dump = d.mode === 'wire' ? dumpWire : d.mode === 'footprint' ? dumpFootprint : null;
    if (dump === null) continue;
    const bytes = new Uint8Array(readFileSync(join(TESTDATA_TRACES, d.file)));
    const want = readCommitted(d);
    const stdout = want.stdout.toString('utf8');
    const got = dump(bytes, { goVersion: d.goVersion });
    let detail = '';
    if (got.stdout !== stdout) detail = firstDiff(got.stdout, stdout);
    else if (got.stderr !== want.stderr) detail = `stderr ${JSON.stringify(got.stderr)}, want ${JSON.stringify(want.stderr)}`;
    else if (got.exitCode !== d.want.exitCode) detail = `exit ${got.exitCode}, want ${d.want.exitCode}`;
    out.push({ name: `${d.file} -d=${d.mode}${d.cross ? ` (by ${d.goVersion})` : ''}`, ok: detail === '', detail });
  }
  return out;
}

// Regression fixtures: damaged traces on which our parsed dump and `go tool trace -d=parsed`
// once disagreed, with Go's answer committed beside them (testdata/regressions, see its
// README). `npm test` checks each with Node alone (src/trace/dump/regressions.test.ts); the
// fuzz step adds the ones it finds (scripts/conformance/fuzz.ts).
//
// An entry's trace is either committed here (`where: "testdata"`) or one of the files of
// Go's conformance folder (`where: "shared"`, ../shared/conformance/regressions), which the
// project does not copy: only Go's output for it is committed, and it is checked when that
// folder is there.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GO_REGRESSIONS } from './go-suite';
import type { ParsedOutcome } from './parsed-outcome';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REGRESSIONS_DIR = join(ROOT, 'testdata', 'regressions');
export const SHARED_REGRESSIONS_DIR = GO_REGRESSIONS;
const MANIFEST = join(REGRESSIONS_DIR, 'manifest.json');

export interface Regression {
  /** File name of the trace: in testdata/regressions, or in ../shared/conformance/regressions. */
  file: string;
  where: 'testdata' | 'shared';
  sha256: string;
  /** How the trace was made. */
  made: string;
  /** The toolchain whose `go tool trace -d=parsed` gave the answer (go version's word). */
  goVersion: string;
  /** Go's answer: exit status, gzip of stdout and stderr text (files in testdata/regressions). */
  go: { exitCode: number; stdout: string; stderr: string | null };
  /** What our dump answered when the fixture was added, or why it was added. */
  found: string;
}

interface Manifest {
  comment: string;
  regressions: Regression[];
}

export function loadRegressions(): Regression[] {
  return (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest).regressions;
}

/** The trace bytes, or null for a shared file when ../shared is not beside the checkout. */
export function regressionTrace(r: Regression): Uint8Array | null {
  const path = join(r.where === 'shared' ? SHARED_REGRESSIONS_DIR : REGRESSIONS_DIR, r.file);
  if (r.where === 'shared' && !existsSync(path)) return null;
  return new Uint8Array(readFileSync(path));
}

export function goAnswer(r: Regression): ParsedOutcome {
  return {
    exitCode: r.go.exitCode,
    stdout: new Uint8Array(gunzipSync(readFileSync(join(REGRESSIONS_DIR, r.go.stdout)))),
    stderr: r.go.stderr ? readFileSync(join(REGRESSIONS_DIR, r.go.stderr), 'utf8') : '',
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Adds (or replaces, by file name) an entry and writes its files: the trace (for testdata
 * entries) and Go's output.
 */
export function saveRegression(
  entry: Omit<Regression, 'sha256' | 'go'>,
  trace: Uint8Array,
  go: ParsedOutcome,
): Regression {
  const base = entry.where === 'shared' ? `shared-${entry.file}` : entry.file;
  const r: Regression = {
    ...entry,
    sha256: sha256(trace),
    go: {
      exitCode: go.exitCode,
      stdout: `${base}.parsed.txt.gz`,
      stderr: go.stderr ? `${base}.parsed.stderr` : null,
    },
  };
  if (entry.where === 'testdata') writeFileSync(join(REGRESSIONS_DIR, entry.file), trace);
  writeFileSync(join(REGRESSIONS_DIR, r.go.stdout), gzipSync(go.stdout, { level: 9 }));
  if (r.go.stderr) writeFileSync(join(REGRESSIONS_DIR, r.go.stderr), go.stderr);
  const m: Manifest = existsSync(MANIFEST)
    ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest)
    : { comment: 'See README.md. Written by scripts/regen-regressions.ts and scripts/conformance/fuzz.ts.', regressions: [] };
  m.regressions = m.regressions.filter((x) => !(x.file === r.file && x.where === r.where));
  m.regressions.push(r);
  m.regressions.sort((a, b) => a.where.localeCompare(b.where) || a.file.localeCompare(b.file));
  writeFileSync(MANIFEST, JSON.stringify(m, null, 2) + '\n');
  return r;
}

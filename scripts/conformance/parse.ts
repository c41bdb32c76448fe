// Parser conformance, Node only: Go's golden tests (each converted trace must read to its
// expected outcome, every event passing the validator), Go's fuzz seeds (success or a typed
// error, no crash or hang), our own fixtures, Go's committed -d=parsed dumps of real traces,
// and our fixtures' recorded dumps re-checked against a live `go tool trace -d=parsed` (without
// `go` that part fails the step, unless --no-go). Exits 1 on any failure.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dumpParsed } from '../../src/trace/dump/parsed';
import { encodeGoString } from '../../src/trace/go/string';
import { TraceError } from '../../src/trace/parse/errors';
import { TraceReader } from '../../src/trace/parse/reader';
import { fixtureBinary, parseFixture, readAll } from '../../src/trace/parse/test-fixtures';
import { HeaderError } from '../../src/trace/wire/version';
import { meetsExpectation, parseGoldenTest } from '../lib/golden';
import { couldNotCompare, goOnPath, NO_GO } from '../lib/go-needed';
import { GO_GOLDEN_TESTS, goSuiteMode, goSuiteNotice } from '../lib/go-suite';
import { committedDumps, fuzzSeeds, goldenBinaries, readCommitted, REPO_ROOT, TESTDATA_TRACES } from '../lib/wire-checks';
import { traceToolPath } from '../lib/go-trace-tool';

let failed = false;

function report(label: string, verb: string, results: { name: string; problem: string | null }[]): void {
  const ok = results.filter((r) => r.problem === null).length;
  for (const r of results) if (r.problem !== null) console.log(`  FAIL ${r.name}: ${r.problem}`);
  console.log(`${label}: ${ok}/${results.length}${verb ? ' ' + verb : ''}`);
  if (ok !== results.length) failed = true;
}

if (goSuiteMode() === 'required') {
  // goldenBinaries and fuzzSeeds throw, failing the step, when the folder is missing or empty.
  report(
    'parse golden',
    '',
    goldenBinaries().map(({ name, binary }) => {
      const exp = parseGoldenTest(readFileSync(join(GO_GOLDEN_TESTS, name), 'latin1')).expect;
      const { error, invalid } = readAll(binary);
      if (invalid.length > 0) return { name, problem: `validator: ${invalid[0]}` };
      return { name, problem: meetsExpectation(exp, error) ? null : `got error ${JSON.stringify(error)}` };
    }),
  );

  report(
    'parse fuzz seeds',
    'handled',
    fuzzSeeds().map(({ name, bytes }) => {
      try {
        const r = new TraceReader(bytes);
        let n = 0;
        while (r.readEvent() !== null) if (++n > 3 * bytes.length + 100) return { name, problem: 'too many events' };
      } catch (e) {
        if (!(e instanceof TraceError || e instanceof HeaderError)) return { name, problem: `threw ${String(e)}` };
      }
      return { name, problem: null };
    }),
  );
} else {
  console.log(`parse golden, parse fuzz seeds: SKIPPED. ${goSuiteNotice()}`);
}

const FIXTURES = join(REPO_ROOT, 'src/trace/parse/testdata');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.test'))
  .sort()
  .map((f) => parseFixture(f, readFileSync(join(FIXTURES, f), 'latin1')));
const asBytes = (s: string) => Buffer.from(encodeGoString(s)).toString('latin1');

report(
  'parse fixtures',
  '',
  fixtures.map((fx) => {
    const bin = fixtureBinary(fx.trace);
    const { error } = readAll(bin);
    const ok = fx.expect.success ? error === null : error !== null && new RegExp(fx.expect.pattern).test(error);
    if (!ok) return { name: fx.name, problem: `got error ${JSON.stringify(error)}` };
    if (fx.parsed !== null && asBytes(dumpParsed(bin).stdout) !== fx.parsed) return { name: fx.name, problem: 'dump differs' };
    return { name: fx.name, problem: null };
  }),
);

// Committed data: committedDumps() throws on a missing manifest; an empty list fails.
const dumps = committedDumps().filter((d) => d.mode === 'parsed');
if (dumps.length > 0) {
  report(
    'parse testdata dumps',
    'identical to Go',
    dumps.map((d) => {
      // Quoted as the Go release that printed the dump quotes (Go 1.26 and 1.27 differ).
      const got = dumpParsed(new Uint8Array(readFileSync(join(TESTDATA_TRACES, d.file))), { goVersion: d.goVersion });
      const want = readCommitted(d);
      let problem: string | null = null;
      if (asBytes(got.stdout) !== want.stdout.toString('latin1')) problem = 'stdout differs';
      else if (got.stderr !== want.stderr) problem = `stderr ${JSON.stringify(got.stderr)}, want ${JSON.stringify(want.stderr)}`;
      else if (got.exitCode !== d.want.exitCode) problem = `exit ${got.exitCode}, want ${d.want.exitCode}`;
      return { name: d.cross ? `${d.file} by ${d.goVersion}` : d.file, problem };
    }),
  );
} else {
  console.log('parse testdata dumps: FAIL, none listed in testdata/traces/manifest.json');
  failed = true;
}

if (NO_GO || !goOnPath()) {
  if (couldNotCompare('parse', "our fixtures' recorded dumps", NO_GO ? '--no-go' : '`go` is not on PATH')) failed = true;
} else {
  const dir = mkdtempSync(join(tmpdir(), 'parse-conformance-'));
  try {
    report(
      'parse fixtures vs live go tool trace',
      'identical',
      fixtures
        .filter((fx) => fx.parsed !== null)
        .map((fx) => {
          const file = join(dir, fx.name + '.trace');
          writeFileSync(file, fixtureBinary(fx.trace));
          const go = spawnSync(traceToolPath(process.env), ['-d=parsed', file], { maxBuffer: 1 << 28 });
          return { name: fx.name, problem: go.stdout.toString('latin1') === fx.parsed ? null : 'recorded dump is not what go prints' };
        }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exit(failed ? 1 : 0);

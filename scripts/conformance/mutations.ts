// Conformance step: do the tests notice broken code? A handful of known mutations of the
// flight recorder's eviction rule (src/recorder/ring.ts, Go's runtime/trace/recorder.go) and
// of the parser's ordering (src/trace/parse, Go's internal/trace reader and ordering) are
// applied, one at a time, to a copy of the checkout; the tests that guard that code must then
// fail. The unmutated copy must pass them first.
//
// A mutation whose code is no longer found fails the step: the code moved, and the list must
// follow it (a mutation that silently stops applying would check nothing).
//
//   npx tsx scripts/conformance/mutations.ts [--verbose]

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyCheckout, vitestIn } from '../lib/checkout-copy';

interface Mutation {
  name: string;
  file: string;
  find: string;
  replace: string;
  /** The tests that must fail with it. */
  tests: string[];
}

const RING = 'src/recorder/ring.ts';
const RING_TESTS = ['src/recorder/ring.test.ts'];
// Our parser fixtures with Go's parsed dumps (go126-seq-order.test was written for the three
// ordering mutations Go's own golden tests caught and ours did not), the regression traces with
// Go's answers, and the frontier heap's own test. Cheap: no real trace is parsed whole.
const PARSE_TESTS = ['src/trace/parse/fixtures.test.ts', 'src/trace/dump/regressions.test.ts', 'src/trace/parse/cursor-heap.test.ts'];

const MUTATIONS: Mutation[] = [
  {
    name: 'ring: MinAge tested before MaxBytes (the reported cause)',
    file: RING,
    find: `      if (size > this.maxBytes) {
        cause = 'max-bytes';
        break;
      }
      // now.Sub(minTime) > MinAge, in int64 nanoseconds: exact in bigint.
      if (BigInt(nowNs) - BigInt(next[next.length - 1].minTime) > BigInt(this.minAgeNs)) {
        cause = 'min-age';
        break;
      }`,
    replace: `      // now.Sub(minTime) > MinAge, in int64 nanoseconds: exact in bigint.
      if (BigInt(nowNs) - BigInt(next[next.length - 1].minTime) > BigInt(this.minAgeNs)) {
        cause = 'min-age';
        break;
      }
      if (size > this.maxBytes) {
        cause = 'max-bytes';
        break;
      }`,
    tests: RING_TESTS,
  },
  { name: 'ring: exactly MaxBytes stops the walk (>= for >)', file: RING, find: 'if (size > this.maxBytes) {', replace: 'if (size >= this.maxBytes) {', tests: RING_TESTS },
  {
    name: 'ring: exactly MinAge old counts as older (>= for >)',
    file: RING,
    find: '> BigInt(this.minAgeNs)) {',
    replace: '>= BigInt(this.minAgeNs)) {',
    tests: RING_TESTS,
  },
  { name: 'ring: MaxBytes doubled', file: RING, find: 'if (size > this.maxBytes) {', replace: 'if (size > 2 * this.maxBytes) {', tests: RING_TESTS },
  {
    name: 'ring: the newest older generation skipped',
    file: RING,
    find: 'let i = this.ring.length - 1;',
    replace: 'let i = this.ring.length - 2;',
    tests: RING_TESTS,
  },
  {
    name: 'parser: a CPU sample wins a tie with an event',
    file: 'src/trace/parse/reader.ts',
    find: 's.time < frontier[0].ev.time',
    replace: 's.time <= frontier[0].ev.time',
    tests: PARSE_TESTS,
  },
  {
    name: 'parser: the frontier retry skips the second cursor',
    file: 'src/trace/parse/reader.ts',
    find: 'for (let i = 1; i < frontier.length; i++) {',
    replace: 'for (let i = 2; i < frontier.length; i++) {',
    tests: PARSE_TESTS,
  },
  {
    name: 'parser: output times may repeat (not forced to increase)',
    file: 'src/trace/parse/reader.ts',
    find: 'if (ev.time <= last) ev.time = i64Add(last, 1);',
    replace: 'if (ev.time < last) ev.time = last;',
    tests: PARSE_TESTS,
  },
  {
    name: 'parser: GoStart and GoUnblock ignore the goroutine sequence number',
    file: 'src/trace/parse/sched-table.ts',
    // SchedTable.stepSeq (goSeqFast): every GoStart with a thread and a P and no goroutine,
    // and every GoUnblock, goes this way (the general handlers are left for big IDs and
    // sequence numbers, and for events whose context fails anyway).
    find: 'if (seq !== prev + 1) return 0;',
    replace: 'if (seq === -1) return 0;',
    tests: PARSE_TESTS,
  },
  {
    name: 'parser: the frontier heap ordered latest first',
    file: 'src/trace/parse/cursor-heap.ts',
    find: 'return x < y ? -1 : x > y ? 1 : 0;',
    replace: 'return x < y ? 1 : x > y ? -1 : 0;',
    tests: PARSE_TESTS,
  },
];

function main(): number {
  const t0 = performance.now();
  const verbose = process.argv.includes('--verbose');
  const tmp = mkdtempSync(join(tmpdir(), 'flightdeck-mutations-'));
  let failed = false;
  try {
    const dir = copyCheckout(join(tmp, 'repo'));
    const all = [...new Set(MUTATIONS.flatMap((m) => m.tests))];
    const base = vitestIn(dir, ['run', ...all]);
    if (base.status !== 0) {
      console.log(`mutations: FAIL: the unmutated code does not pass ${all.join(' ')}:\n${base.out.slice(-2000)}`);
      return 1;
    }
    let caught = 0;
    for (const m of MUTATIONS) {
      const path = join(dir, m.file);
      const original = readFileSync(path, 'utf8');
      const at = original.indexOf(m.find);
      if (at < 0 || original.indexOf(m.find, at + 1) >= 0) {
        console.log(`  FAIL ${m.name}: its code is ${at < 0 ? 'no longer in' : 'not unique in'} ${m.file}; update scripts/conformance/mutations.ts`);
        failed = true;
        continue;
      }
      writeFileSync(path, original.slice(0, at) + m.replace + original.slice(at + m.find.length));
      const r = vitestIn(dir, ['run', ...m.tests]);
      writeFileSync(path, original);
      const failing = (/Tests\s+.*?(\d+) failed/.exec(r.out.replace(/\x1b\[[0-9;]*m/g, '')) ?? [])[1] ?? '?';
      if (r.status !== 0) {
        caught++;
        console.log(`  caught  ${m.name} (${failing} tests fail)`);
      } else {
        failed = true;
        console.log(`  FAIL    ${m.name}: ${m.tests.join(', ')} still pass with it`);
      }
      if (verbose) console.log(r.out.slice(-1500));
    }
    console.log(`mutations: ${caught}/${MUTATIONS.length} caught by the tests (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

process.exit(main());

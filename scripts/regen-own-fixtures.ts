// Writes the project's own fixtures that stand in for Go's golden files on a clone without
// ../shared (see scripts/lib/go-suite.ts), with Go's answer for each; needs `go`:
//
//   - scripts/lib/testdata/fuzz/*: Go fuzz corpus files, written by Go's own encoding
//     (scripts/go/fuzz-seed), of bytes taken from our committed traces and fixtures;
//   - src/trace/dump/testdata/fixtures/: `go tool trace -d=wire` and `-d=footprint` of every
//     parser fixture of ours (src/trace/parse/testdata/*.test, Go 1.22–1.26 formats) converted
//     to binary, with exit status and stderr in dumps.json.
//
//   npx tsx scripts/regen-own-fixtures.ts           rewrite them
//   npx tsx scripts/regen-own-fixtures.ts --check   only check that Go still gives the committed answers
//
// Everything here is derived from committed files, so a rewrite gives the same bytes.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureBinary, parseFixture } from '../src/trace/parse/test-fixtures';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_DIR = join(ROOT, 'scripts/lib/testdata/fuzz');
export const FIXTURE_DUMPS_DIR = join(ROOT, 'src/trace/dump/testdata/fixtures');
const PARSE_FIXTURES = join(ROOT, 'src/trace/parse/testdata');
const MODES = ['wire', 'footprint'] as const;
/** The footprint table is 256 rows whatever the trace: one fixture per format is enough. */
export const FOOTPRINT_FIXTURES = ['go122-cpu-samples', 'go123-goswitch', 'go125-duplicate-clock-snapshot', 'go126-experimental'];

/** The bytes each committed seed encodes: where they come from, and how many of them. */
export const SEED_SOURCES: { name: string; from: string; bytes: number | null }[] = [
  { name: 'basic-go126-600', from: 'testdata/traces/basic.go126.trace', bytes: 600 },
  { name: 'go122-cpu-samples', from: 'src/trace/parse/testdata/go122-cpu-samples.test', bytes: null },
];

/** A seed's source bytes: a prefix of a committed trace, or a fixture converted to binary. */
export function seedSource(s: (typeof SEED_SOURCES)[number]): Uint8Array {
  const file = join(ROOT, s.from);
  const bytes = s.from.endsWith('.test')
    ? fixtureBinary(parseFixture(s.from, readFileSync(file, 'latin1')).trace)
    : new Uint8Array(readFileSync(file));
  return s.bytes === null ? bytes : bytes.subarray(0, s.bytes);
}

export interface FixtureDump {
  exitCode: number;
  stderr: string;
}

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: 'local', TZ: 'UTC' };
  delete e.GODEBUG;
  delete e.GOFLAGS;
  return e;
}

function main(): number {
  const check = process.argv.includes('--check');
  const v = spawnSync('go', ['env', 'GOVERSION'], { env: env(), encoding: 'utf8' });
  if (v.error || v.status !== 0) {
    console.error('regen-own-fixtures: `go` is not usable here; Go cannot be asked');
    return 1;
  }
  const tool = spawnSync('go', ['tool', '-n', 'trace'], { env: env(), encoding: 'utf8' }).stdout.trim();
  const tmp = mkdtempSync(join(tmpdir(), 'flightdeck-own-fixtures-'));
  let problems = 0;
  const differs = (what: string, want: string | Buffer, got: string | Buffer) => {
    if (Buffer.from(want).equals(Buffer.from(got))) return;
    problems++;
    console.log(`FAIL ${what}: Go's answer differs from the committed one (re-run without --check)`);
  };
  try {
    mkdirSync(SEEDS_DIR, { recursive: true });
    for (const s of SEED_SOURCES) {
      const src = join(tmp, s.name);
      writeFileSync(src, seedSource(s));
      const out = join(tmp, `${s.name}.seed`);
      const r = spawnSync('go', ['run', join(ROOT, 'scripts/go/fuzz-seed/main.go'), src, out], { env: env(), encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`fuzz-seed: ${r.stderr}`);
      if (check) differs(`fuzz seed ${s.name}`, readFileSync(join(SEEDS_DIR, s.name)), readFileSync(out));
      else writeFileSync(join(SEEDS_DIR, s.name), readFileSync(out));
    }

    mkdirSync(FIXTURE_DUMPS_DIR, { recursive: true });
    const index: Record<string, Record<string, FixtureDump>> = {};
    const committed = check ? (JSON.parse(readFileSync(join(FIXTURE_DUMPS_DIR, 'dumps.json'), 'utf8')) as typeof index) : {};
    for (const f of readdirSync(PARSE_FIXTURES).filter((x) => x.endsWith('.test')).sort()) {
      const name = f.slice(0, -'.test'.length);
      const bin = join(tmp, `${name}.trace`);
      writeFileSync(bin, fixtureBinary(parseFixture(f, readFileSync(join(PARSE_FIXTURES, f), 'latin1')).trace));
      index[name] = {};
      for (const mode of MODES) {
        if (mode === 'footprint' && !FOOTPRINT_FIXTURES.includes(name)) continue;
        const r = spawnSync(tool, [`-d=${mode}`, bin], { env: env(), maxBuffer: 1 << 28 });
        const d: FixtureDump = { exitCode: r.status ?? -1, stderr: r.stderr.toString('utf8') };
        index[name][mode] = d;
        const path = join(FIXTURE_DUMPS_DIR, `${name}.${mode}.txt`);
        if (check) {
          differs(`${name} -d=${mode} stdout`, existsSync(path) ? readFileSync(path) : '', r.stdout);
          differs(`${name} -d=${mode} status`, JSON.stringify(committed[name]?.[mode]), JSON.stringify(d));
        } else {
          writeFileSync(path, r.stdout);
        }
      }
    }
    if (!check) writeFileSync(join(FIXTURE_DUMPS_DIR, 'dumps.json'), JSON.stringify(index, null, 2) + '\n');
    const n = Object.keys(index).length;
    console.log(`own fixtures (${v.stdout.trim()}): ${SEED_SOURCES.length} fuzz seeds, -d=wire of ${n} fixtures, -d=footprint of ${FOOTPRINT_FIXTURES.length} ${check ? `checked, ${problems} differ` : 'written'}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return problems === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());

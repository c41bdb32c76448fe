// Regenerates testdata/traces: builds every program under testdata/go with each Go toolchain,
// runs it to write a real trace, derives a few deliberately damaged traces, and records Go's
// own `go tool trace -d=wire|parsed|footprint` output for every trace, made by the same
// toolchain that wrote it. testdata/traces/manifest.json lists all of it.
//
//   npx tsx scripts/regen-testdata.ts               rebuild, re-run, re-dump everything
//   npx tsx scripts/regen-testdata.ts --dump-only   keep the committed traces, re-dump them
//   ... --only=basic,iterpull   --toolchain=go127   restrict to some programs / one toolchain
//
// Traces are nondeterministic (timestamps, scheduling), so a full run replaces the committed
// ones. Dumps are stored gzip-compressed: the parsed dumps are 20-40x the size of the trace.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { traceToolPath } from './lib/go-trace-tool';

export const DUMP_MODES = ['wire', 'parsed', 'footprint'] as const;
export type DumpMode = (typeof DUMP_MODES)[number];

/** A toolchain that writes traces and dumps them. `gotoolchain` is the GOTOOLCHAIN value. */
export interface Toolchain {
  tag: string;
  gotoolchain: string;
}
export const TOOLCHAINS: Toolchain[] = [
  { tag: 'go126', gotoolchain: 'local' },
  { tag: 'go127', gotoolchain: 'go1.27.3' },
];

export interface DumpRecord {
  /** gzip of Go's stdout, relative to testdata/traces. */
  stdout: string;
  /** Go's stderr (plain text) when it wrote any, else null. */
  stderr: string | null;
  exitCode: number;
}

export interface Damage {
  from: string;
  what: string;
  offset: number;
}

export interface TraceRecord {
  file: string;
  /** Program directory relative to the repo root, or null for a damaged trace. */
  program: string | null;
  /** How the trace was written: trace.Start, FlightRecorder.WriteTo, go test -trace, damaged. */
  kind: string;
  toolchain: string;
  goVersion: string;
  env: string[];
  bytes: number;
  sha256: string;
  damage: Damage | null;
  dumps: Record<DumpMode, DumpRecord>;
  /**
   * For programs marked `// cross-dump:`, Go's dumps of this trace made by each other toolchain
   * (by tag): where `go tool trace` output depends on the toolchain (its Unicode tables).
   */
  crossDumps?: Record<string, Record<DumpMode, DumpRecord>>;
  /** x/exp's testtrace.Validator over every event (bench/go/validate): its one output line. */
  validator: { output: string; exitCode: number } | null;
}

export interface Manifest {
  comment: string;
  toolchains: Record<string, string>;
  traces: TraceRecord[];
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// FLIGHTDECK_TRACES_DIR points a run elsewhere (the conformance step regenerates into a temp dir).
export const TRACES_DIR = process.env.FLIGHTDECK_TRACES_DIR ?? join(ROOT, 'testdata', 'traces');
export const MANIFEST = join(TRACES_DIR, 'manifest.json');
const GO_DIR = join(ROOT, 'testdata', 'go');
const MAX_TRACE = 1 << 20;

/** Environment for one toolchain: GODEBUG/GOFLAGS from the caller's shell must not leak in. */
export function goEnv(tc: Toolchain, extra: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: tc.gotoolchain };
  delete env.GODEBUG;
  delete env.GOFLAGS;
  // The parsed dump prints Sync wall-clock times in the local time zone (Event.String uses
  // time.Time.Format): pin it so the dumps do not depend on the machine.
  env.TZ = 'UTC';
  for (const kv of extra) {
    const i = kv.indexOf('=');
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}

function run(cmd: string, args: string[], opts: { cwd?: string; env: NodeJS.ProcessEnv }) {
  const r = spawnSync(cmd, args, { ...opts, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr.toString('utf8'), status: r.status ?? -1 };
}

function must(cmd: string, args: string[], opts: { cwd?: string; env: NodeJS.ProcessEnv }): string {
  const r = run(cmd, args, opts);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r.stdout.toString('utf8');
}

interface Program {
  name: string;
  kind: string;
  env: string[];
  /** Dump its traces with every toolchain, not only the one that wrote them. */
  crossDump: boolean;
}

/** Programs are the folders of testdata/go with a main.go, plus the `go test -trace` package. */
function listPrograms(): Program[] {
  const out: Program[] = [];
  for (const name of readdirSync(GO_DIR).sort()) {
    const dir = join(GO_DIR, name);
    if (name === 'internal' || !statSync(dir).isDirectory()) continue;
    if (existsSync(join(dir, 'main.go'))) {
      const src = readFileSync(join(dir, 'main.go'), 'utf8');
      const env = /^\/\/ env: (.*)$/m.exec(src)?.[1].trim().split(/\s+/) ?? [];
      const kind = /^\/\/ kind: (.*)$/m.exec(src)?.[1].trim() ?? 'trace.Start';
      out.push({ name, kind, env, crossDump: /^\/\/ cross-dump:/m.test(src) });
    } else if (readdirSync(dir).some((f) => f.endsWith('_test.go'))) {
      out.push({ name, kind: 'go test -trace', env: [], crossDump: false });
    }
  }
  return out;
}

function writeTrace(p: Program, tc: Toolchain, tmp: string, out: string): void {
  const env = goEnv(tc, p.env);
  if (p.kind === 'go test -trace') {
    must('go', ['test', '-count=1', `-trace=${out}`, '-o', join(tmp, `${p.name}-${tc.tag}.test`), `./${p.name}`], { cwd: GO_DIR, env });
    return;
  }
  const bin = join(tmp, `${p.name}-${tc.tag}`);
  must('go', ['build', '-o', bin, `./${p.name}`], { cwd: GO_DIR, env: goEnv(tc) });
  must(bin, [out], { cwd: tmp, env });
}

// ---- damaged traces -------------------------------------------------------------------------

interface Frame {
  start: number;
  payload: number;
  end: number;
  gen: number;
  endOfGen: boolean;
}

// Batch header bytes (internal/trace/tracev2/events.go).
const EV_EVENT_BATCH = 1;
const EV_EXPERIMENTAL_BATCH = 49;
const EV_END_OF_GENERATION = 52;
const EV_FREQUENCY = 8;
const EV_SYNC = 50;
const EV_CLOCK_SNAPSHOT = 51;

/** Batch framing of a Go 1.26-format trace (internal/trace/batch.go readBatch). */
function frames(b: Uint8Array): Frame[] {
  const HEADER = 16;
  const out: Frame[] = [];
  let i = HEADER;
  const uv = () => {
    let x = 0;
    let s = 1;
    for (;;) {
      const c = b[i++];
      x += (c & 0x7f) * s;
      s *= 128;
      if (c < 0x80) return x;
    }
  };
  let gen = 0;
  while (i < b.length) {
    const start = i;
    const typ = b[i++];
    if (typ === EV_END_OF_GENERATION) {
      out.push({ start, payload: i, end: i, gen, endOfGen: true });
      continue;
    }
    if (typ === EV_EXPERIMENTAL_BATCH) i++; // the experiment byte
    else if (typ !== EV_EVENT_BATCH) throw new Error(`unexpected batch byte ${typ} at ${start}`);
    gen = uv();
    uv();
    uv();
    const len = uv();
    out.push({ start, payload: i, end: i + len, gen, endOfGen: false });
    i += len;
  }
  return out;
}

interface Damaged {
  name: string;
  from: string;
  what: string;
  make(src: Uint8Array): { bytes: Uint8Array; offset: number };
}

const DAMAGED: Damaged[] = [
  {
    name: 'damaged-truncmid',
    from: 'generations',
    what: 'cut in the middle of the payload of the first batch of the second generation',
    make(src) {
      const f = frames(src).find((x) => !x.endOfGen && x.gen === frames(src)[0].gen + 1 && x.end - x.payload >= 8)!;
      const offset = f.payload + Math.floor((f.end - f.payload) / 2);
      return { bytes: src.slice(0, offset), offset };
    },
  },
  {
    name: 'damaged-noend',
    from: 'generations',
    what: 'cut just before the EndOfGeneration byte of the second generation (its batches complete)',
    make(src) {
      const f = frames(src).filter((x) => x.endOfGen)[1];
      return { bytes: src.slice(0, f.start), offset: f.start };
    },
  },
  {
    name: 'damaged-cutclean',
    from: 'generations',
    what: 'cut just after the EndOfGeneration byte of the second generation (two whole generations)',
    make(src) {
      const f = frames(src).filter((x) => x.endOfGen)[1];
      return { bytes: src.slice(0, f.end), offset: f.end };
    },
  },
  {
    name: 'damaged-flip',
    from: 'basic',
    what: 'first payload byte (an event type) of the third event batch XOR 0x40',
    make(src) {
      const f = frames(src).filter((x) => !x.endOfGen)[2];
      const bytes = src.slice();
      bytes[f.payload] ^= 0x40;
      return { bytes, offset: f.payload };
    },
  },
  {
    name: 'damaged-wallback',
    from: 'generations',
    what: 'wall-clock seconds of the second Sync batch\'s ClockSnapshot lowered (Go\'s parser accepts it; testtrace.Validator reports non-increasing wall time)',
    make(src) {
      const sync = frames(src).filter((x) => !x.endOfGen && src[x.payload] === EV_SYNC)[1];
      let i = sync.payload;
      const skip = () => {
        while (src[i++] >= 0x80);
      };
      for (;;) {
        const ev = src[i++];
        if (ev === EV_SYNC) continue;
        if (ev === EV_FREQUENCY) skip();
        else if (ev === EV_CLOCK_SNAPSHOT) break;
        else throw new Error(`unexpected event ${ev} in sync batch`);
      }
      skip(); // timestamp
      skip(); // mono
      // sec is a 5-byte varint today; lower it by 2 s, or by 128 s, without changing its length.
      const bytes = src.slice();
      if ((bytes[i] & 0x7f) >= 2) bytes[i] -= 2;
      else bytes[i + 1] -= 1;
      return { bytes, offset: i };
    },
  },
  {
    name: 'damaged-v1header',
    from: 'basic',
    what: 'header version "go 1.26" changed to "go 1.21" (the Go 1.11–1.21 format)',
    make(src) {
      const bytes = src.slice();
      bytes.set(new TextEncoder().encode('21'), 5);
      return { bytes, offset: 5 };
    },
  },
  {
    name: 'damaged-badversion',
    from: 'basic',
    what: 'header version "go 1.26" changed to "go 1.99"',
    make(src) {
      const bytes = src.slice();
      bytes.set(new TextEncoder().encode('99'), 5);
      return { bytes, offset: 5 };
    },
  },
];

// ---- dumps ----------------------------------------------------------------------------------

/** Go's dumps of file by toolchain tc; `by` names another toolchain's dumps (F.by-TAG.MODE...). */
function dumpAll(file: string, tc: Toolchain, by = ''): Record<DumpMode, DumpRecord> {
  const dumps = {} as Record<DumpMode, DumpRecord>;
  for (const mode of DUMP_MODES) {
    const env = goEnv(tc);
    const r = run(traceToolPath(env), [`-d=${mode}`, join(TRACES_DIR, file)], { env });
    const stdoutName = `${file}${by}.${mode}.txt.gz`;
    writeFileSync(join(TRACES_DIR, stdoutName), gzipSync(r.stdout, { level: 9 }));
    const stderrName = `${file}${by}.${mode}.stderr`;
    if (r.stderr.length > 0) writeFileSync(join(TRACES_DIR, stderrName), r.stderr);
    else if (existsSync(join(TRACES_DIR, stderrName))) unlinkSync(join(TRACES_DIR, stderrName));
    dumps[mode] = { stdout: stdoutName, stderr: r.stderr.length > 0 ? stderrName : null, exitCode: r.status };
  }
  return dumps;
}

/** Builds bench/go/validate (x/exp's testtrace checks); null when that is not possible here. */
function buildValidator(tmp: string): string | null {
  const bin = join(tmp, 'validate');
  const r = run('go', ['build', '-o', bin, './validate'], { cwd: join(ROOT, 'bench', 'go'), env: goEnv(TOOLCHAINS[0]) });
  if (r.status === 0) return bin;
  console.log(`bench/go/validate did not build; manifest gets no validator results:\n${r.stderr}`);
  return null;
}

function validate(bin: string, file: string): { output: string; exitCode: number } {
  const r = run(bin, [join(TRACES_DIR, file)], { env: goEnv(TOOLCHAINS[0]) });
  return { output: (r.stdout.toString('utf8') + r.stderr).trim(), exitCode: r.status };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

function main(argv: string[]): void {
  const dumpOnly = argv.includes('--dump-only');
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const tcOnly = argv.find((a) => a.startsWith('--toolchain='))?.slice(12);
  const toolchains = TOOLCHAINS.filter((t) => !tcOnly || t.tag === tcOnly);
  const old: TraceRecord[] = existsSync(MANIFEST) ? readManifest().traces : [];
  const byFile = new Map(old.map((t) => [t.file, t]));
  const versions: Record<string, string> = {};
  for (const tc of TOOLCHAINS) versions[tc.tag] = must('go', ['env', 'GOVERSION'], { env: goEnv(tc) }).trim();

  const wanted = (name: string) => !only || only.includes(name);
  const tmp = mkdtempSync(join(tmpdir(), 'flightdeck-regen-'));
  try {
    const validator = buildValidator(tmp);
    for (const tc of toolchains) {
      const records: TraceRecord[] = [];
      if (!dumpOnly) {
        for (const p of listPrograms().filter((x) => wanted(x.name))) {
          const file = `${p.name}.${tc.tag}.trace`;
          process.stdout.write(`${tc.tag} ${p.name}: `);
          writeTrace(p, tc, tmp, join(TRACES_DIR, file));
          const bytes = readFileSync(join(TRACES_DIR, file));
          console.log(`${bytes.length} bytes`);
          if (bytes.length > MAX_TRACE) throw new Error(`${file} is ${bytes.length} bytes; shrink the workload`);
          byFile.set(file, {
            file, program: `testdata/go/${p.name}`, kind: p.kind, toolchain: tc.tag, goVersion: versions[tc.tag],
            env: p.env, bytes: bytes.length, sha256: sha256(bytes), damage: null, dumps: {} as TraceRecord['dumps'], validator: null,
          });
        }
        for (const d of DAMAGED.filter((x) => wanted(x.name) || wanted(x.from))) {
          const from = `${d.from}.${tc.tag}.trace`;
          const file = `${d.name}.${tc.tag}.trace`;
          const { bytes, offset } = d.make(new Uint8Array(readFileSync(join(TRACES_DIR, from))));
          writeFileSync(join(TRACES_DIR, file), bytes);
          byFile.set(file, {
            file, program: null, kind: 'damaged', toolchain: tc.tag, goVersion: versions[tc.tag], env: [],
            bytes: bytes.length, sha256: sha256(bytes), damage: { from, what: d.what, offset }, dumps: {} as TraceRecord['dumps'],
            validator: null,
          });
        }
      }
      for (const rec of byFile.values()) {
        if (rec.toolchain !== tc.tag || !wanted(rec.file.split('.')[0])) continue;
        const bytes = readFileSync(join(TRACES_DIR, rec.file));
        rec.bytes = bytes.length;
        rec.sha256 = sha256(bytes);
        rec.goVersion = versions[tc.tag];
        rec.dumps = dumpAll(rec.file, tc);
        const prog = rec.program ? listPrograms().find((p) => `testdata/go/${p.name}` === rec.program) : undefined;
        if (prog?.crossDump) {
          rec.crossDumps = {};
          for (const other of TOOLCHAINS.filter((x) => x.tag !== tc.tag)) rec.crossDumps[other.tag] = dumpAll(rec.file, other, `.by-${other.tag}`);
        }
        rec.validator = validator ? validate(validator, rec.file) : null;
        records.push(rec);
        const codes = DUMP_MODES.map((m) => `${m}=${rec.dumps[m].exitCode}`).join(' ');
        console.log(`dumped ${rec.file} (${codes})`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const traces = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
  const manifest: Manifest = {
    comment:
      'Real Go traces and Go\'s own dumps of them, each made by the toolchain that wrote the trace. ' +
      'Regenerate with scripts/regen-testdata.sh; see testdata/README.md.',
    toolchains: versions,
    traces,
  };
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');

  // Files no longer named by the manifest are left-overs of an earlier run.
  const keep = new Set(['manifest.json']);
  for (const t of traces) {
    keep.add(t.file);
    for (const d of [t.dumps, ...Object.values(t.crossDumps ?? {})]) {
      for (const m of DUMP_MODES) {
        keep.add(d[m].stdout);
        if (d[m].stderr) keep.add(d[m].stderr!);
      }
    }
  }
  for (const f of readdirSync(TRACES_DIR)) if (!keep.has(f)) unlinkSync(join(TRACES_DIR, f));
  console.log(`manifest: ${traces.length} traces`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));

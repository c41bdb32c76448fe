// Memory of streamed input against whole-file reading, on a large trace of the busy workload
// (bench/go/busy, about 1 GB by default, made once and kept in --traces=DIR). Each read runs in
// a fresh process (bench/stream-once.ts), streamed and whole interleaved: a forEachEvent-only
// pass, and the analyses `flightdeck stats` runs. Printed: the file's size, its largest
// generation (what the streamed reader holds at most), and per mode the peak RSS and time,
// best and median over the rounds.
//
// Flags: --mb=N (trace size, default 1000), --rounds=N (default 2), --traces=DIR (default
// bench/out/traces), --no-stats (the forEachEvent pass only).

import { spawnSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChunkFeeder } from '../src/trace/wire/chunk-feeder';
import { inspectStream } from '../src/trace/wire/inspect-stream';
import { benchTrace, haveGo } from './lib/bench-traces';
import { flag, median } from './bench-traces';

const ROOT = resolve(import.meta.dirname, '..');
const MiB = 1 << 20;
const mb = Number(flag('mb') ?? 1000);
const rounds = Number(flag('rounds') ?? 2);
const dir = resolve(flag('traces') ?? join(ROOT, 'bench/out/traces'));
const modes = process.argv.includes('--no-stats') ? ['parse-whole', 'parse-streamed'] : ['parse-whole', 'parse-streamed', 'stats-whole', 'stats-streamed'];

interface Run {
  events: number;
  seconds: number;
  maxrss: number;
}

function once(mode: string, file: string): Run {
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', join(ROOT, 'bench/stream-once.ts'), mode, file], { encoding: 'utf8', cwd: ROOT });
  const m = /events=(\d+) bytes=(\d+) seconds=([\d.]+) maxrss=(\d+)/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`${mode} failed: ${(r.stderr || r.stdout).trim().slice(0, 500)}`);
  return { events: +m[1], seconds: +m[3], maxrss: +m[4] };
}

if (!haveGo()) {
  console.log('stream bench: needs go on PATH (it makes its trace with bench/go/busy); skipped');
} else {
  const file = benchTrace(dir, 'busy', mb);
  const size = statSync(file).size;
  const wire = await inspectStream(new ChunkFeeder(createReadStream(file, { highWaterMark: 8 * MiB }) as AsyncIterable<Uint8Array>));
  const largest = Math.max(...wire.generations.map((g) => g.bytes));
  const results = new Map<string, Run[]>(modes.map((m) => [m, []]));
  for (let round = 0; round < rounds; round++) {
    // Alternate which side goes first.
    const order = round % 2 === 0 ? modes : [...modes].reverse();
    for (const m of order) results.get(m)!.push(once(m, file));
    console.log(`round ${round + 1}/${rounds} done`);
  }
  console.log(`\nstream: ${file}`);
  console.log(`  file ${(size / MiB).toFixed(0)} MiB, ${wire.generations.length} generations, largest ${(largest / MiB).toFixed(1)} MiB${wire.error ? `, damaged: ${wire.error.message}` : ''}`);
  for (const [m, runs] of results) {
    const rss = runs.map((r) => r.maxrss / MiB);
    const secs = runs.map((r) => r.seconds);
    console.log(
      `  ${m.padEnd(15)} peak RSS best ${Math.min(...rss).toFixed(0)} MiB median ${median(rss).toFixed(0)} MiB   ` +
        `time best ${Math.min(...secs).toFixed(1)} s median ${median(secs).toFixed(1)} s   ${runs[0].events} events`,
    );
  }
  for (const kind of ['parse', 'stats']) {
    const w = results.get(`${kind}-whole`);
    const s = results.get(`${kind}-streamed`);
    if (!w || !s) continue;
    if (w[0].events !== s[0].events) console.log(`  ${kind}: EVENT COUNTS DIFFER`);
    console.log(`  ${kind}: streamed peak RSS is ${((median(s.map((r) => r.maxrss)) / median(w.map((r) => r.maxrss))) * 100).toFixed(0)}% of whole (median)`);
  }
}

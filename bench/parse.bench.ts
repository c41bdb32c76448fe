// Parser speed against Go's own reader on the same files in the same run: every round runs
// our forEachEvent (bench/parse-once.ts) and golang.org/x/exp/trace (bench/go/xexpparse), each
// in a fresh process, in alternating order, on each bench trace (a busy workload and an HTTP
// server under load; bench/bench-traces.ts). Each side times the parse alone, the file already
// in memory. A fresh process per run is what a user gets: one parse, JIT warm-up included.
//
// Printed per trace and side: best and median wall time and CPU time (all threads, Go's
// concurrent collector included) over the rounds, MB/s at best, peak RSS; then the ratio
// x/exp time / our time (above 1: we are faster) for best and for median.
//
// Flags: --quick (smaller traces, 3 rounds), --rounds=N (default 5).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchTraces, flag, goBinary, haveGo, MB, median, ROOT } from './bench-traces';
import { bundleForNode } from './lib/node-bundle';

const quick = process.argv.includes('--quick');
const rounds = Number(flag('rounds') ?? (quick ? 3 : 5));

interface Run {
  events: number;
  bytes: number;
  seconds: number;
  cpu: number;
  maxrss: number;
}

function parseLine(out: string): Run | null {
  const m = /events=(\d+) bytes=(\d+) seconds=([\d.]+).*cpuseconds=([\d.]+) maxrss=(\d+)/.exec(out);
  if (!m) return null;
  return { events: +m[1], bytes: +m[2], seconds: +m[3], cpu: +m[4], maxrss: +m[5] };
}

function run(cmd: string, args: string[]): Run {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  const got = r.status === 0 ? parseLine(r.stdout) : null;
  if (!got) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim().slice(0, 500)}`);
  return got;
}

// Our side runs the code as shipped (bundled by Vite), not under tsx.
const work = mkdtempSync(join(tmpdir(), 'parse-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const parseOnce = await bundleForNode(join(ROOT, 'bench/parse-once.ts'), work);
const ours = (file: string) => run(process.execPath, [parseOnce, file]);

function line(who: string, runs: Run[]): void {
  const wall = runs.map((r) => r.seconds);
  const cpu = runs.map((r) => r.cpu);
  const best = Math.min(...wall);
  const mb = runs[0].bytes / MB;
  console.log(
    `  ${who.padEnd(24)} wall best ${best.toFixed(3)} s (${(mb / best).toFixed(1)} MB/s) median ${median(wall).toFixed(3)} s  ` +
      `cpu best ${Math.min(...cpu).toFixed(3)} s median ${median(cpu).toFixed(3)} s  ` +
      `peak RSS ${(Math.max(...runs.map((r) => r.maxrss)) / MB).toFixed(0)} MB`,
  );
}

function ratio(what: string, ourT: number[], goT: number[]): string {
  return `${what} best ${(Math.min(...goT) / Math.min(...ourT)).toFixed(2)}× median ${(median(goT) / median(ourT)).toFixed(2)}×`;
}

if (!haveGo()) {
  console.log('parse bench: needs go on PATH (it makes its traces with Go and compares with Go’s reader); skipped');
} else {
  const traces = benchTraces(quick);
  const xexp = goBinary('xexpparse');
  const results = traces.map(() => ({ ours: [] as Run[], go: [] as Run[] }));
  for (let round = 0; round < rounds; round++) {
    traces.forEach((t, i) => {
      const goFirst = (round + i) % 2 === 1;
      if (goFirst) results[i].go.push(run(xexp, [t.file]));
      results[i].ours.push(ours(t.file));
      if (!goFirst) results[i].go.push(run(xexp, [t.file]));
    });
    process.stdout.write(`round ${round + 1}/${rounds} done\n`);
  }
  console.log(`\nparse: forEachEvent vs golang.org/x/exp/trace, fresh process each, ${rounds} interleaved rounds`);
  traces.forEach((t, i) => {
    const { ours: o, go: g } = results[i];
    console.log(`${t.name}: ${(o[0].bytes / MB).toFixed(1)} MB, ${o[0].events} events (x/exp/trace: ${g[0].events})`);
    if (o[0].events !== g[0].events) console.log('  EVENT COUNTS DIFFER');
    line('flightdeck forEachEvent', o);
    line('x/exp/trace (Go)', g);
    console.log(
      `  ratio x/exp time / ours: ${ratio('wall', o.map((r) => r.seconds), g.map((r) => r.seconds))}; ` +
        `${ratio('cpu', o.map((r) => r.cpu), g.map((r) => r.cpu))}`,
    );
  });
}

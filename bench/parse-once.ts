// One full parse of a trace with forEachEvent in this (fresh) process, for
// bench/parse.bench.ts: reads the file, then times the parse alone (the file read is
// excluded, as bench/go/xexpparse excludes it) and prints one line of figures:
//
//	events=N bytes=B seconds=S cpuseconds=C maxrss=R
//
// seconds is wall time, cpuseconds the process's CPU time over the parse (every thread: the
// collector's too), maxrss the process's peak resident memory in bytes (the file included).

import { readFileSync } from 'node:fs';
import { TraceReader } from '../src/trace/parse/reader';

const file = process.argv[2];
const bytes = new Uint8Array(readFileSync(file));
const c0 = process.cpuUsage();
const t0 = performance.now();
let n = 0;
new TraceReader(bytes).forEachEvent(() => {
  n++;
});
const seconds = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const maxrss = process.resourceUsage().maxRSS * 1024;
console.log(`events=${n} bytes=${bytes.length} seconds=${seconds.toFixed(6)} cpuseconds=${((c.user + c.system) / 1e6).toFixed(6)} maxrss=${maxrss}`);

// Parser throughput and memory: a full parse (every event read, ordered and checked, no
// printing) of real Go traces of ~50 MB and ~500 MB, through both APIs (readEvent: an object
// per event; forEachEvent: one reused event), one line each with MB/s, events/s, bytes per
// event and the peak heap the parser holds while reading (sampled; input bytes excluded),
// then Go's x/exp/trace on the same file in the same format. Memory should not grow with the
// trace: the reader keeps one generation at a time.
//
// Inputs: with `go` on PATH, a busy Go workload (goroutines, channels, allocation, timers) is
// built and run under runtime/trace until its trace reaches the target size, and Go's own
// reader (golang.org/x/exp/trace, bench/go/xexpparse) is timed on the same file. Without
// Go, the committed real traces in testdata/traces are parsed repeatedly instead (real
// traces that big cannot be committed), which the output says.
//
// Flags: --quick (only the ~50 MB trace).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TraceError } from '../src/trace/parse/errors';
import { TraceReader } from '../src/trace/parse/reader';

const ROOT = resolve(import.meta.dirname, '..');
const MB = 1e6;
const quick = process.argv.includes('--quick');

const WORKLOAD = `package main

import (
	"os"
	"runtime/trace"
	"strconv"
	"sync"
	"time"
)

var sink []byte

// Runs a busy scheduler workload under the tracer until the trace file reaches the target size.
func main() {
	target, _ := strconv.ParseInt(os.Args[2], 10, 64)
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	var stop sync.WaitGroup
	done := make(chan struct{})
	for w := 0; w < 8; w++ {
		stop.Add(1)
		go func() {
			defer stop.Done()
			ch := make(chan int)
			go func() {
				for range ch {
				}
			}()
			for {
				select {
				case <-done:
					close(ch)
					return
				default:
				}
				for i := 0; i < 100; i++ {
					ch <- i
					sink = make([]byte, 256)
				}
				var inner sync.WaitGroup
				for j := 0; j < 4; j++ {
					inner.Add(1)
					go func() { defer inner.Done(); time.Sleep(time.Microsecond) }()
				}
				inner.Wait()
			}
		}()
	}
	for {
		time.Sleep(20 * time.Millisecond)
		if st, err := f.Stat(); err == nil && st.Size() >= target {
			break
		}
	}
	close(done)
	stop.Wait()
	trace.Stop()
	f.Close()
}
`;

function haveGo(): boolean {
  return spawnSync('go', ['version']).status === 0;
}

/** Builds the workload once and runs it until its trace reaches `bytes`. */
function generate(dir: string, bytes: number): string {
  const bin = join(dir, 'workload');
  if (!existsSync(bin)) {
    writeFileSync(join(dir, 'main.go'), WORKLOAD);
    writeFileSync(join(dir, 'go.mod'), 'module workload\n\ngo 1.26\n');
    const b = spawnSync('go', ['build', '-o', bin, '.'], { cwd: dir, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('building the workload failed');
  }
  const out = join(dir, `workload-${Math.round(bytes / MB)}MB.trace`);
  const r = spawnSync(bin, [out, String(bytes)], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('running the workload failed');
  return out;
}

interface Result {
  events: number;
  seconds: number;
  /** Peak heap retained while parsing (sampled after a full GC), input bytes excluded. */
  peakHeap: number;
}

type Api = 'readEvent' | 'forEachEvent';

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One full parse through api; returns events and seconds. */
function timeOnce(bytes: Uint8Array, api: Api): { events: number; seconds: number } {
  const t0 = performance.now();
  let n = 0;
  const r = new TraceReader(bytes);
  if (api === 'readEvent') {
    while (r.readEvent() !== null) n++;
  } else {
    r.forEachEvent(() => n++);
  }
  return { events: n, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The fastest of `runs` full parses through api, then (with measureMemory) one more sampling
 * the retained heap after a full GC every 2^20 events (needs --expose-gc, as `npm run bench`
 * passes; otherwise heapUsed includes garbage).
 */
function parse(bytes: Uint8Array, api: Api, runs: number, measureMemory = true): Result {
  let best = { events: 0, seconds: Infinity };
  for (let i = 0; i < runs; i++) {
    const r = timeOnce(bytes, api);
    if (r.seconds < best.seconds) best = r;
  }
  let peak = 0;
  if (measureMemory) {
    gc();
    const base = process.memoryUsage().heapUsed;
    const r = new TraceReader(bytes);
    let i = 0;
    const sample = () => {
      if ((++i & 0xfffff) === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
    };
    if (api === 'readEvent') {
      while (r.readEvent() !== null) sample();
    } else {
      r.forEachEvent(sample);
    }
  }
  return { ...best, peakHeap: peak };
}

/** Lets the JIT see the hot paths first: the head of the trace (cut short, so it errors). */
function warmUp(bytes: Uint8Array): void {
  for (const api of ['readEvent', 'forEachEvent'] as const) {
    try {
      timeOnce(bytes.subarray(0, Math.min(bytes.length, 5 * MB)), api);
    } catch (e) {
      if (!(e instanceof TraceError)) throw e;
    }
  }
}

/** One line per figure set: who, what, then MB/s, events/s, bytes/event, peak heap. */
function report(who: string, label: string, bytes: number, r: Result | null, events: number, seconds: number): void {
  const heap = r === null ? '' : `  peak heap ${(r.peakHeap / MB).toFixed(1)} MB (${(r.peakHeap / events).toFixed(3)} B/event)`;
  console.log(
    `${who.padEnd(20)} ${label}: ${(bytes / MB / seconds).toFixed(1).padStart(6)} MB/s  ${(events / seconds / 1e6).toFixed(2).padStart(5)} M events/s  ` +
      `${(bytes / events).toFixed(2)} B/event  ${events} events in ${seconds.toFixed(2)} s${heap}`,
  );
}

function ours(label: string, bytes: Uint8Array, runs: number): void {
  for (const api of ['readEvent', 'forEachEvent'] as const) {
    const r = parse(bytes, api, runs);
    report(`ours ${api}`, label, bytes.length, r, r.events, r.seconds);
  }
}

/** Go's own reader (golang.org/x/exp/trace) on the same file, fastest of `runs`, same line format. */
function goReader(label: string, file: string, runs: number): void {
  const dir = join(ROOT, 'bench/go');
  if (!existsSync(join(dir, 'xexpparse'))) return;
  const r = spawnSync('go', ['run', './xexpparse', '-n', String(runs), file], { cwd: dir, encoding: 'utf8' });
  const m = /events=(\d+) bytes=(\d+) seconds=([\d.]+)/.exec(r.stdout ?? '');
  if (r.status === 0 && m) report('x/exp/trace (Go)', label, Number(m[2]), null, Number(m[1]), Number(m[3]));
  else console.log(`x/exp/trace (Go)     (not run: ${(r.stderr || r.stdout || '').trim().split('\n')[0]})`);
}

if (haveGo()) {
  const dir = mkdtempSync(join(tmpdir(), 'parse-bench-'));
  try {
    for (const target of quick ? [50 * MB] : [50 * MB, 500 * MB]) {
      const file = generate(dir, target);
      const bytes = new Uint8Array(readFileSync(file));
      const label = `${(bytes.length / MB).toFixed(0)} MB Go workload trace`;
      const runs = bytes.length < 100 * MB ? 3 : 1;
      warmUp(bytes);
      ours(label, bytes, runs);
      goReader(label, file, runs);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  // No Go: parse the committed real traces back to back until the target volume is reached.
  const tdir = join(ROOT, 'testdata/traces');
  const traces = readdirSync(tdir)
    .filter((f) => f.endsWith('.trace') && !f.startsWith('damaged'))
    .map((f) => new Uint8Array(readFileSync(join(tdir, f))));
  const total = traces.reduce((s, t) => s + t.length, 0);
  for (const target of quick ? [50 * MB] : [50 * MB, 500 * MB]) {
    for (const api of ['readEvent', 'forEachEvent'] as const) {
      let bytes = 0;
      const acc: Result = { events: 0, seconds: 0, peakHeap: 0 };
      while (bytes < target) {
        for (const t of traces) {
          const r = parse(t, api, 1);
          acc.events += r.events;
          acc.seconds += r.seconds;
          acc.peakHeap = Math.max(acc.peakHeap, r.peakHeap);
        }
        bytes += total;
      }
      report(`ours ${api}`, `committed traces repeated to ${(bytes / MB).toFixed(0)} MB (no go)`, bytes, acc, acc.events, acc.seconds);
    }
  }
}

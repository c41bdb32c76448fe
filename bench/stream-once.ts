// One read of a trace in this (fresh) process, for bench/stream.bench.ts, printing one line:
//
//	events=N bytes=B seconds=S maxrss=R
//
// MODE is how it reads:
//   parse-whole     the file read into one buffer, then forEachEvent over it
//   parse-streamed  fs.createReadStream pieces into the streamed reader (forEachEvent)
//   stats-whole     the analyses of `flightdeck stats` over the whole buffer
//   stats-streamed  the same analyses, streamed as `flightdeck stats FILE` reads it
// maxrss is the process's peak resident memory in bytes (the file, when read whole, included).

import { readFileSync } from 'node:fs';
import { analyseTrace, analyseTraceChunks } from '../src/analysis/analyse';
import { runPassChunksToEnd } from '../src/analysis/event-pass-stream';
import { openInputChunks } from '../src/cli/node-input';
import { TraceReader } from '../src/trace/parse/reader';

const [mode, file] = process.argv.slice(2);
/** The file in one buffer, not copied again (new Uint8Array(buffer) would hold it twice). */
const readWhole = (f: string) => {
  const b = readFileSync(f);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};
const t0 = performance.now();
let events = 0;
let bytes = 0;
if (mode === 'parse-whole') {
  const buf = readWhole(file);
  bytes = buf.length;
  new TraceReader(buf).forEachEvent(() => void events++);
} else if (mode === 'parse-streamed') {
  const end = await runPassChunksToEnd(await openInputChunks(file), [{ event: () => void events++ }]);
  if (end.error !== null) throw end.error;
  bytes = end.bytesRead;
} else if (mode === 'stats-whole') {
  const t = analyseTrace(readWhole(file));
  events = t.end.events;
  bytes = t.end.bytesRead;
} else if (mode === 'stats-streamed') {
  const t = await analyseTraceChunks(await openInputChunks(file));
  events = t.end.events;
  bytes = t.end.bytesRead;
} else {
  throw new Error(`unknown mode ${mode}`);
}
const seconds = (performance.now() - t0) / 1000;
console.log(`events=${events} bytes=${bytes} seconds=${seconds.toFixed(3)} maxrss=${process.resourceUsage().maxRSS * 1024}`);

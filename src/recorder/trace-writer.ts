// trace.Start / trace.Stop over a SimulatedRuntime (runtime/trace/trace.go): a writer
// subscribed to the runtime's multiplexer beside (at most) one flight recorder.

import type { SimulatedRuntime } from '../runtime/index';
import { multiplexerFor, type GenerationObserver, type TraceSink } from './multiplexer';

/** Starts a full trace into sink. Throws 'execution tracer already enabled' if one is active. */
export function startTrace(runtime: SimulatedRuntime, sink: TraceSink): void {
  multiplexerFor(runtime).subscribeTraceStartWriter(sink);
}

/** Stops the full trace, if any; the sink has received whole generations only. */
export function stopTrace(runtime: SimulatedRuntime): void {
  multiplexerFor(runtime).unsubscribeTraceStartWriter();
}

/** Calls fn for every generation the runtime ends while anyone is subscribed. Returns an unsubscribe function. */
export function observeGenerations(runtime: SimulatedRuntime, fn: GenerationObserver): () => void {
  const mux = multiplexerFor(runtime);
  mux.observers.add(fn);
  return () => mux.observers.delete(fn);
}

/** A sink collecting chunks into one buffer. */
export class BufferSink implements TraceSink {
  private chunks: Uint8Array[] = [];
  length = 0;

  write(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    this.chunks = this.length > 0 ? [out] : [];
    return out;
  }
}

// The trace reader: bytes in, ordered events out, one generation in memory at a time.
// Follows Go's internal/trace/reader.go (ReadEvent, nextGenWithSpill, installGen).
//
// Algorithm: read all batches of the next generation (structural ones decoded eagerly), make
// one cursor per M over its event batches, keep the cursors in a min-heap by next event time,
// and repeatedly try to advance the head through the ordering state machine. If the head
// cannot advance, sort the frontier and try the others in time order from index 1. A Sync
// event starts every generation and ends the trace. Output times are forced to increase
// strictly.
//
// Streamed (over a ChunkedInput), each generation's bytes are taken off the input whole before
// it is read (generation-feed.ts), and forEachEvent returns early with wantsInput set while the
// next has not wholly arrived. Where the bytes come from, and Go 1.11–1.21 traces (read whole by
// Go's old parser), are reader-input.ts's.

import { Ev } from '../wire/specs';
import type { GoTraceVersion, Version } from '../wire/version';
import type { ChunkedInput } from '../wire/chunked-input';
import { DEFAULT_MAX_GENERATION_BYTES, WANT_INPUT } from './generation-feed';
import { ReaderInput } from './reader-input';
import { BatchCursor, blankEvent } from './batch-cursor';
import { compareCursors, dumpFrontier, frontierOf, headLimit, heapRemove, heapUpdate, sinkFrom } from './cursor-heap';
import { syncEvent, TraceEvent } from './event';
import { GoEOF, TraceError } from './errors';
import type { Generation } from './generation';
import { goSortFunc } from '../go/sort';
import { dec, i64Add, type Time, ticksToNs, type U64 } from './int64';
import { Ordering } from './order';
import { allBelow, ID_SLOTS, idsExistBelow, validateTableIDs } from './table-ids';
import type { CPUSample } from './structural';

export class TraceReader {
  readonly version: GoTraceVersion;
  /** The header, the generations' bytes, or Go's old-format reader (reader-input.ts). */
  private readonly input: ReaderInput;
  private wanting = false;
  private lastTs: Time = 0;
  private gen: Generation | null = null;
  private frontier: BatchCursor[] = [];
  private cpuSamples: CPUSample[] = [];
  private cpuNext = 0;
  private readonly order: Ordering;
  private syncs = 0;
  private done = false;
  private failed: Error | null = null;
  /**
   * An event object forEachEvent has handed out and taken back: the next cursor to advance
   * decodes into it. Never an object readEvent returned.
   */
  private spare: TraceEvent | null = null;
  /** The head could not advance in headRun: the general path (step) must take the next event. */
  private headStuck = false;
  /**
   * headRun's bound: the time the head's next event may reach and stay the head (headLimit).
   * A field, not a local: headRun is mostly entered mid-loop by on-stack replacement, where a
   * local carried from one turn of the loop to the next is a boxed number, and every change of
   * head allocated one. A field of floats is written in place.
   */
  private runBound: Time = Infinity;

  /**
   * Throws HeaderError (from the wire layer) for a file that is not a trace we read. Over a
   * ChunkedInput, the header must have arrived (generation-feed.ts headerReady); the reader
   * then takes bytes off the input as it reads, and wants more through wantsInput.
   */
  constructor(input: Uint8Array | ChunkedInput, maxGenerationBytes = DEFAULT_MAX_GENERATION_BYTES) {
    this.input = new ReaderInput(input, maxGenerationBytes);
    this.version = this.input.version;
    this.order = new Ordering(this.version as Version);
  }

  /** Bytes of the input consumed so far. */
  get offset(): number {
    return this.input.offset;
  }

  /**
   * Streamed: the last call stopped because the next generation has not wholly arrived (push
   * more, or end the input, and call again). Always false over a whole buffer.
   */
  get wantsInput(): boolean {
    return this.wanting;
  }

  /** End offset of the last generation read without error: what a damaged trace still shows. */
  get validOffset(): number {
    return this.input.validOffset;
  }

  /** The generation being read (its wire number; 1 for a Go 1.11–1.21 trace), or null between. */
  get generation(): number | bigint | null {
    const v1 = this.input.v1;
    if (v1 !== null) return v1.generation;
    return this.gen ? this.gen.gen : null;
  }

  /**
   * The next event, or null at the end of the trace. Throws TraceError (with Go's message) for
   * a damaged or truncated trace; every complete generation before the damage is returned
   * first. After an error, every later call throws the same error.
   */
  readEvent(): TraceEvent | null {
    this.wanting = false;
    if (!this.inputReady()) return null;
    const v1 = this.input.v1;
    if (v1 !== null) return v1.next(null);
    return this.step(false);
  }

  /**
   * Calls f with every remaining event in order: the same events readEvent returns, with the
   * same errors, but without making an object per event. The event passed to f is reused for
   * a later one: read what you need during the call, or keep ev.clone().
   *
   * With `max`, stops after that many events so a caller can give way between chunks and call
   * again. Returns true once the trace has ended (no event remains), false when it stopped at
   * max. An exception thrown by f stops the loop and propagates; the reader can go on after it.
   * Streamed, it also returns false, with wantsInput set, when the next generation has not
   * wholly arrived.
   */
  forEachEvent(f: (ev: TraceEvent) => void, max = Infinity): boolean {
    this.wanting = false;
    if (!this.inputReady()) return false;
    const v1 = this.input.v1;
    if (v1 !== null) return v1.forEach(f, max);
    let n = 0;
    while (n < max) {
      if (this.canRunHead()) {
        n = this.headRun(f, n, max);
        continue;
      }
      const ev = this.step(true);
      if (ev === null) return !this.wanting;
      n++;
      f(ev);
      this.spare = ev;
    }
    return false;
  }

  /**
   * Whether the next event comes from the head cursor's run (headRun): nothing queued, a
   * generation in progress, and no CPU sample due before the head's next event.
   */
  private canRunHead(): boolean {
    if (this.headStuck) {
      this.headStuck = false;
      return false;
    }
    if (this.failed !== null || this.done || this.gen === null || this.order.queued !== 0) return false;
    const frontier = this.frontier;
    if (frontier.length === 0) return false;
    const cpu = this.cpuSamples;
    return this.cpuNext === cpu.length || !(cpu[this.cpuNext].time < frontier[0].ev.time);
  }

  /**
   * The fast path of forEachEvent, Go's ReadEvent unrolled: while the head cursor's next event
   * is no later than its heap children's and no CPU sample is due first, each event is
   * advanced, the cursor decodes the next into a recycled object, and the event goes to f, with
   * no heap operation. When another M's event comes first, that M becomes the head and the loop
   * goes on (with Ms side by side the head changes every event or two). Returns the new event
   * count; stops at max, a batch's end, a CPU sample, or when the ordering queued more than one
   * event or could not advance the head (step then takes over with the same state).
   */
  private headRun(f: (ev: TraceEvent) => void, n: number, max: number): number {
    const gen = this.gen!;
    const table = gen.table;
    const freq = table.freq;
    const genNum = gen.gen;
    const order = this.order;
    const frontier = this.frontier;
    const cpu = this.cpuSamples;
    const idLimit = idsExistBelow(table);
    let head = frontier[0];
    this.runBound = headLimit(frontier);
    // The next CPU sample's time (Infinity without one): fixed for the run, which takes no
    // sample.
    const sampleAt = this.cpuNext < cpu.length ? cpu[this.cpuNext].time : Infinity;
    // One try around the loop; an exception from f is not the reader's failure.
    let inF = false;
    try {
      let m = head.m;
      let ms = order.enter(head, genNum);
      // The object the cursor decodes the next event into: the one f saw last, kept in a
      // local for the run (this.spare on the way out).
      let spare = this.spare;
      this.spare = null;
      for (;;) {
        const ev = head.ev;
        if (!order.advanceOn(ev, table, m, genNum, ms)) {
          this.spare = spare;
          this.headStuck = true;
          return n;
        }
        head.ev = spare !== null ? spare : blankEvent();
        spare = null;
        // Whether the head stays (same), changes to the cursor siftDown brings up (switched),
        // or the run ends here (neither).
        let same = true;
        let switched = false;
        if (!head.next(freq)) {
          heapRemove(frontier, 0);
          same = false;
        } else {
          const t = head.ev.time;
          if (!(t <= this.runBound)) {
            same = false;
            // Go's siftDown from the root, written out with what is known here: the head's
            // new time t is later than a child's, so the earlier child (the left one on a
            // tie) comes up and the head sinks below it. The new bound is then the earlier of
            // the other child and whatever now sits where the risen child was.
            const c1 = frontier[1];
            const t1 = c1.ev.time;
            let rise = 1;
            let risen = c1;
            let other = Infinity as Time;
            if (frontier.length > 2) {
              const c2 = frontier[2];
              const t2 = c2.ev.time;
              if (t2 < t1) {
                rise = 2;
                risen = c2;
                other = t1;
              } else {
                other = t2;
              }
            }
            frontier[0] = risen;
            const at = sinkFrom(frontier, rise, head, t);
            const there = at === rise ? t : frontier[rise].ev.time;
            this.runBound = there < other ? there : other;
            switched = true;
          } else if (!(t <= sampleAt)) {
            same = false;
          }
        }
        const queued = order.queued;
        const out = queued === 0 ? ev : order.next()!;
        this.finish(out, idLimit);
        n++;
        inF = true;
        f(out);
        inF = false;
        spare = out;
        // Events made around this one (GoSwitch, say) are left to step.
        if (n >= max || queued > 1 || !(same || switched)) {
          this.spare = spare;
          return n;
        }
        if (switched) {
          // The M's state read in place, not through enter: this runs for nearly every event of
          // Ms that run side by side, and the call costs more than its body.
          head = frontier[0];
          if (sampleAt < head.ev.time) {
            this.spare = spare;
            return n;
          }
          m = head.m;
          ms = head.ms;
          if (ms === null) ms = order.enter(head, genNum);
        }
      }
    } catch (e) {
      if (!inF) this.failed = e as Error;
      throw e;
    }
  }

  /**
   * Go's deferred checks on every event ReadEvent returns: table IDs, then strictly rising time.
   * IDs below idLimit (idsExistBelow of the event's table; 0 when not known) need no look-up.
   */
  private finish(ev: TraceEvent, idLimit: number): void {
    const ids = ID_SLOTS[ev.type];
    if (ids !== 0 && !allBelow(ev, ids, idLimit)) validateTableIDs(ev);
    const last = this.lastTs;
    if (ev.time <= last) ev.time = i64Add(last, 1);
    this.lastTs = ev.time;
  }

  /**
   * The next event through Go's general algorithm, or null at the end. With `reuse`, a cursor
   * may decode into the spare event object (forEachEvent's); without, every event returned is
   * a new object the caller may keep.
   */
  private step(reuse: boolean): TraceEvent | null {
    if (this.failed !== null) throw this.failed;
    if (this.done) return null;
    try {
      const ev = this.next(reuse);
      this.finish(ev, 0);
      return ev;
    } catch (e) {
      // The next generation has not arrived: nothing changed, the caller feeds more input.
      if (e === WANT_INPUT) {
        this.wanting = true;
        return null;
      }
      // Go's callers take a bare io.EOF from ReadEvent as the end of the trace (see GoEOF).
      if (e instanceof GoEOF) {
        this.done = true;
        return null;
      }
      this.failed = e as Error;
      throw e;
    }
  }

  private next(reuse: boolean): TraceEvent {
    const queued = this.order.next();
    if (queued !== undefined) return queued;

    const frontier = this.frontier;
    if (frontier.length === 0 && this.cpuNext === this.cpuSamples.length) return this.nextGeneration();

    const gen = this.gen!;
    // A CPU sample goes first if it is strictly earlier than the next event (events win ties).
    if (this.cpuNext < this.cpuSamples.length) {
      const s = this.cpuSamples[this.cpuNext];
      if (frontier.length === 0 || s.time < frontier[0].ev.time) {
        this.cpuSamples[this.cpuNext++] = undefined as unknown as CPUSample;
        return new TraceEvent(gen.table, s.g, s.p, s.m, Ev.CPUSample, s.time, s.stack);
      }
    }
    if (frontier.length === 0) {
      throw new TraceError(`broken trace: frontier is empty:\n[gen=${dec(gen.gen)}]\n\n\n${this.order.dump()}\n`);
    }
    if (!this.tryAdvance(0, reuse)) {
      // Rare: sort the frontier (a sorted heap is still a heap) and try the rest in order.
      goSortFunc(frontier, compareCursors);
      let success = false;
      for (let i = 1; i < frontier.length; i++) {
        if (this.tryAdvance(i, reuse)) {
          success = true;
          break;
        }
      }
      if (!success) {
        throw new TraceError(
          `broken trace: failed to advance: frontier:\n[gen=${dec(gen.gen)}]\n\n${dumpFrontier(frontier)}\n${this.order.dump()}\n`,
        );
      }
    }
    const ev = this.order.next();
    if (ev === undefined) throw new Error('invariant violation: advance successful, but queue is empty');
    return ev;
  }

  /**
   * Go's tryAdvance: advances frontier[i]'s event (which the ordering queues), gives the cursor
   * another object and decodes its next event into it, then restores the heap.
   */
  private tryAdvance(i: number, reuse: boolean): boolean {
    const gen = this.gen!;
    const bc = this.frontier[i];
    if (!this.order.advance(bc, gen.table, gen.gen)) return false;
    // The general path takes every completed event from the queue.
    if (this.order.queued === 0) this.order.enqueue(bc.ev);
    const spare = this.spare;
    if (reuse && spare !== null) {
      this.spare = null;
      bc.ev = spare;
    } else {
      bc.ev = blankEvent();
    }
    if (bc.next(gen.table.freq)) heapUpdate(this.frontier, i);
    else heapRemove(this.frontier, i);
    return true;
  }

  /**
   * At a generation boundary: the next generation's Sync, or the Sync that closes the last good
   * generation (the trace then ends, or the next call throws what stopped it).
   */
  private nextGeneration(): TraceEvent {
    const step = this.input.source.next(this.gen !== null);
    if (step.gen !== null) return this.installGen(step.gen);
    if (step.dropGen) this.gen = null;
    if (step.ended) this.done = true;
    return syncEvent(null, this.lastTs, ++this.syncs);
  }

  /** Whether the input lets reading go on; if not (see ReaderInput.ready), it wants more. */
  private inputReady(): boolean {
    if (this.input.ready()) return true;
    this.wanting = true;
    return false;
  }

  private installGen(gen: Generation): TraceEvent {
    this.gen = gen;
    this.cpuSamples = gen.cpuSamples;
    this.cpuNext = 0;
    this.frontier = frontierOf(gen);
    return syncEvent(gen.table, ticksToNs(gen.table.freq, gen.minTs), ++this.syncs);
  }
}

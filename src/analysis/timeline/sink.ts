// The timeline sink: builds the timeline model from the parser's events in the worker's one
// pass (an EventSink beside the summary), and hands out one TimelineChunk per completed
// generation. State transitions go to Scheduling (scheduling.ts), the rarer events to
// AnnotationTables; this file cuts the trace into chunks (a generation, or a part of a long
// one) and hands them out once their generation is complete.

import type { PassEnd, EventSink } from '../event-pass';
import { EventKind, formatUnixRFC3339Nano, type TraceEvent } from '../../trace/parse/index';
import { EV_SYNC, KIND } from '../../trace/parse/event-kind';
import { Ev } from '../../trace/wire/specs';
import type { TimelineChunk, TimelineLoss } from './chunk';
import { TraceTables } from './tables';
import { AnnotationTables } from './annotation-tables';
import type { RegionRowBuilder } from './region-rows';
import { Scheduling } from './scheduling';

// Module constants for the hot path (an imported enum member is a property load per use).
const SYNC = EV_SYNC;
const KINDS = KIND;
const STATE_TRANSITION = EventKind.StateTransition;
const PROC_START = Ev.ProcStart;
const PROC_STATUS = Ev.ProcStatus;
/** Longest span of one chunk: its times are Uint32 offsets from its base. */
const MAX_CHUNK_SPAN_NS = 0xffffffff;

/** Receives each completed generation's chunk (the worker posts it, transferring buffers). */
export type ChunkListener = (chunk: TimelineChunk) => void;

export class TimelineSink implements EventSink {
  readonly tables = new TraceTables();
  private readonly ann: AnnotationTables;
  private readonly sched: Scheduling;

  private origin: number | bigint | null = null;
  private originText = '0';
  /** The open generation: index, base time, wall clock, events; index -1 before the first Sync. */
  private genIndex = -1;
  /** The open chunk: its base time and events (a long generation is cut into several). */
  private genBase = 0;
  private genWall: string | null = null;
  private genEvents = 0;
  /** Whether the open chunk continues a generation begun in an earlier chunk. */
  private continues = false;
  /** Chunks of the open generation already sealed: sent only once the generation completes. */
  private held: TimelineChunk[] = [];
  /**
   * The last completed generation's chunks, sent when the next generation's first event shows
   * it was not the last one, or by finish (then with the regions still open at the end), and
   * the region rows of its last chunk as they were before sealing (to seal again with those).
   */
  private pending: { chunks: TimelineChunk[]; regions: RegionRowBuilder } | null = null;
  private chunksSent = 0;
  private chunksSealed = 0;
  private lastTime = 0;

  /**
   * maxChunkSpanNs: longest chunk (its times are Uint32 offsets, so at most 2^32 − 1); tests
   * set it small to cut every generation into many chunks.
   */
  constructor(
    private readonly onChunk: ChunkListener,
    private readonly maxChunkSpanNs = MAX_CHUNK_SPAN_NS,
  ) {
    this.ann = new AnnotationTables(this.tables);
    this.sched = new Scheduling(this.tables, this.ann.procs);
  }

  /** Whether the pass has begun: the first generation was read whole and its Sync came. */
  get started(): boolean {
    return this.genIndex >= 0;
  }

  /** Complete generations handed out so far. */
  get generations(): number {
    return this.generationsSent;
  }

  private generationsSent = 0;
  /** The end of the last complete generation. */
  private keptUntil = 0;

  event(ev: TraceEvent): void {
    const type = ev.type;
    const time = ev.time;
    if (this.origin === null) {
      this.origin = time;
      this.originText = time.toString();
    }
    const t = typeof time === 'number' && typeof this.origin === 'number' ? time - this.origin : Number(BigInt(time) - BigInt(this.origin));
    this.lastTime = t;
    if (type === SYNC) {
      this.sync(ev, t);
      return;
    }
    if (this.pending !== null) this.flush(false);
    // Time columns are Uint32 offsets from the chunk's base: a generation longer than that
    // (~4.3 s) continues in a new chunk.
    if (t - this.genBase > this.maxChunkSpanNs && this.genIndex >= 0) this.split(t);
    this.genEvents++;
    const kind = KINDS[type];
    if (kind === STATE_TRANSITION) {
      if (type >= PROC_START && type <= PROC_STATUS) this.sched.procTransition(ev, t);
      else this.sched.goTransition(ev, t);
      return;
    }
    this.ann.event(ev, kind, t);
  }

  private sync(ev: TraceEvent, t: number): void {
    if (this.pending !== null) this.flush(false);
    if (this.genIndex >= 0) {
      const regions = this.ann.regionSnapshot();
      this.held.push(this.seal(t));
      this.pending = { chunks: this.held, regions };
      this.held = [];
      this.keptUntil = t;
    }
    this.genIndex++;
    this.genBase = t;
    this.genEvents = 1;
    this.continues = false;
    const snap = ev.sync().clockSnapshot;
    this.genWall = snap ? formatUnixRFC3339Nano(snap.wall.sec, snap.wall.nsec, true) : null;
  }

  /**
   * Sends the last completed generation. At the end of the trace (last), its last chunk lists
   * the regions still open then.
   */
  private flush(last: boolean): void {
    const p = this.pending!;
    this.pending = null;
    if (last) {
      const i = p.chunks.length - 1;
      const c = p.chunks[i];
      p.chunks[i] = { ...c, regions: p.regions.seal(c.baseNs, this.tables.goroutines.size, c.endNs) };
    }
    for (const c of p.chunks) {
      this.chunksSent++;
      this.onChunk(c);
    }
    this.generationsSent++;
  }

  /** Seals the open chunk at t and opens the next one of the same generation. */
  private split(t: number): void {
    this.held.push(this.seal(t));
    this.genBase = t;
    this.genEvents = 0;
    this.genWall = null;
    this.continues = true;
  }

  /** Seals the open chunk at endNs (the next Sync's time, or a split point). */
  private seal(endNs: number): TimelineChunk {
    const base = this.genBase;
    const { goroutines, procSlices, counters, facts } = this.sched.seal(base, endNs);
    return {
      format: 1,
      index: this.chunksSealed++,
      generation: this.genIndex,
      continuesGeneration: this.continues,
      originNs: this.originText,
      baseNs: base,
      endNs,
      wallStart: this.genWall,
      events: this.genEvents,
      tables: this.tables.takeAppends(),
      facts,
      goroutines,
      procSlices,
      counters,
      ...this.ann.seal(base),
    };
  }

  /**
   * Ends the pass: a clean trace's last Sync needs nothing more; a damaged one drops the
   * generation it was in (Go's partial rule keeps complete generations) and says what was lost.
   */
  finish(end: PassEnd): TimelineLoss | null {
    // The open generation's Sync closed the last kept one; its other events are dropped, with
    // any chunks of it already sealed.
    let eventsLost = this.genIndex >= 0 ? this.genEvents - 1 : 0;
    for (const c of this.held) eventsLost += c.events;
    this.held = [];
    if (this.pending !== null) this.flush(true);
    this.sched.release();
    this.ann.reset();
    if (end.error === null) return null;
    const message = end.error instanceof Error ? end.error.message : String(end.error);
    return {
      message,
      fault: end.fault,
      generationsKept: this.generationsSent,
      eventsLost,
      keptUntilNs: this.keptUntil,
    };
  }

  /** Time of the latest event seen (ns since the origin). */
  get lastNs(): number {
    return this.lastTime;
  }
}

// The runtime worker's logic, free of worker globals so Node tests can drive it: a state
// object, handleCommand(state, msg) → one reply (plus buffers to transfer), and tick(),
// which moves simulated time on. Events go out through state.emit. Every message gets a
// reply; anything malformed gets a 'bad-request' error reply (id -1 when it had no id).

import { inspectTrace } from '../trace/wire/inspect';
import { FlightRecorder, observeGenerations, startTrace, stopTrace, BufferSink, SimulatedRuntime } from '../recorder/index';
import type { RingChange } from '../recorder/index';
import { TriggerWatch } from './triggers';
import { RequestError, isObj, optGo, optNullableNumber, optNumber, optParams, optWorkload, type Obj } from './runtime-validate';
import { PRESETS, resolveParams, type WorkloadParams } from '../runtime/index';
import {
  REQUEST_KINDS,
  HELD_SNAPSHOTS,
  RING_MAX_BYTES_CAP,
  RING_MIN_AGE_CAP_MS,
  WORKLOAD_NAMES,
  type ErrorCode,
  type GoFormat,
  type RuntimeEvent,
  type RuntimeReply,
  type RuntimeRequest,
  type RuntimeStatus,
  type WorkloadInfo,
  type WorkloadName,
} from './protocol';

/** A full trace kept in the worker stops by itself past this size. */
export const FULL_TRACE_CAP = 256 << 20;
/** Wall time one tick may spend simulating, so the message loop stays responsive. */
export const TICK_BUDGET_MS = 40;
export const MAX_SPEED = 1000;


export interface HandlerState {
  rt: SimulatedRuntime | null;
  running: boolean;
  workload: WorkloadName;
  seed: number;
  go: GoFormat;
  speed: number;
  params: WorkloadParams;
  maxBytes: number;
  minAgeMs: number;
  fr: FlightRecorder | null;
  full: BufferSink | null;
  genStartNs: number;
  /** The runtime's flushed byte count when the last generation was sealed. */
  bytesAtSeal: number;
  pendingRing: RingChange | null;
  unobserve: (() => void) | null;
  meter: { wallMs: number; bytes: number; events: number; simNs: number };
  /** Triggers watching the runtime's requests and pauses (triggers.ts). */
  triggers: TriggerWatch;
  /** Triggered snapshots not yet taken by the page, oldest first (at most HELD_SNAPSHOTS). */
  held: Map<number, { bytes: ArrayBuffer; gens: number[] }>;
  nextSnapshot: number;
  emit(ev: RuntimeEvent): void;
  /** A wall clock in ms (performance.now in the worker; injectable in tests). */
  wallNow(): number;
}

export interface HandlerResult {
  readonly reply: RuntimeReply;
  readonly transfer: ArrayBuffer[];
}

export function createState(emit: (ev: RuntimeEvent) => void, wallNow: () => number = () => performance.now()): HandlerState {
  return {
    rt: null,
    running: false,
    workload: 'busy',
    seed: 1,
    go: '1.25',
    speed: 1,
    params: resolveParams('busy'),
    maxBytes: 0,
    minAgeMs: 0,
    fr: null,
    full: null,
    genStartNs: 0,
    bytesAtSeal: 0,
    pendingRing: null,
    unobserve: null,
    meter: { wallMs: 0, bytes: 0, events: 0, simNs: 0 },
    triggers: new TriggerWatch(),
    held: new Map(),
    nextSnapshot: 1,
    emit,
    wallNow,
  };
}

export function status(s: HandlerState): RuntimeStatus {
  return {
    running: s.running,
    workload: s.workload,
    seed: s.seed,
    go: s.go,
    speed: s.speed,
    params: { ...s.params },
    recording: s.fr?.enabled() ?? false,
    maxBytes: s.fr?.maxBytes ?? (s.maxBytes || 10 << 20),
    minAgeMs: s.fr?.minAgeMs ?? (s.minAgeMs || 10_000),
    fullTracing: s.full !== null,
    nowNs: s.rt?.nowNs ?? 0,
    currentGen: s.rt?.currentGen ?? 0,
    triggers: { ...s.triggers.settings },
  };
}

export function workloadInfos(): WorkloadInfo[] {
  return WORKLOAD_NAMES.map((name) => ({ name, label: PRESETS[name].label, description: PRESETS[name].description, defaults: { ...PRESETS[name].defaults } }));
}

// ---- the handler ----

export async function handleCommand(s: HandlerState, msg: unknown): Promise<HandlerResult> {
  const id = isObj(msg) && typeof msg.id === 'number' && Number.isSafeInteger(msg.id) ? msg.id : -1;
  try {
    if (!isObj(msg)) throw new RequestError('bad-request', 'a request must be an object');
    if (id === -1) throw new RequestError('bad-request', 'a request needs an integer id');
    const kind = msg.kind;
    if (typeof kind !== 'string' || !(REQUEST_KINDS as readonly string[]).includes(kind)) {
      throw new RequestError('bad-request', `unknown request kind ${JSON.stringify(kind)?.slice(0, 60) ?? 'undefined'}`);
    }
    return await dispatch(s, msg as unknown as RuntimeRequest);
  } catch (e) {
    const code: ErrorCode = e instanceof RequestError ? e.code : 'internal';
    return { reply: { id, kind: 'error', code, message: (e as Error)?.message ?? String(e) }, transfer: [] };
  }
}

const ok = (s: HandlerState, id: number): HandlerResult => ({ reply: { id, kind: 'ok', status: status(s) }, transfer: [] });

async function dispatch(s: HandlerState, req: RuntimeRequest): Promise<HandlerResult> {
  const o = req as unknown as Obj;
  switch (req.kind) {
    case 'status':
      return ok(s, req.id);
    case 'workloads':
      return { reply: { id: req.id, kind: 'workloads', workloads: workloadInfos() }, transfer: [] };
    case 'runtime.start':
    case 'runtime.configure': {
      const workload = optWorkload(o);
      const go = optGo(o);
      const seed = optNumber(o, 'seed', 0, 2 ** 32 - 1);
      const speed = optNumber(o, 'speed', 0.001, MAX_SPEED);
      const w = workload ?? s.workload;
      const params = optParams(o, w, s.params, workload !== undefined && workload !== s.workload);
      // A new speed starts a new measurement: the speed reached is reported per speed asked.
      if (speed !== undefined && speed !== s.speed) resetMeter(s);
      if (speed !== undefined) s.speed = speed;
      const rebuild = s.rt === null || (workload !== undefined && workload !== s.workload) || (go !== undefined && go !== s.go) || (seed !== undefined && seed !== s.seed) || params !== undefined;
      s.workload = w;
      if (go !== undefined) s.go = go;
      if (seed !== undefined) s.seed = Math.floor(seed);
      if (params !== undefined) s.params = params;
      if (rebuild && (s.rt !== null || req.kind === 'runtime.start')) rebuildRuntime(s);
      if (req.kind === 'runtime.start') s.running = true;
      return ok(s, req.id);
    }
    case 'runtime.stop':
      s.running = false;
      return ok(s, req.id);
    case 'recorder.configure': {
      const maxBytes = optNumber(o, 'maxBytes', 0, RING_MAX_BYTES_CAP);
      const minAgeMs = optNumber(o, 'minAgeMs', -RING_MIN_AGE_CAP_MS, RING_MIN_AGE_CAP_MS);
      if (maxBytes !== undefined) s.maxBytes = maxBytes;
      if (minAgeMs !== undefined) s.minAgeMs = minAgeMs;
      return ok(s, req.id);
    }
    case 'recorder.start': {
      const maxBytes = optNumber(o, 'maxBytes', 0, RING_MAX_BYTES_CAP);
      const minAgeMs = optNumber(o, 'minAgeMs', -RING_MIN_AGE_CAP_MS, RING_MIN_AGE_CAP_MS);
      if (s.rt === null) throw new RequestError('runtime', 'the runtime has not been started');
      if (s.fr?.enabled()) throw new RequestError('recorder', 'cannot enable a enabled flight recorder');
      if (maxBytes !== undefined) s.maxBytes = maxBytes;
      if (minAgeMs !== undefined) s.minAgeMs = minAgeMs;
      // The first generation begins when tracing does, not when the runtime started.
      if (!s.rt.tracing) s.genStartNs = s.rt.nowNs;
      startRecorder(s);
      return ok(s, req.id);
    }
    case 'recorder.stop':
      s.fr?.stop();
      s.fr = null;
      return ok(s, req.id);
    case 'snapshot': {
      if (s.fr === null) throw new RequestError('recorder', 'cannot snapshot a disabled flight recorder');
      const sink = new BufferSink();
      let n: number;
      try {
        n = await s.fr.writeTo(sink);
      } catch (e) {
        throw new RequestError('recorder', (e as Error).message);
      }
      const bytes = toArrayBuffer(sink.bytes());
      const gens = s.fr.ringGenerations().map((g) => g.gen);
      return { reply: { id: req.id, kind: 'snapshot', bytes, byteLength: n, gens }, transfer: [bytes] };
    }
    case 'trace.start': {
      if (s.rt === null) throw new RequestError('runtime', 'the runtime has not been started');
      if (s.full !== null) throw new RequestError('trace', 'execution tracer already enabled');
      const sink = new BufferSink();
      if (!s.rt.tracing) s.genStartNs = s.rt.nowNs;
      startTrace(s.rt, sink);
      s.full = sink;
      return ok(s, req.id);
    }
    case 'triggers.configure': {
      const slowRequestMs = optNullableNumber(o, 'slowRequestMs', 0.001, 3_600_000);
      const gcPauseMs = optNullableNumber(o, 'gcPauseMs', 0.0001, 60_000);
      const cooldownMs = optNumber(o, 'cooldownMs', 0, 3_600_000);
      const cur = s.triggers.settings;
      s.triggers.settings = {
        slowRequestMs: slowRequestMs === undefined ? cur.slowRequestMs : slowRequestMs,
        gcPauseMs: gcPauseMs === undefined ? cur.gcPauseMs : gcPauseMs,
        cooldownMs: cooldownMs ?? cur.cooldownMs,
      };
      return ok(s, req.id);
    }
    case 'trigger.take': {
      const n = o.snapshot;
      const held = typeof n === 'number' ? s.held.get(n) : undefined;
      if (held === undefined) {
        throw new RequestError('bad-request', `triggered snapshot ${JSON.stringify(n)?.slice(0, 20)} is not held (the worker keeps the last ${HELD_SNAPSHOTS})`);
      }
      s.held.delete(n as number);
      return { reply: { id: req.id, kind: 'snapshot', bytes: held.bytes, byteLength: held.bytes.byteLength, gens: held.gens }, transfer: [held.bytes] };
    }
    case 'trace.stop': {
      if (s.rt === null || s.full === null) throw new RequestError('trace', 'no full trace is running');
      const result = finishFullTrace(s);
      return { reply: { id: req.id, kind: 'trace', bytes: result.bytes, byteLength: result.bytes.byteLength, gens: result.gens }, transfer: [result.bytes] };
    }
  }
}

function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) return b.buffer;
  return b.slice().buffer as ArrayBuffer;
}

function finishFullTrace(s: HandlerState): { bytes: ArrayBuffer; gens: number[] } {
  const sink = s.full!;
  stopTrace(s.rt!);
  s.full = null;
  const bytes = sink.bytes();
  // The generations the file holds, as a reader of the file finds them.
  const gens = inspectTrace(bytes).generations.map((g) => Number(g.gen));
  return { bytes: toArrayBuffer(bytes), gens };
}

function startRecorder(s: HandlerState): void {
  const fr = new FlightRecorder(s.rt!, { maxBytes: s.maxBytes, minAge: s.minAgeMs });
  fr.onSeal = (change) => {
    s.pendingRing = change;
  };
  fr.start();
  s.fr = fr;
}

function rebuildRuntime(s: HandlerState): void {
  const hadRecorder = s.fr?.enabled() ?? false;
  if (s.full !== null) {
    s.full = null;
    s.emit({ kind: 'fault', message: 'the full trace was dropped because the runtime was restarted' });
  }
  s.fr = null;
  s.unobserve?.();
  const rt = new SimulatedRuntime({ workload: s.workload, seed: s.seed, go: s.go, params: s.params });
  s.rt = rt;
  s.genStartNs = 0;
  s.bytesAtSeal = 0;
  // Triggers hear the new program's requests and pauses; its clock starts again at 0.
  s.triggers.reset();
  rt.observe(s.triggers);
  s.unobserve = observeGenerations(rt, (g) => {
    const endNs = rt.nowNs;
    s.bytesAtSeal = rt.stats.bytes;
    s.emit({ kind: 'sealed', gen: g.gen, bytes: g.bytes, batches: g.batches, startNs: s.genStartNs, endNs, recording: s.fr?.enabled() ?? false });
    s.genStartNs = endNs;
    const change = s.pendingRing;
    s.pendingRing = null;
    if (change !== null && s.fr?.enabled()) {
      const ring = change.ring;
      s.emit({ kind: 'ring', gens: ring.map((r) => r.gen), bytes: ring.reduce((n, r) => n + r.size, 0), startNs: Math.max(0, ring[0].minTime - originOffsetNs(rt)), endNs });
      if (change.evicted.length > 0) {
        s.emit({ kind: 'evicted', gens: change.evicted.map((r) => r.gen), count: change.evicted.length, bytes: change.evicted.reduce((n, r) => n + r.size, 0), cause: change.cause ?? 'max-bytes' });
      }
    }
  });
  if (hadRecorder) startRecorder(s);
  s.emit({ kind: 'status', status: status(s) });
}

/** Trace-clock ns (what the recorder stores) minus simulated ns: the host uptime at the origin. */
function originOffsetNs(rt: SimulatedRuntime): number {
  return Math.trunc(rt.nowTicks() * (1e9 / rt.ticksPerSecond)) - rt.nowNs;
}

/**
 * Moves simulated time on by wallMs × speed, within a wall-time budget: at high speed the
 * simulation may fall behind rather than block the message loop. Emits throughput about
 * once a wall second.
 */
export function tick(s: HandlerState, wallMs: number): void {
  const rt = s.rt;
  if (rt === null || !s.running) return;
  const start = s.wallNow();
  const target = rt.nowNs + Math.min(wallMs, 1000) * s.speed * 1e6;
  const before = { bytes: rt.stats.bytes, events: rt.stats.events, ns: rt.nowNs };
  const step = 1e6 * Math.max(1, s.speed);
  while (rt.nowNs < target) {
    rt.advanceTo(Math.min(target, rt.nowNs + step));
    // A trigger fired: stop here, so the snapshot (fireTriggers) is taken within one step
    // (a millisecond of simulated time per unit of speed) of the request or pause.
    if (s.triggers.pending !== null) break;
    if (s.wallNow() - start > TICK_BUDGET_MS) break;
  }
  if (s.full !== null && s.full.length > FULL_TRACE_CAP) {
    stopTrace(rt);
    s.full = null;
    s.emit({ kind: 'fault', message: `the full trace passed ${FULL_TRACE_CAP >> 20} MiB and was stopped` });
    s.emit({ kind: 'status', status: status(s) });
  }
  const m = s.meter;
  m.wallMs += wallMs;
  m.bytes += rt.stats.bytes - before.bytes;
  m.events += rt.stats.events - before.events;
  m.simNs += rt.nowNs - before.ns;
  if (m.wallMs >= 1000) {
    const sec = m.wallMs / 1000;
    const openBytes = rt.tracing ? rt.stats.bytes - s.bytesAtSeal + rt.bufferedBytes : undefined;
    s.emit({
      kind: 'throughput',
      bytesPerSec: m.bytes / sec,
      eventsPerSec: m.events / sec,
      traceNsPerSec: m.simNs / sec,
      totalBytes: rt.stats.bytes,
      nowNs: rt.nowNs,
      speed: s.speed,
      ...(openBytes === undefined ? {} : { openBytes }),
    });
    resetMeter(s);
  }
}

function resetMeter(s: HandlerState): void {
  s.meter = { wallMs: 0, bytes: 0, events: 0, simNs: 0 };
}

/**
 * Acts on a trigger that fired during the last tick: FlightRecorder.WriteTo into a buffer,
 * exactly what the Snapshot button asks for, then a `triggered` event naming the bytes,
 * which the worker holds until the page takes them (the oldest is dropped past
 * HELD_SNAPSHOTS). Called by the worker right after tick().
 */
export async function fireTriggers(s: HandlerState): Promise<void> {
  const f = s.triggers.take();
  if (f === null) return;
  const base = { trigger: f.trigger, valueNs: f.valueNs, thresholdNs: f.thresholdNs, atNs: f.atNs };
  if (s.fr === null || !s.fr.enabled()) {
    s.emit({ kind: 'triggered', ...base, snapshot: null, gens: [], byteLength: 0, error: 'the flight recorder is off, so there was nothing to snapshot' });
    return;
  }
  const sink = new BufferSink();
  try {
    await s.fr.writeTo(sink);
  } catch (e) {
    s.emit({ kind: 'triggered', ...base, snapshot: null, gens: [], byteLength: 0, error: (e as Error).message });
    return;
  }
  const bytes = toArrayBuffer(sink.bytes());
  const gens = s.fr.ringGenerations().map((g) => g.gen);
  const id = s.nextSnapshot++;
  s.held.set(id, { bytes, gens });
  for (const old of s.held.keys()) {
    if (s.held.size <= HELD_SNAPSHOTS) break;
    s.held.delete(old);
  }
  s.emit({ kind: 'triggered', ...base, snapshot: id, gens, byteLength: bytes.byteLength });
}

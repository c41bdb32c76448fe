// Named workload presets: what the simulated program's goroutines do. A preset sets up
// goroutines (all existing before tracing starts, waiting as a real server's would) and a
// Behaviour whose step() moves each goroutine through its loop by calling the scheduler.
//
//   idle      an idle service: a few tickers and connections that rarely see a request
//   busy      a busy request server: many connections, a worker pool, mutex contention
//   gc-heavy  a batch job that allocates hard: GC cycles, mark assists and sweeps
//   spiky     a server that every few seconds gets a burst of slow, contended requests
//   slow-requests  fast requests, and rare slow ones waiting on a cache refresh's lock
//             (workload-slow-requests.ts): the flight-recorder trigger demo

import { BR, SITE_INDEX as SITE } from './frames';
import { GS } from './model';
import type { Behaviour, Scheduler } from './scheduler';
import { slowRequests } from './workload-slow-requests';

export type WorkloadName = 'idle' | 'busy' | 'gc-heavy' | 'spiky' | 'slow-requests';
export const WORKLOADS: readonly WorkloadName[] = ['idle', 'busy', 'gc-heavy', 'spiky', 'slow-requests'];

export interface WorkloadParams {
  procs: number;
  goroutines: number;
  load: number;
  periodMs: number;
}

export interface WorkloadPreset {
  readonly name: WorkloadName;
  readonly label: string;
  readonly description: string;
  readonly defaults: Readonly<WorkloadParams>;
  readonly initialHeap: number;
  /** Creates the goroutines and returns the behaviour driving them. */
  setup(s: Scheduler, p: WorkloadParams): Behaviour;
}

interface ServerShape {
  /** Mean time between requests on one connection, ns. */
  interarrival: number;
  compute: number;
  syscall: number;
  mutex: number;
  dispatch: number;
  log: number;
  spawn: number;
  workers: number;
  tickers: number;
  allocPerNs: number;
}

const PATHS = ['/api/items', '/api/users', '/healthz', '/api/search', '/static/app.js'];
const utf8 = new TextEncoder();

/**
 * Log lines the program writes, made up front: every trace.Log still writes its whole
 * message into the trace (messages are never deduplicated), but formatting a fresh string
 * each time would measure the simulated program's fmt, not the tracer.
 */
function logLines(n: number, line: () => string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < n; i++) out.push(utf8.encode(line()));
  return out;
}

function server(s: Scheduler, p: WorkloadParams, shape: ServerShape, spiky: boolean): Behaviour {
  const rng = s.rng;
  let spikeUntil = -1;
  const inSpike = () => s.now < spikeUntil;
  const load = Math.max(0.01, p.load);
  const REQUEST = s.tracer.stringRef('request');
  const HANDLE = s.tracer.stringRef('handle');
  const HTTP = s.tracer.stringRef('http');
  const lines = logLines(512, () => `GET ${rng.pick(PATHS)}/${rng.int(100000)} 200 ${Math.round(rng.exp(800))}µs`);
  for (let i = 0; i < p.goroutines; i++) s.wakeAfter(s.newG('handler', GS.Waiting, BR.network, SITE.netRead), rng.exp(shape.interarrival / load));
  for (let i = 0; i < shape.workers; i++) s.newG('worker', GS.Waiting, BR.chanRecv, SITE.chanRecv).phase = 1;
  for (let i = 0; i < shape.tickers; i++) s.wakeAfter(s.newG('ticker', GS.Waiting, BR.sleep, SITE.sleep), rng.exp(50e6));
  if (spiky) s.hook(3e9, 1);

  return {
    allocPerNs: shape.allocPerNs,
    hook(sc, tag) {
      if (tag !== 1) return;
      spikeUntil = sc.now + 250e6 + rng.exp(100e6);
      sc.hook(2.5e9 + rng.exp(1e9), 1);
    },
    step(sc, m, g) {
      const t = sc.tracer;
      const spike = inSpike();
      for (;;) {
        if (g.role === 'handler') {
          switch (g.phase) {
            case 0:
              g.task = sc.taskId();
              g.taskStartNs = sc.now;
              t.taskBegin(m, g.task, 0, REQUEST, SITE.task);
              t.regionBegin(m, g.task, HANDLE, SITE.region);
              g.phase = 1;
              sc.run(m, g, rng.exp(shape.compute * (spike ? 6 : 1)));
              return;
            case 1:
              t.regionEnd(m, g.task, HANDLE, SITE.region);
              if (rng.chance(spike ? 0.6 : shape.mutex)) {
                g.phase = 2;
                sc.block(m, g, BR.sync, SITE.mutex, rng.exp(spike ? 2e6 : 40e3));
                return;
              }
              g.phase = 2;
              continue;
            case 2:
              if (rng.chance(0.5)) sc.wakeOne(m, BR.sync, SITE.unlock);
              if (rng.chance(shape.dispatch)) sc.wakeOne(m, BR.chanRecv, SITE.chanSend);
              if (rng.chance(shape.spawn)) sc.spawn(m, 'worker', SITE.startServe, SITE.goCreate).phase = 10;
              if (rng.chance(shape.log)) t.logBytes(m, g.task, HTTP, lines[rng.int(512)], SITE.log);
              g.phase = 3;
              sc.syscall(m, g, SITE.syscallWrite, rng.exp(shape.syscall));
              return;
            default:
              t.taskEnd(m, g.task, SITE.taskEnd);
              sc.observer?.request?.(sc.now - g.taskStartNs, sc.now, g.id);
              g.task = 0;
              g.phase = 0;
              sc.block(m, g, BR.network, SITE.netRead, rng.exp((spike ? shape.interarrival / 20 : shape.interarrival) / load));
              return;
          }
        }
        if (g.role === 'worker') {
          switch (g.phase) {
            case 0:
              g.phase = 1;
              sc.block(m, g, BR.chanRecv, SITE.chanRecv, rng.exp(500e6));
              return;
            case 1:
              g.phase = 0;
              sc.run(m, g, rng.exp(shape.compute * 2));
              return;
            case 10:
              g.phase = 11;
              sc.run(m, g, rng.exp(shape.compute / 2));
              return;
            default:
              sc.exit(m, g);
              return;
          }
        }
        // ticker
        if (g.phase === 0) {
          g.phase = 1;
          sc.block(m, g, BR.sleep, SITE.sleep, 100e6);
          return;
        }
        g.phase = 0;
        sc.run(m, g, rng.exp(30e3));
        return;
      }
    },
  };
}

function batchJob(s: Scheduler, p: WorkloadParams): Behaviour {
  const rng = s.rng;
  const load = Math.max(0.01, p.load);
  const JOB = s.tracer.stringRef('job');
  const TRANSFORM = s.tracer.stringRef('transform');
  const lines = logLines(512, () => `chunk ${rng.int(1 << 20)} done`);
  for (let i = 0; i < p.goroutines; i++) s.wakeAfter(s.newG('batch', GS.Waiting, BR.select, SITE.select), rng.exp(1e6));
  for (let i = 0; i < 2; i++) s.wakeAfter(s.newG('ticker', GS.Waiting, BR.sleep, SITE.sleep), rng.exp(50e6));
  return {
    allocPerNs: 0.12 * load,
    step(sc, m, g) {
      const t = sc.tracer;
      if (g.role === 'ticker') {
        if (g.phase === 0) {
          g.phase = 1;
          sc.block(m, g, BR.sleep, SITE.sleep, 100e6);
        } else {
          g.phase = 0;
          sc.run(m, g, rng.exp(30e3));
        }
        return;
      }
      switch (g.phase) {
        case 0:
          if (g.task === 0) {
            g.task = sc.taskId();
            t.taskBegin(m, g.task, 0, JOB, SITE.task);
          }
          t.regionBegin(m, g.task, TRANSFORM, SITE.regionJob);
          g.phase = 1;
          sc.run(m, g, rng.exp(3e6));
          return;
        default: {
          t.regionEnd(m, g.task, TRANSFORM, SITE.regionJob);
          g.phase = 0;
          const r = rng.next();
          if (r < 0.25) sc.syscall(m, g, SITE.syscallRead, rng.exp(60e3));
          else if (r < 0.4) sc.yield(m, g);
          else if (r < 0.6) {
            sc.wakeOne(m, BR.select, SITE.chanSend);
            sc.block(m, g, BR.select, SITE.select, rng.exp(400e3));
          } else {
            if (rng.chance(0.1)) t.logBytes(m, g.task, JOB, lines[rng.int(512)], SITE.log);
            sc.run(m, g, rng.exp(2e6));
            g.phase = 1;
            t.regionBegin(m, g.task, TRANSFORM, SITE.regionJob);
          }
        }
      }
    },
  };
}

export const PRESETS: Record<WorkloadName, WorkloadPreset> = {
  idle: {
    name: 'idle',
    label: 'Idle service',
    description: 'A service with little to do: tickers and connections that rarely see a request.',
    defaults: { procs: 4, goroutines: 12, load: 1, periodMs: 1000 },
    initialHeap: 6 << 20,
    setup: (s, p) =>
      server(s, p, { interarrival: 400e6, compute: 40e3, syscall: 8e3, mutex: 0.02, dispatch: 0.3, log: 0.5, spawn: 0.05, workers: 2, tickers: 2, allocPerNs: 0.01 }, false),
  },
  busy: {
    name: 'busy',
    label: 'Busy request server',
    description: 'Many connections, a worker pool, some lock contention and steady GC.',
    defaults: { procs: 8, goroutines: 300, load: 1, periodMs: 1000 },
    initialHeap: 24 << 20,
    setup: (s, p) =>
      server(s, p, { interarrival: 6e6, compute: 60e3, syscall: 12e3, mutex: 0.08, dispatch: 0.4, log: 0.1, spawn: 0.03, workers: 16, tickers: 2, allocPerNs: 0.08 }, false),
  },
  'gc-heavy': {
    name: 'gc-heavy',
    label: 'GC-heavy batch job',
    description: 'Goroutines that allocate hard: frequent GC cycles, mark assists and sweeps.',
    defaults: { procs: 4, goroutines: 16, load: 1, periodMs: 1000 },
    initialHeap: 48 << 20,
    setup: (s, p) => batchJob(s, p),
  },
  spiky: {
    name: 'spiky',
    label: 'Server with latency spikes',
    description: 'A moderately loaded server hit every few seconds by a burst of slow, contended requests.',
    defaults: { procs: 8, goroutines: 150, load: 1, periodMs: 1000 },
    initialHeap: 16 << 20,
    setup: (s, p) =>
      server(s, p, { interarrival: 15e6, compute: 50e3, syscall: 10e3, mutex: 0.05, dispatch: 0.3, log: 0.1, spawn: 0.02, workers: 8, tickers: 2, allocPerNs: 0.05 }, true),
  },
  'slow-requests': {
    name: 'slow-requests',
    label: 'Server with rare slow requests',
    description:
      'Fast requests, and every few seconds a cache refresh that holds its lock for about 250 ms: the requests waiting on it are slow. A trigger on slow requests catches them.',
    defaults: { procs: 4, goroutines: 40, load: 1, periodMs: 1000 },
    initialHeap: 8 << 20,
    setup: (s, p) => slowRequests(s, p),
  },
};

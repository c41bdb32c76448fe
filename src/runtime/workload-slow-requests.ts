// The slow-requests workload: the demo of Go's flight-recorder blog post. A server answers
// fast requests (each a user task, well under a millisecond), and a cache refresher wakes
// every few seconds and rebuilds the cache holding its lock for a few hundred milliseconds.
// Requests that need the cache meanwhile wait on that lock: those are the rare slow requests
// a trigger ("snapshot when a request takes longer than X ms") catches, and the trace shows
// why: the request's goroutine blocked in sync.Mutex.Lock while the refresher's "refresh
// cache" region ran. The first refresh comes 2–3 s after the start, so a demo works at once.

import { BR, SITE_INDEX as SITE } from './frames';
import { GS } from './model';
import type { Behaviour, Scheduler } from './scheduler';
import type { WorkloadParams } from './workloads';

/** Mean time between requests on one connection, ns (at load 1). */
const INTERARRIVAL_NS = 12e6;
/** Share of requests that read the cache (and so wait while it is rebuilt). */
const CACHE_SHARE = 0.35;

export function slowRequests(s: Scheduler, p: WorkloadParams): Behaviour {
  const rng = s.rng;
  const load = Math.max(0.01, p.load);
  const REQUEST = s.tracer.stringRef('request');
  const HANDLE = s.tracer.stringRef('handle');
  const REFRESH = s.tracer.stringRef('refresh cache');
  // The cache's lock: held by the refresher while it rebuilds; waiters are the requests
  // blocked on it (they wait on 'sync', which nothing else in this program wakes).
  let locked = false;
  let waiting = 0;

  for (let i = 0; i < p.goroutines; i++) s.wakeAfter(s.newG('handler', GS.Waiting, BR.network, SITE.netRead), rng.exp(INTERARRIVAL_NS / load));
  const refresher = s.newG('refresher', GS.Waiting, BR.sleep, SITE.refreshSleep);
  s.wakeAfter(refresher, rng.range(2e9, 3e9));
  for (let i = 0; i < 2; i++) s.wakeAfter(s.newG('ticker', GS.Waiting, BR.sleep, SITE.sleep), rng.exp(50e6));

  return {
    allocPerNs: 0.03,
    step(sc, m, g) {
      const t = sc.tracer;
      if (g.role === 'handler') {
        switch (g.phase) {
          case 0:
            g.task = sc.taskId();
            g.taskStartNs = sc.now;
            t.taskBegin(m, g.task, 0, REQUEST, SITE.task);
            t.regionBegin(m, g.task, HANDLE, SITE.region);
            g.phase = 1;
            sc.run(m, g, rng.exp(70e3));
            return;
          case 1:
            g.phase = 2;
            if (locked && rng.chance(CACHE_SHARE)) {
              // sync.Mutex.Lock on the cache: parked until the refresher unlocks it.
              waiting++;
              sc.block(m, g, BR.sync, SITE.mutex, -1);
              return;
            }
            sc.run(m, g, rng.exp(30e3));
            return;
          case 2:
            t.regionEnd(m, g.task, HANDLE, SITE.region);
            g.phase = 3;
            sc.syscall(m, g, SITE.syscallWrite, rng.exp(8e3));
            return;
          default:
            t.taskEnd(m, g.task, SITE.taskEnd);
            sc.observer?.request?.(sc.now - g.taskStartNs, sc.now, g.id);
            g.task = 0;
            g.phase = 0;
            sc.block(m, g, BR.network, SITE.netRead, rng.exp(INTERARRIVAL_NS / load));
            return;
        }
      }
      if (g.role === 'refresher') {
        if (g.phase === 0) {
          // Woken by its timer: take the lock and rebuild, inside a region the trace shows.
          g.phase = 1;
          locked = true;
          t.regionBegin(m, 0, REFRESH, SITE.refreshRegion);
          sc.run(m, g, rng.range(180e6, 320e6));
          return;
        }
        t.regionEnd(m, 0, REFRESH, SITE.refreshRegion);
        locked = false;
        // Unlock: every request waiting on the cache goes on.
        for (; waiting > 0; waiting--) sc.wakeOne(m, BR.sync, SITE.refreshUnlock);
        g.phase = 0;
        sc.block(m, g, BR.sleep, SITE.refreshSleep, rng.range(4e9, 8e9));
        return;
      }
      // ticker
      if (g.phase === 0) {
        g.phase = 1;
        sc.block(m, g, BR.sleep, SITE.sleep, 100e6);
        return;
      }
      g.phase = 0;
      sc.run(m, g, rng.exp(30e3));
    },
  };
}

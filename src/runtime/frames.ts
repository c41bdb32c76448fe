// Plausible call stacks for the simulated program: leaf first, as the runtime's stack
// table stores them (runtime/tracestack.go). Each site is a fixed list of frames; the
// stack table turns a site into a per-generation stack ID, and the frames' function and
// file names into string IDs. Line numbers and PCs are invented but stable.

export interface Frame {
  readonly fn: string;
  readonly file: string;
  readonly line: number;
}

const f = (fn: string, file: string, line: number): Frame => ({ fn, file, line });

const serve = [
  f('net/http.(*conn).serve', '/usr/local/go/src/net/http/server.go', 2102),
  f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
];
const handle = [
  f('main.(*server).handle', '/app/server.go', 61),
  f('net/http.HandlerFunc.ServeHTTP', '/usr/local/go/src/net/http/server.go', 2294),
  f('net/http.serverHandler.ServeHTTP', '/usr/local/go/src/net/http/server.go', 3301),
  ...serve,
];
const job = [
  f('main.runJob', '/app/job.go', 28),
  f('main.main.func2', '/app/main.go', 54),
  f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
];
const malloc = [
  f('runtime.mallocgc', '/usr/local/go/src/runtime/malloc.go', 1171),
  f('runtime.makeslice', '/usr/local/go/src/runtime/slice.go', 116),
  f('main.transform', '/app/job.go', 44),
  ...job,
];

const refresher = [
  f('main.(*cache).refreshLoop', '/app/cache.go', 61),
  f('main.main.func3', '/app/main.go', 58),
  f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
];

/** Named call sites. Keys are what the scheduler model refers to. */
export const SITES = {
  netRead: [
    f('internal/poll.runtime_pollWait', '/usr/local/go/src/runtime/netpoll.go', 351),
    f('internal/poll.(*pollDesc).wait', '/usr/local/go/src/internal/poll/fd_poll_runtime.go', 84),
    f('internal/poll.(*pollDesc).waitRead', '/usr/local/go/src/internal/poll/fd_poll_runtime.go', 89),
    f('internal/poll.(*FD).Read', '/usr/local/go/src/internal/poll/fd_unix.go', 165),
    f('net.(*netFD).Read', '/usr/local/go/src/net/fd_posix.go', 68),
    f('net.(*conn).Read', '/usr/local/go/src/net/net.go', 196),
    f('net/http.(*connReader).Read', '/usr/local/go/src/net/http/server.go', 805),
    f('bufio.(*Reader).fill', '/usr/local/go/src/bufio/bufio.go', 113),
    f('bufio.(*Reader).Peek', '/usr/local/go/src/bufio/bufio.go', 152),
    ...serve,
  ],
  chanRecv: [
    f('runtime.chanrecv1', '/usr/local/go/src/runtime/chan.go', 506),
    f('main.(*pool).worker', '/app/pool.go', 41),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  chanSend: [
    f('runtime.chansend1', '/usr/local/go/src/runtime/chan.go', 161),
    f('main.(*server).dispatch', '/app/server.go', 88),
    ...handle,
  ],
  select: [
    f('runtime.selectgo', '/usr/local/go/src/runtime/select.go', 351),
    f('main.(*batcher).loop', '/app/batch.go', 52),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  mutex: [
    f('internal/sync.runtime_SemacquireMutex', '/usr/local/go/src/runtime/sema.go', 95),
    f('internal/sync.(*Mutex).lockSlow', '/usr/local/go/src/internal/sync/mutex.go', 149),
    f('internal/sync.(*Mutex).Lock', '/usr/local/go/src/internal/sync/mutex.go', 70),
    f('sync.(*Mutex).Lock', '/usr/local/go/src/sync/mutex.go', 46),
    f('main.(*cache).get', '/app/cache.go', 30),
    ...handle,
  ],
  unlock: [
    f('internal/sync.runtime_Semrelease', '/usr/local/go/src/runtime/sema.go', 105),
    f('internal/sync.(*Mutex).unlockSlow', '/usr/local/go/src/internal/sync/mutex.go', 232),
    f('sync.(*Mutex).Unlock', '/usr/local/go/src/sync/mutex.go', 65),
    f('main.(*cache).get', '/app/cache.go', 37),
    ...handle,
  ],
  sleep: [
    f('time.Sleep', '/usr/local/go/src/runtime/time.go', 363),
    f('main.ticker', '/app/main.go', 77),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  syscallWrite: [
    f('syscall.Syscall', '/usr/local/go/src/syscall/syscall_linux.go', 73),
    f('syscall.write', '/usr/local/go/src/syscall/zsyscall_linux_amd64.go', 964),
    f('syscall.Write', '/usr/local/go/src/syscall/syscall_unix.go', 212),
    f('internal/poll.ignoringEINTRIO', '/usr/local/go/src/internal/poll/fd_unix.go', 745),
    f('internal/poll.(*FD).Write', '/usr/local/go/src/internal/poll/fd_unix.go', 381),
    f('net.(*netFD).Write', '/usr/local/go/src/net/fd_posix.go', 96),
    f('net.(*conn).Write', '/usr/local/go/src/net/net.go', 208),
    f('bufio.(*Writer).Flush', '/usr/local/go/src/bufio/bufio.go', 640),
    f('net/http.(*response).finishRequest', '/usr/local/go/src/net/http/server.go', 1714),
    ...serve,
  ],
  syscallRead: [
    f('syscall.Syscall', '/usr/local/go/src/syscall/syscall_linux.go', 73),
    f('syscall.read', '/usr/local/go/src/syscall/zsyscall_linux_amd64.go', 736),
    f('syscall.Read', '/usr/local/go/src/syscall/syscall_unix.go', 183),
    f('internal/poll.ignoringEINTRIO', '/usr/local/go/src/internal/poll/fd_unix.go', 745),
    f('internal/poll.(*FD).Read', '/usr/local/go/src/internal/poll/fd_unix.go', 161),
    f('os.(*File).read', '/usr/local/go/src/os/file_posix.go', 29),
    f('os.(*File).Read', '/usr/local/go/src/os/file.go', 144),
    f('main.loadChunk', '/app/job.go', 71),
    ...job,
  ],
  preemptHandle: [f('main.score', '/app/score.go', 19), ...handle],
  preemptJob: [f('main.transform', '/app/job.go', 47), ...job],
  gosched: [f('runtime.Gosched', '/usr/local/go/src/runtime/proc.go', 380), ...job],
  goCreate: [
    f('net/http.(*Server).Serve', '/usr/local/go/src/net/http/server.go', 3454),
    f('net/http.(*Server).ListenAndServe', '/usr/local/go/src/net/http/server.go', 3350),
    f('main.main', '/app/main.go', 40),
    f('runtime.main', '/usr/local/go/src/runtime/proc.go', 285),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  startServe: [f('net/http.(*conn).serve', '/usr/local/go/src/net/http/server.go', 2036)],
  gcStart: [f('runtime.gcStart', '/usr/local/go/src/runtime/mgc.go', 696), ...malloc],
  stwSweepTerm: [
    f('runtime.stopTheWorldWithSema', '/usr/local/go/src/runtime/proc.go', 1570),
    f('runtime.gcStart', '/usr/local/go/src/runtime/mgc.go', 725),
    ...malloc,
  ],
  stwMarkTerm: [
    f('runtime.stopTheWorldWithSema', '/usr/local/go/src/runtime/proc.go', 1570),
    f('runtime.gcMarkDone', '/usr/local/go/src/runtime/mgc.go', 932),
    f('runtime.gcBgMarkWorker', '/usr/local/go/src/runtime/mgc.go', 1553),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  markAssist: [
    f('runtime.gcAssistAlloc', '/usr/local/go/src/runtime/mgcmark.go', 445),
    f('runtime.deductAssistCredit', '/usr/local/go/src/runtime/malloc.go', 1684),
    ...malloc,
  ],
  sweep: [
    f('runtime.(*mcentral).cacheSpan', '/usr/local/go/src/runtime/mcentral.go', 84),
    f('runtime.(*mcache).refill', '/usr/local/go/src/runtime/mcache.go', 186),
    f('runtime.(*mcache).nextFree', '/usr/local/go/src/runtime/malloc.go', 965),
    ...malloc,
  ],
  markWork: [
    f('runtime.gcDrain', '/usr/local/go/src/runtime/mgcmark.go', 1207),
    f('runtime.gcBgMarkWorker.func2', '/usr/local/go/src/runtime/mgc.go', 1502),
    f('runtime.systemstack', '/usr/local/go/src/runtime/asm_amd64.s', 514),
    f('runtime.gcBgMarkWorker', '/usr/local/go/src/runtime/mgc.go', 1468),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  workerPark: [
    f('runtime.gopark', '/usr/local/go/src/runtime/proc.go', 460),
    f('runtime.gcBgMarkWorker', '/usr/local/go/src/runtime/mgc.go', 1423),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  advancerPark: [
    f('runtime.gopark', '/usr/local/go/src/runtime/proc.go', 460),
    f('runtime.(*traceAdvancerState).start.func1', '/usr/local/go/src/runtime/trace.go', 1005),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  procsChange: [
    f('runtime.traceAdvance', '/usr/local/go/src/runtime/trace.go', 619),
    f('runtime.(*traceAdvancerState).start.func1', '/usr/local/go/src/runtime/trace.go', 1001),
    f('runtime.goexit', '/usr/local/go/src/runtime/asm_amd64.s', 1700),
  ],
  task: [f('runtime/trace.NewTask', '/usr/local/go/src/runtime/trace/annotation.go', 86), ...handle],
  taskEnd: [f('runtime/trace.(*Task).End', '/usr/local/go/src/runtime/trace/annotation.go', 113), ...handle],
  region: [f('runtime/trace.WithRegion', '/usr/local/go/src/runtime/trace/annotation.go', 144), ...handle],
  regionJob: [f('runtime/trace.WithRegion', '/usr/local/go/src/runtime/trace/annotation.go', 144), ...job],
  log: [f('runtime/trace.Log', '/usr/local/go/src/runtime/trace/annotation.go', 103), ...handle],
  // The slow-requests workload's cache refresher. Listed last so that adding them kept every
  // earlier site's index and PC (and so the other workloads' bytes) unchanged.
  refreshSleep: [f('time.Sleep', '/usr/local/go/src/runtime/time.go', 363), ...refresher],
  refreshRegion: [f('runtime/trace.WithRegion', '/usr/local/go/src/runtime/trace/annotation.go', 144), ...refresher],
  refreshWork: [f('main.(*cache).rebuild', '/app/cache.go', 88), ...refresher],
  refreshUnlock: [
    f('internal/sync.runtime_Semrelease', '/usr/local/go/src/runtime/sema.go', 105),
    f('internal/sync.(*Mutex).unlockSlow', '/usr/local/go/src/internal/sync/mutex.go', 232),
    f('sync.(*Mutex).Unlock', '/usr/local/go/src/sync/mutex.go', 65),
    ...refresher,
  ],
} satisfies Record<string, readonly Frame[]>;

export type SiteName = keyof typeof SITES;
export const SITE_NAMES = Object.keys(SITES) as SiteName[];
/** Site name → dense index, for the stack table's per-generation cache. */
export const SITE_INDEX: Record<SiteName, number> = Object.fromEntries(SITE_NAMES.map((n, i) => [n, i])) as Record<SiteName, number>;
export const SITE_FRAMES: readonly (readonly Frame[])[] = SITE_NAMES.map((n) => SITES[n]);

/**
 * A fake PC per distinct (function, line), numbered in the order the sites are listed, so
 * it never depends on which stacks a process happened to write first.
 */
const pcs = new Map<string, number>();
export function pcOf(fr: Frame): number {
  const k = `${fr.fn}:${fr.line}`;
  let pc = pcs.get(k);
  if (pc === undefined) {
    pc = 0x401000 + pcs.size * 0x1c0 + (fr.line % 0x40) * 4;
    pcs.set(k, pc);
  }
  return pc;
}

/** SITE_PCS[site][k]: the PC of frame k of a site. */
export const SITE_PCS: readonly (readonly number[])[] = SITE_FRAMES.map((frames) => frames.map(pcOf));

/** Wait reasons (traceBlockReasonStrings), stop reasons and mark-worker labels, registered
 *  at the start of every generation in this order (runtime/trace.go traceRegisterLabelsAndReasons). */
export const MARK_WORKER_LABELS = ['Not worker', 'GC (dedicated)', 'GC (fractional)', 'GC (idle)'] as const;
export const BLOCK_REASONS = [
  'unspecified', 'forever', 'network', 'select', 'sync.(*Cond).Wait', 'sync', 'chan send', 'chan receive',
  'GC mark assist wait for work', 'GC background sweeper wait', 'system goroutine wait', 'preempted',
  'wait for debug call', 'wait until GC ends', 'sleep', 'GC weak to strong wait', 'synctest',
] as const;
export const STOP_REASONS = ['unspecified', 'runtime.Gosched', 'preempted'] as const;

export type BlockReason = (typeof BLOCK_REASONS)[number];
export type StopReason = (typeof STOP_REASONS)[number];

/** Wait reason → index in BLOCK_REASONS, under names usable as properties (hot paths pass numbers). */
export const BR = {
  network: BLOCK_REASONS.indexOf('network'),
  select: BLOCK_REASONS.indexOf('select'),
  sync: BLOCK_REASONS.indexOf('sync'),
  chanSend: BLOCK_REASONS.indexOf('chan send'),
  chanRecv: BLOCK_REASONS.indexOf('chan receive'),
  systemWait: BLOCK_REASONS.indexOf('system goroutine wait'),
  sleep: BLOCK_REASONS.indexOf('sleep'),
} as const;

// Captures what Go's own trace tool says about a trace, for the analysis conformance step and
// for testdata/analysis (so Node-only tests compare with it): the pages `go tool trace
// -http=127.0.0.1:0 FILE` serves (/goroutines and every /goroutine?name=…, /usertasks and every
// /usertask?type=…, /userregions and every /userregion?…, /mmu plot data for several option
// sets, /mmu worst windows) and `go tool trace -pprof=TYPE FILE` for the four profile types.
import { spawn } from 'node:child_process';
import { runChild } from './child';
import { traceToolPath } from './go-trace-tool';
import { createInterface } from 'node:readline';

export const PPROF_TYPES = ['net', 'sync', 'syscall', 'sched'] as const;
export type PprofType = (typeof PPROF_TYPES)[number];

/** The MMU option sets captured: Go's default view, each flag alone, all, and per-goroutine. */
export const MMU_FLAG_SETS = [
  'stw|background|assist',
  'stw',
  'background',
  'assist',
  'sweep',
  'stw|background|assist|sweep',
  'perProc|stw|background|assist',
  'perProc|stw|background|assist|sweep',
  'mut|stw|background|assist',
];
/** Window sizes (ns) whose ten worst windows are captured, with Go's default flags. */
export const MMU_DETAIL_WINDOWS = [100_000, 1_000_000, 10_000_000];

export interface GoAnalysisCapture {
  file: string;
  toolchain: string;
  /** Request path (with query) → body, for every page fetched. */
  pages: Record<string, string>;
  /**
   * The profiles of each goroutine group (/io, /block, /syscall, /sched ?name=…&raw=1) and of
   * each region type (/regionio… ?type=…&pc=…&raw=1): request path → gzipped pprof, base64.
   */
  profilePages?: Record<string, string>;
  /** `go tool trace -pprof=TYPE`: stdout as base64 (gzipped pprof), stderr, exit status. */
  pprof: Record<PprofType, { stdout: string; stderr: string; exitCode: number }>;
}

export interface GoEnv {
  tag: string;
  env: NodeJS.ProcessEnv;
}

export async function runPprof(file: string, type: PprofType, env: NodeJS.ProcessEnv) {
  const r = await runChild(traceToolPath(env), [`-pprof=${type}`, file], { env });
  if (r.status === -1) throw new Error(`go tool trace could not start: ${r.stderr}`);
  return { stdout: r.stdout.toString('base64'), stderr: r.stderr, exitCode: r.status ?? -1 };
}

/** Starts Go's trace server on a free loopback port; resolves with its base URL and a stop. */
export async function startGoServer(file: string, env: NodeJS.ProcessEnv): Promise<{ base: string; stop(): void } | { error: string }> {
  // BROWSER=true: cmd/trace tries to open a browser; let that be a no-op.
  const child = spawn(traceToolPath(env), ['-http=127.0.0.1:0', file], { env: { ...env, BROWSER: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] });
  const lines = createInterface({ input: child.stderr });
  const log: string[] = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve({ error: `go tool trace did not start in 120 s:\n${log.join('\n')}` });
    }, 120_000);
    lines.on('line', (line) => {
      log.push(line);
      const m = /listening on (http:\/\/[^\s]+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ base: m[1], stop: () => child.kill() });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ error: `go tool trace exited (${code}) before serving:\n${log.join('\n')}` });
    });
  });
}

/** The href values of the links on a page that start with prefix, HTML-unescaped. */
export function linksTo(html: string, prefix: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href="([^"]*)"/g)) {
    const href = unescapeHtml(m[1]);
    if (href.startsWith(prefix)) out.push(href);
  }
  return [...new Set(out)];
}

export function unescapeHtml(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Go's profile endpoints, by our profile names. */
export const PROFILE_ENDPOINTS: Record<PprofType, [string, string]> = { net: ['/io', '/regionio'], sync: ['/block', '/regionblock'], syscall: ['/syscall', '/regionsyscall'], sched: ['/sched', '/regionsched'] };

async function getBytes(base: string, path: string): Promise<string> {
  const res = await fetch(base + path);
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body.toString('utf8').slice(0, 200)}`);
  return body.toString('base64');
}

async function get(base: string, path: string): Promise<string> {
  const res = await fetch(base + path);
  const body = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
  return body;
}

/** Everything Go says about one trace. Throws when Go cannot serve it. */
export async function captureGoAnalysis(file: string, name: string, go: GoEnv): Promise<GoAnalysisCapture> {
  const pprof = {} as GoAnalysisCapture['pprof'];
  for (const t of PPROF_TYPES) pprof[t] = await runPprof(file, t, go.env);
  const server = await startGoServer(file, go.env);
  if ('error' in server) throw new Error(server.error);
  const pages: Record<string, string> = {};
  const profilePages: Record<string, string> = {};
  try {
    const fetchPage = async (path: string) => {
      pages[path] = await get(server.base, path);
      return pages[path];
    };
    const groups = await fetchPage('/goroutines');
    for (const href of linksTo(groups, '/goroutine?')) await fetchPage(href);
    const tasks = await fetchPage('/usertasks');
    for (const href of linksTo(tasks, '/usertask?')) if (!href.includes('latmin')) await fetchPage(href);
    const regions = await fetchPage('/userregions');
    for (const href of linksTo(regions, '/userregion?')) if (!href.includes('latmin')) await fetchPage(href);
    for (const flags of MMU_FLAG_SETS) await fetchPage(`/mmu?mode=plot&flags=${flags}`);
    for (const w of MMU_DETAIL_WINDOWS) await fetchPage(`/mmu?mode=details&window=${w}&flags=stw|background|assist`);
    for (const t of PPROF_TYPES) {
      const [byName, byRegion] = PROFILE_ENDPOINTS[t];
      for (const href of linksTo(groups, '/goroutine?')) {
        const q = href.slice(href.indexOf('?'));
        // name= (the group without a start function) means every goroutine to Go; skip it.
        if (q === '?name=') continue;
        const path = `${byName}${q}&raw=1`;
        profilePages[path] = await getBytes(server.base, path);
      }
      for (const href of linksTo(regions, '/userregion?')) {
        if (href.includes('latmin')) continue;
        const path = `${byRegion}${href.slice(href.indexOf('?'))}&raw=1`;
        profilePages[path] = await getBytes(server.base, path);
      }
    }
  } finally {
    server.stop();
  }
  return { file: name, toolchain: go.tag, pages, pprof, profilePages };
}

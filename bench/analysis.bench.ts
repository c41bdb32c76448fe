// `npm run bench -- analysis`: what opening a trace costs in the parse worker, next to the
// parser alone, on two real Go traces made at bench time by bench/go: a busy scheduler
// workload (almost every event a goroutine state change) and a request-serving program with
// tasks, regions and logs. Prints, per trace, best and median seconds over interleaved rounds,
// MB/s, the ratio to forEachEvent, and the peak and retained heap of each pass
// (bench/lib/analysis-measure.ts says exactly what each line runs).
//
// The code measured is bundled by Vite as the app and the Node package ship it, then run in a
// fresh Node process: under tsx every nested function would also pay for esbuild's keepNames
// helper, a cost no user sees.
//
// Flags: --mb=N (size of each trace, default 16), --rounds=N (default 5), --traces=DIR (keep
// the generated traces there and reuse them: the same files across commits), --quick (4 MB,
// 3 rounds). Without Go, the largest committed traces are measured instead (the output says so).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchTrace, haveGo } from './lib/bench-traces';
import { bundleForNode } from './lib/node-bundle';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const mb = Number(opt('mb') ?? (quick ? 4 : 16));
const rounds = Number(opt('rounds') ?? (quick ? 3 : 5));

const work = mkdtempSync(join(tmpdir(), 'analysis-bench-'));
try {
  const traces: { label: string; path: string }[] = [];
  if (haveGo()) {
    const dir = opt('traces') ?? join(work, 'traces');
    traces.push({ label: 'busy workload trace (bench/go/busy)', path: benchTrace(dir, 'busy', mb) });
    traces.push({ label: 'tasks and regions trace (bench/go/viewerload)', path: benchTrace(dir, 'viewerload', mb) });
  } else {
    const dir = join(ROOT, 'testdata/traces');
    const biggest = readdirSync(dir)
      .filter((f) => f.endsWith('.trace') && !f.startsWith('damaged'))
      .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)
      .slice(0, 2);
    for (const f of biggest) traces.push({ label: `committed trace ${f} (no go on PATH: small, figures are rough)`, path: join(dir, f) });
  }
  // Bundled as the app builds it (Vite, no keepNames), run in a fresh process.
  const measure = await bundleForNode(join(ROOT, 'bench/lib/analysis-measure.ts'), join(work, 'bundle'));
  console.log('code: bundled by Vite as shipped, in a fresh Node process');
  const r = spawnSync(process.execPath, ['--expose-gc', measure, JSON.stringify({ traces, rounds })], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

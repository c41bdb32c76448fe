// `flightdeck stats FILE`: the goroutine groups (where each group's time went, as go tool
// trace's goroutine pages count it) and the task and region types (count, and latency of the
// complete ones) as text tables.

import { analyseTraceChunks } from '../../analysis/analyse';
import { regionSpan, regionTypes } from '../../analysis/annotations/region-stats';
import { taskTypes } from '../../analysis/annotations/task-stats';
import { goroutineGroups } from '../../analysis/goroutines/groups';
import { addTo, nonOverlapping } from '../../analysis/goroutines/exec-stats';
import { goDuration } from '../../trace/go/duration';
import { tabwriterFormat } from '../../trace/go/tabwriter';
import { CliError, type Command, inputChunks } from '../command';

const table = (rows: string[][]) =>
  tabwriterFormat(rows.map((r) => r.join('\t') + '\t').join('\n') + '\n', { minwidth: 0, padding: 2, padchar: ' ' }).replace(/ +$/gm, '');

export const statsCommand: Command = {
  name: 'stats',
  summary: 'goroutine groups, task and region types of a trace as text tables',
  usage: "usage: flightdeck stats FILE   (FILE '-' reads standard input)\n",
  flags: [],
  async run(args, io) {
    if (args.positional.length !== 1) throw new CliError('flightdeck stats: expected exactly one trace file', 2);
    const t = await analyseTraceChunks(await inputChunks(io, args.positional[0]));
    if (t.end.error !== null) {
      const message = t.end.error instanceof Error ? t.end.error.message : String(t.end.error);
      if (t.end.events === 0) throw new CliError(`failed to parse any useful part of the trace: ${message}`);
      io.err(`flightdeck stats: the trace is damaged (${message}); counted the ${t.end.events} events before it\n`);
    }
    const a = t.annotations;
    // Per group: the sum of its goroutines' non-overlapping stats.
    const sums = new Map<string, Map<string, number>>();
    for (const g of a.goroutines) {
      let m = sums.get(g.name);
      if (!m) sums.set(g.name, (m = new Map()));
      for (const [k, v] of nonOverlapping(g.stats)) addTo(m, k, v);
      addTo(m, 'Total', g.stats.totalNs);
    }
    const blocked = (m: Map<string, number>) => [...m].filter(([k]) => k.startsWith('Block time') && k !== 'Block time (syscall)').reduce((n, [, v]) => n + v, 0);
    const groups = goroutineGroups(a.goroutines);
    const out: string[] = [`Goroutines: ${a.goroutines.length} in ${groups.length} groups by start function\n`];
    out.push(
      table([
        ['START FUNCTION', 'COUNT', 'TOTAL', 'EXECUTION', 'SCHED WAIT', 'SYSCALL', 'SYSCALL BLOCKED', 'BLOCKED', 'UNKNOWN'],
        ...groups.map((g) => {
          const m = sums.get(g.name)!;
          const d = (k: string) => goDuration(m.get(k) ?? 0);
          return [g.name || '(no stack seen)', String(g.count), d('Total'), d('Execution time'), d('Sched wait time'), d('Syscall execution time'), d('Block time (syscall)'), goDuration(blocked(m)), d('Unknown time')];
        }),
      ]),
    );
    const tt = taskTypes(a);
    out.push(`\nTasks: ${a.tasks.length} of ${tt.length} types\n`);
    if (tt.length > 0) {
      out.push(table([['TYPE', 'COUNT', 'COMPLETE', 'SLOWEST'], ...tt.map((x) => [x.name || '(no type)', String(x.count), String(x.hist.count), x.slowest === null ? '-' : goDuration(x.slowestNs)])]));
    }
    const rt = regionTypes(a);
    out.push(`\nRegions: ${rt.reduce((n, r) => n + r.count, 0)} of ${rt.length} types\n`);
    if (rt.length > 0) {
      const totals = new Map<string, number>();
      for (const g of a.goroutines) {
        for (const i of g.regions) {
          const r = a.regions[i];
          const s = regionSpan(a, r);
          addTo(totals, `${r.frame.pc.toString(16)} ${r.name}`, s.endNs - s.startNs);
        }
      }
      out.push(
        table([
          ['TYPE', 'BEGAN IN', 'COUNT', 'TOTAL', 'MEAN', 'SLOWEST'],
          ...rt.map((r) => {
            const total = totals.get(r.key) ?? 0;
            return [r.name || '(inherited)', r.frame.func || '-', String(r.count), goDuration(total), goDuration(Math.round(total / r.count)), goDuration(r.slowestNs)];
          }),
        ]),
      );
    }
    io.out(out.join(''));
    return 0;
  },
};

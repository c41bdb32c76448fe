// Compares our analyses of a trace with what Go's trace tool said about it (a capture from
// go-analysis.ts): every goroutine group, every goroutine's breakdown, every task and region
// type with its histogram, every task's events, every region's breakdown. Go sorts some tables
// with an unstable sort and iterates maps, so rows are compared by key (goroutine ID, task ID)
// or as multisets, and the order is checked separately where Go's order is defined.
import { goroutineGroups, groupDetail } from '../../src/analysis/goroutines/groups';
import type { TraceAnnotations } from '../../src/analysis/goroutines/summary-types';
import { bucketMinNs, type TimeHistogram } from '../../src/analysis/annotations/histogram';
import { regionDetail, regionTypes } from '../../src/analysis/annotations/region-stats';
import { goElapsed, goSeconds, taskDetail, taskTypes, type TaskEventRow } from '../../src/analysis/annotations/task-stats';
import { goDuration } from '../../src/trace/go/duration';
import type { GoRelease } from '../../src/trace/go/strconv';
import { quoteGo } from '../../src/trace/go/string';
import { dec } from '../../src/trace/parse/int64';
import type { TraceAnalysis } from '../../src/analysis/analyse';
import { decodePprof, encodePprofGzip, type DecodedSample } from '../../src/analysis/profiles/pprof';
import { selectProfile, type ProfileSelection } from '../../src/analysis/profiles/select';
import { MMU_DETAIL_WINDOWS, MMU_FLAG_SETS, PPROF_TYPES, PROFILE_ENDPOINTS, type GoAnalysisCapture } from './go-analysis';
import { mmuPlot, parseMmuFlags, worstWindows } from '../../src/analysis/gc/mmu';
import { detailTables, histogram, summaryCells, tableRows, taskRows, typeRows, type GoHistogram } from './go-pages';

export interface CompareResult {
  /** Values compared (cells, counts). */
  checked: number;
  mismatches: string[];
}

class Checker {
  checked = 0;
  readonly mismatches: string[] = [];
  eq(what: string, ours: unknown, go: unknown): void {
    this.checked++;
    const a = JSON.stringify(ours);
    const b = JSON.stringify(go);
    if (a !== b) this.mismatches.push(`${what}: ours ${a.slice(0, 400)} != Go ${b.slice(0, 400)}`);
  }
}

function hist(h: TimeHistogram): GoHistogram | null {
  if (h.count === 0) return null;
  const buckets: [string, number][] = [];
  for (let i = h.minBucket; i <= h.maxBucket; i++) buckets.push([goDuration(bucketMinNs(i)), h.buckets[i] ?? 0]);
  return { buckets, end: goDuration(bucketMinNs(h.maxBucket + 1)) };
}

/** Drops the stacked-bar cell (a picture of the same numbers) from Go's breakdown rows. */
const dropBar = (rows: string[][], at: number) => rows.map((r) => [...r.slice(0, at), ...r.slice(at + 1)]);
const sorted = (rows: string[][]) => rows.map((r) => r.join('\t')).sort();

/**
 * Go 1.26's task page words two events differently from Go 1.27 (whose wording we show): a
 * task begin says "(D n" for "(ID n", and the two log forms are swapped.
 */
function as126(e: TaskEventRow): string {
  if (e.log) return e.log.category !== '' ? `log ${quoteGo(e.log.message, '1.26')}` : `log (category: ${e.log.category}): ${quoteGo(e.log.message, '1.26')}`;
  if (e.what.startsWith('task ') && e.what.endsWith(' begin')) return e.what.replace(/ \(ID (\d+), parent (\d+)\) begin$/, ' (D $1, parent $2) begin');
  return e.what;
}

/** The Go release whose strconv tables a capture's toolchain quotes with (go126, go127). */
export function goReleaseOf(toolchain: string): GoRelease {
  return toolchain === 'go126' ? '1.26' : '1.27';
}

export function compareAnnotations(a: TraceAnnotations, cap: GoAnalysisCapture): CompareResult {
  const c = new Checker();
  const go126 = cap.toolchain === 'go126';
  const pages = cap.pages;

  // /goroutines: name, count, total execution time per group; Go sorts by execution time.
  const groups = goroutineGroups(a.goroutines);
  const goGroups = tableRows(pages['/goroutines'].slice(pages['/goroutines'].indexOf('<table>'))).slice(1);
  c.eq('/goroutines rows', sorted(groups.map((g) => [g.name || '(Inactive, no stack trace sampled)', String(g.count), goDuration(g.execNs)])), sorted(goGroups));

  for (const [path, html] of Object.entries(pages)) {
    if (!path.startsWith('/goroutine?')) continue;
    const name = new URLSearchParams(path.slice(path.indexOf('?'))).get('name') ?? '';
    const d = groupDetail(a.goroutines, name);
    const summary = summaryCells(html);
    c.eq(`${path} summary`, [d.name, String(d.count), `${d.execPercent} of total program execution time`], summary.slice(0, 3));
    const [breakdown, ranges] = detailTables(html);
    c.eq(`${path} columns`, ['Goroutine', 'Total', '', ...d.columns], breakdown[0]);
    c.eq(`${path} rows`, sorted(d.rows.map((r) => [dec(r.id), goDuration(r.totalNs), ...d.columns.map((k) => goDuration(r.stats.get(k) ?? 0))])), sorted(dropBar(breakdown.slice(1), 2)));
    c.eq(`${path} range columns`, ['Goroutine', 'Total', ...d.rangeColumns], ranges[0]);
    const withRanges = d.rows.filter((r) => [...r.ranges.values()].reduce((x, y) => x + y, 0) !== 0);
    c.eq(`${path} range rows`, sorted(withRanges.map((r) => [dec(r.id), goDuration(r.totalNs), ...d.rangeColumns.map((k) => goDuration(r.ranges.get(k) ?? 0))])), sorted(ranges.slice(1)));
  }

  // /usertasks: per type, count and histogram of complete tasks.
  const types = taskTypes(a);
  const goTypes = typeRows(pages['/usertasks']);
  c.eq('/usertasks', types.map((t) => ({ label: t.name, count: t.count, hist: hist(t.hist) })), goTypes);
  for (const [path, html] of Object.entries(pages)) {
    if (!path.startsWith('/usertask?')) continue;
    const type = new URLSearchParams(path.slice(path.indexOf('?'))).get('type') ?? '';
    const ours = taskDetail(a, { name: type });
    const go = taskRows(html);
    const render = ours.map((t) => ({
      when: `${goSeconds(t.startNs - a.startNs)}s`,
      duration: goDuration(t.durationNs),
      id: dec(t.id),
      complete: t.complete,
      events: t.events.map((e) => ({ when: goSeconds(e.timeNs - a.startNs), elapsed: goElapsed(e.elapsedNs), goroutine: dec(e.g), what: go126 ? as126(e) : e.what })),
    }));
    const byId = (x: { id: string }[]) => [...x].sort((p, q) => (p.id < q.id ? -1 : 1));
    c.eq(`${path} tasks`, byId(render), byId(go));
  }

  // /userregions: per (type, outermost frame), count and histogram; sorted by type then PC.
  const rtypes = regionTypes(a);
  const goR = typeRows(pages['/userregions']);
  c.eq(
    '/userregions',
    rtypes.map((t) => ({ label: `${quoteGo(t.name, goReleaseOf(cap.toolchain))}\n${t.frame.func} @ 0x${t.frame.pc.toString(16)}\n${t.frame.file}:${dec(t.frame.line)}`, count: t.count, hist: hist(t.hist) })),
    goR,
  );
  for (const [path, html] of Object.entries(pages)) {
    if (!path.startsWith('/userregion?')) continue;
    const q = new URLSearchParams(path.slice(path.indexOf('?')));
    const pcText = q.get('pc');
    const pc = pcText === null ? undefined : BigInt(`0x${pcText}`);
    const pcVal = pc === undefined ? undefined : pc <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(pc) : pc;
    const d = regionDetail(a, { name: q.get('type') ?? undefined, pc: pcVal });
    const [breakdown, ranges] = detailTables(html);
    c.eq(`${path} columns`, ['Goroutine', 'Task', 'Total', '', ...d.columns], breakdown[0]);
    const task = (t: unknown) => (t === 0 ? '' : dec(t as number));
    c.eq(`${path} rows`, sorted(d.rows.map((r) => [dec(r.id), task(r.task), goDuration(r.totalNs), ...d.columns.map((k) => goDuration(r.stats.get(k) ?? 0))])), sorted(dropBar(breakdown.slice(1), 3)));
    const withRanges = d.rows.filter((r) => [...r.ranges.values()].reduce((x, y) => x + y, 0) !== 0);
    c.eq(`${path} range rows`, sorted(withRanges.map((r) => [dec(r.id), task(r.task), goDuration(r.totalNs), ...d.rangeColumns.map((k) => goDuration(r.ranges.get(k) ?? 0))])), sorted(ranges.slice(1)));
  }
  void histogram;
  return { checked: c.checked, mismatches: c.mismatches };
}

/** Samples of a decoded pprof as sorted "frames → values" lines, for an order-free comparison. */
export function sampleLines(samples: DecodedSample[]): string[] {
  return samples.map((s) => `${s.frames.map((f) => `${f.func}|${f.file}|${f.line}|${f.pc}`).join(';')} = ${s.values.join(',')}`).sort();
}

/** Our whole-trace blocking profiles against `go tool trace -pprof=TYPE`, both read back with pprof-format. */
export async function compareProfiles(t: TraceAnalysis, cap: GoAnalysisCapture): Promise<CompareResult> {
  const c = new Checker();
  for (const type of PPROF_TYPES) {
    const go = cap.pprof[type];
    c.eq(`-pprof=${type} exit status`, 0, go.exitCode);
    const goProf = await decodePprof(new Uint8Array(Buffer.from(go.stdout, 'base64')));
    const ours = await decodePprof(await encodePprofGzip(selectProfile(t.profiles, t.annotations, type, { by: 'all' })));
    c.eq(`-pprof=${type} sample types`, ours.sampleTypes, goProf.sampleTypes);
    c.eq(`-pprof=${type} samples`, sampleLines(ours.samples), sampleLines(goProf.samples));
  }
  return { checked: c.checked, mismatches: c.mismatches };
}

/** Profiles of each goroutine group and region type against Go's /block?name=…, /regionblock?type=…&pc=… (raw). */
export async function compareSelectedProfiles(t: TraceAnalysis, cap: GoAnalysisCapture): Promise<CompareResult> {
  const c = new Checker();
  for (const [path, b64] of Object.entries(cap.profilePages ?? {})) {
    const endpoint = path.slice(0, path.indexOf('?'));
    const kind = PPROF_TYPES.find((k) => PROFILE_ENDPOINTS[k].includes(endpoint))!;
    const q = new URLSearchParams(path.slice(path.indexOf('?')));
    let sel: ProfileSelection;
    if (endpoint.startsWith('/region')) {
      const pcText = q.get('pc');
      const pc = pcText === null ? undefined : BigInt(`0x${pcText}`);
      sel = { by: 'regions', filter: { name: q.get('type') ?? undefined, pc: pc === undefined ? undefined : pc <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(pc) : pc } };
    } else sel = { by: 'group', name: q.get('name') ?? '' };
    const go = await decodePprof(new Uint8Array(Buffer.from(b64, 'base64')));
    const ours = await decodePprof(await encodePprofGzip(selectProfile(t.profiles, t.annotations, kind, sel)));
    c.eq(`${path} samples`, sampleLines(ours.samples), sampleLines(go.samples));
  }
  return { checked: c.checked, mismatches: c.mismatches };
}

/** Our MMU plot data and worst windows against Go's /mmu?mode=plot and ?mode=details. */
export function compareMmu(t: TraceAnalysis, cap: GoAnalysisCapture): CompareResult {
  const c = new Checker();
  for (const flags of MMU_FLAG_SETS) {
    const go = JSON.parse(cap.pages[`/mmu?mode=plot&flags=${flags}`]) as { xMin: number; xMax: number; quantiles: number[] | null; curve: number[][] };
    const ours = mmuPlot(t.mmu, parseMmuFlags(flags));
    c.eq(`/mmu ${flags} range`, ours ? [ours.xMinNs, ours.xMaxNs, ours.quantiles] : null, [go.xMin, go.xMax, go.quantiles]);
    c.eq(`/mmu ${flags} curve`, ours?.curve ?? null, go.curve);
  }
  const origin = t.origin === null ? 0n : BigInt(t.origin);
  for (const w of MMU_DETAIL_WINDOWS) {
    const go = JSON.parse(cap.pages[`/mmu?mode=details&window=${w}&flags=stw|background|assist`]) as { Time: number; MutatorUtil: number }[] | null;
    const ours = worstWindows(t.mmu, parseMmuFlags('stw|background|assist'), w);
    c.eq(`/mmu details window=${w}`, ours.map((x) => [String(BigInt(x.time) + origin), x.mutatorUtil]), (go ?? []).map((x) => [String(x.Time), x.MutatorUtil]));
  }
  return { checked: c.checked, mismatches: c.mismatches };
}

/** Everything compared for one trace: pages, profiles and the MMU. */
export async function compareAnalysis(t: TraceAnalysis, cap: GoAnalysisCapture): Promise<CompareResult> {
  const parts = [compareAnnotations(t.annotations, cap), await compareProfiles(t, cap), await compareSelectedProfiles(t, cap), compareMmu(t, cap)];
  return { checked: parts.reduce((n, p) => n + p.checked, 0), mismatches: parts.flatMap((p) => p.mismatches) };
}

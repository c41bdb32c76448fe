// Reads the HTML pages of `go tool trace -http` (cmd/trace goroutines.go, tasks.go,
// regions.go) into plain rows of cell text, so they can be compared with ours. Only the parts
// that carry numbers are read: tables, histograms and the summary lines.
import { unescapeHtml } from './go-analysis';

/** Text content of an HTML fragment: tags dropped, entities decoded, whitespace trimmed. */
export function text(html: string): string {
  return unescapeHtml(html.replace(/<br>/g, '\n').replace(/<[^>]*>/g, '')).trim();
}

function between(html: string, start: string, end: string, from = 0): [string, number] | null {
  const i = html.indexOf(start, from);
  if (i < 0) return null;
  const j = html.indexOf(end, i + start.length);
  if (j < 0) return null;
  return [html.slice(i + start.length, j), j + end.length];
}

/** Rows of a table without nested tables: each row's th/td cell texts. */
export function tableRows(tableHtml: string): string[][] {
  const rows: string[][] = [];
  for (const m of tableHtml.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cells = [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]));
    rows.push(cells);
  }
  return rows;
}

/** The `details` tables of a goroutine or region page: [breakdown, special ranges]. */
export function detailTables(html: string): string[][][] {
  const out: string[][][] = [];
  let from = 0;
  for (;;) {
    const t = between(html, '<table class="details">', '</table>', from);
    if (!t) return out;
    out.push(tableRows(t[0]));
    from = t[1];
  }
}

/** The summary table's value cells (goroutine page: start location, count, execution %). */
export function summaryCells(html: string): string[] {
  const t = between(html, '<table class="summary">', '</table>');
  return t ? tableRows(t[0]).map((r) => r[1] ?? '') : [];
}

export interface GoHistogram {
  /** [bucket lower bound label, count], from the first bucket with a sample to the last. */
  buckets: [string, number][];
  /** The label after the last bucket. */
  end: string;
}

/** A TimeHistogram.ToHTML table; null for an empty histogram. */
export function histogram(html: string): GoHistogram | null {
  if (!html.includes('<table>')) return null;
  const buckets: [string, number][] = [];
  let end = '';
  for (const m of html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
    const cells = [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]));
    if (cells.length === 3) buckets.push([cells[0], Number(cells[2])]);
    else if (cells.length === 1) end = cells[0];
  }
  return { buckets, end };
}

/** Rows of /usertasks or /userregions: [first cell text, count, histogram]. */
export function typeRows(html: string): { label: string; count: number; hist: GoHistogram | null }[] {
  const t = between(html, '<table border="1" sortable="1">', '\n</table>');
  if (!t) return [];
  const out: { label: string; count: number; hist: GoHistogram | null }[] = [];
  // Each type row is "  <tr>\n    <td>…</td>\n    <td>…</td>\n    <td>…</td>\n  </tr>".
  for (const m of t[0].matchAll(/\n {2}<tr>\n {4}<td>([\s\S]*?)<\/td>\n {4}<td>([\s\S]*?)<\/td>\n {4}<td>([\s\S]*?)<\/td>\n {2}<\/tr>/g)) {
    out.push({ label: text(m[1]), count: Number(text(m[2])), hist: histogram(m[3]) });
  }
  return out;
}

export interface GoTaskRow {
  when: string;
  duration: string;
  id: string;
  complete: boolean;
  events: { when: string; elapsed: string; goroutine: string; what: string }[];
}

/** The tasks of a /usertask page, in page order, each with its events. */
export function taskRows(html: string): GoTaskRow[] {
  const t = between(html, '<table id="reqs">', '</body>');
  if (!t) return [];
  const out: GoTaskRow[] = [];
  for (const m of t[0].matchAll(/<tr( class="first")?>([\s\S]*?)<\/tr>/g)) {
    const cells = [...m[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
    if (cells.length === 0) continue;
    if (m[1]) {
      const id = /Task (\d+)/.exec(cells[3])?.[1] ?? '';
      out.push({ when: text(cells[0]), duration: text(cells[1]), id, complete: /\(complete\)/.test(cells[3]), events: [] });
    } else if (out.length > 0) {
      // Elapsed keeps its leading blanks (Go pads it for a monospace column).
      const elapsed = unescapeHtml(cells[1]);
      out[out.length - 1].events.push({ when: text(cells[0]), elapsed, goroutine: text(cells[2]), what: text(cells[3]) });
    }
  }
  return out;
}

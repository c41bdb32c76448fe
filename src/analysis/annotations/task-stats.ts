// User tasks as cmd/trace's /usertasks page groups them (by type: count, and a latency
// histogram of complete tasks) and as /usertask lists them (each task with its events in
// time order: begin, end, logs, and its regions' begins and ends), cmd/trace/tasks.go.

import { goFixed } from '../../trace/go/fmt';
import type { GoID, TaskID } from '../../trace/parse/index';
import type { EventRef, LogRef, TaskSummary, TraceAnnotations } from '../goroutines/summary-types';
import { addSample, emptyHistogram, type TimeHistogram } from './histogram';

export function taskComplete(t: TaskSummary): boolean {
  return t.start !== null && t.end !== null;
}

/** A task's span; unknown ends are the trace's first and last event (Go's taskInterval). */
export function taskSpan(a: TraceAnnotations, t: TaskSummary): { startNs: number; endNs: number } {
  return { startNs: t.start?.timeNs ?? a.startNs, endNs: t.end?.timeNs ?? a.endNs };
}

export interface TaskType {
  name: string;
  /** Complete and incomplete tasks. */
  count: number;
  /** Durations of complete tasks only. */
  hist: TimeHistogram;
  /** The longest complete task, for a link; null when none completed. */
  slowest: TaskID | null;
  slowestNs: number;
  /** Where the slowest one ran: its span and the goroutine that began it. */
  slowestSpan: { startNs: number; endNs: number; g: GoID } | null;
}

export function taskTypes(a: TraceAnnotations): TaskType[] {
  const by = new Map<string, TaskType>();
  for (const t of a.tasks) {
    let s = by.get(t.name);
    if (!s) by.set(t.name, (s = { name: t.name, count: 0, hist: emptyHistogram(), slowest: null, slowestNs: -1, slowestSpan: null }));
    s.count++;
    if (taskComplete(t)) {
      const d = t.end!.timeNs - t.start!.timeNs;
      addSample(s.hist, d);
      if (d > s.slowestNs) {
        s.slowestNs = d;
        s.slowest = t.id;
        s.slowestSpan = { startNs: t.start!.timeNs, endNs: t.end!.timeNs, g: t.start!.g };
      }
    }
  }
  return [...by.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

export interface TaskFilter {
  name?: string;
  complete?: boolean;
  /** Latency bounds select complete tasks only (as Go's latmin/latmax). */
  minNs?: number;
  maxNs?: number;
  /** Tasks whose type, region types, log categories or messages contain this text. */
  logText?: string;
  id?: TaskID;
}

export function taskMatches(a: TraceAnnotations, t: TaskSummary, f: TaskFilter): boolean {
  if (f.id !== undefined && t.id !== f.id) return false;
  if (f.name !== undefined && t.name !== f.name) return false;
  if (f.complete !== undefined && taskComplete(t) !== f.complete) return false;
  const s = taskSpan(a, t);
  if (f.minNs !== undefined && !(taskComplete(t) && s.endNs - s.startNs >= f.minNs)) return false;
  if (f.maxNs !== undefined && !(taskComplete(t) && s.endNs - s.startNs <= f.maxNs)) return false;
  if (f.logText !== undefined && f.logText !== '') {
    const x = f.logText;
    const hit = t.name.includes(x) || t.regions.some((i) => a.regions[i].name.includes(x)) || t.logs.some((l) => l.category.includes(x) || l.message.includes(x));
    if (!hit) return false;
  }
  return true;
}

export interface TaskEventRow {
  timeNs: number;
  /** Since the previous event of the task (the first: since the trace's start). */
  elapsedNs: number;
  g: GoID;
  what: string;
  /** For a log: its category and message. */
  log?: { category: string; message: string };
}

export interface TaskRow {
  id: TaskID;
  name: string;
  parent: TaskID | null;
  children: TaskID[];
  startNs: number;
  endNs: number;
  durationNs: number;
  complete: boolean;
  goroutines: GoID[];
  events: TaskEventRow[];
}

/** The tasks a filter selects, shortest first (Go's order), each with its events. */
export function taskDetail(a: TraceAnnotations, f: TaskFilter): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const t of a.tasks) {
    if (!taskMatches(a, t, f)) continue;
    const raw: EventRef[] = [];
    if (t.start) raw.push(t.start);
    if (t.end) raw.push(t.end);
    raw.push(...t.logs);
    for (const i of t.regions) {
      const r = a.regions[i];
      if (r.start) raw.push(r.start);
      if (r.end) raw.push(r.end);
    }
    raw.sort((x, y) => x.timeNs - y.timeNs); // stable, as Go's SortStableFunc
    const events: TaskEventRow[] = [];
    let last = a.startNs;
    for (const ev of raw) {
      if (ev.what === '') continue;
      const row: TaskEventRow = { timeNs: ev.timeNs, elapsedNs: ev.timeNs - last, g: ev.g, what: ev.what };
      if ('category' in ev) row.log = { category: (ev as LogRef).category, message: (ev as LogRef).message };
      events.push(row);
      last = ev.timeNs;
    }
    const s = taskSpan(a, t);
    rows.push({
      id: t.id,
      name: t.name,
      parent: t.parent,
      children: t.children,
      startNs: s.startNs,
      endNs: s.endNs,
      durationNs: s.endNs - s.startNs,
      complete: taskComplete(t),
      goroutines: [...t.goroutines].filter((g) => g !== -1),
      events,
    });
  }
  rows.sort((x, y) => x.durationNs - y.durationNs || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return rows;
}

/** Seconds with nine decimals, as Go's fmt "%2.9f" of Duration.Seconds(). */
export function goSeconds(ns: number): string {
  const sec = Math.trunc(ns / 1e9);
  const nsec = ns - sec * 1e9;
  return goFixed(sec + nsec / 1e9, 9);
}

/** cmd/trace's elapsed(): "%.9f" seconds; below a second, leading zeros blanked. */
export function goElapsed(ns: number): string {
  const s = goSeconds(ns);
  if (ns >= 1e9) return s;
  const chars = [...s];
  const dot = chars.indexOf('.');
  for (let i = 0; i < dot; i++) chars[i] = ' ';
  for (let i = dot + 1; i < chars.length; i++) {
    if (chars[i] !== '0') break;
    chars[i] = ' ';
  }
  return chars.join('');
}

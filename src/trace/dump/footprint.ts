// `go tool trace -d=footprint`, byte for byte: per event type, the bytes its events take
// when re-encoded with minimal varints and how many there are, as shares of the file size
// and of the event count. Follows debugEventsFootprint in Go's cmd/trace/main.go: 256 rows
// (one per type byte) sorted by bytes, descending, with Go's unstable sort, then aligned
// with text/tabwriter (minwidth 3, tabwidth 8, padding 2, padchar ' ', flags 0).

import { type RawEvent, RawReader, rawEventEncodedSize } from '../wire/raw';
import type { EventSpec } from '../wire/specs';
import { errorText, type DumpResult } from './wire';
import { goFixed } from '../go/fmt';
import { goSortFunc } from '../go/sort';
import { tabwriterFormat } from '../go/tabwriter';

interface Row {
  typ: number;
  count: number;
  bytes: number;
}

/** Events counted per type byte, and the table Go prints from them. */
export class FootprintCount {
  private readonly rows: Row[] = [];
  private events = 0;

  constructor() {
    for (let i = 0; i < 256; i++) this.rows.push({ typ: i, count: 0, bytes: 0 });
  }

  add(ev: RawEvent): void {
    const s = this.rows[ev.type];
    s.count++;
    s.bytes += rawEventEncodedSize(ev);
    this.events++;
  }

  /** The table, given the event specs and the bytes Go's counting reader saw (the whole file). */
  text(specs: readonly EventSpec[], totalBytes: number): string {
    const stats = this.rows;
    goSortFunc(stats, (a, b) => (b.bytes < a.bytes ? -1 : b.bytes > a.bytes ? 1 : 0));
    let text = 'Event\tBytes\t%\tCount\t%\n-\t-\t-\t-\t-\n';
    for (const s of stats) {
      const name = s.typ >= specs.length ? `<unknown (${s.typ})>` : specs[s.typ].name;
      const bytesPct = goFixed((s.bytes / totalBytes) * 100, 2);
      const countPct = goFixed((s.count / this.events) * 100, 2);
      text += `${name}\t${s.bytes}\t${bytesPct}%\t${s.count}\t${countPct}%\n`;
    }
    return tabwriterFormat(text, { minwidth: 3, padding: 2, padchar: ' ' });
  }
}

export function dumpFootprint(bytes: Uint8Array): DumpResult {
  let r: RawReader;
  try {
    r = RawReader.open(bytes);
  } catch (e) {
    return { stdout: '', stderr: errorText(e), exitCode: 1 };
  }
  const count = new FootprintCount();
  try {
    for (let ev = r.next(); ev !== null; ev = r.next()) count.add(ev);
  } catch (e) {
    return { stdout: '', stderr: errorText(e), exitCode: 1 };
  }
  // Go divides by the bytes its counting reader saw, which at EOF is the whole file.
  return { stdout: count.text(r.specs, bytes.length), stderr: '', exitCode: 0 };
}

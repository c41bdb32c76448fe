// `go tool trace -d=footprint`, byte for byte: per event type, the bytes its events take
// when re-encoded with minimal varints and how many there are, as shares of the file size
// and of the event count. Follows debugEventsFootprint in Go's cmd/trace/main.go: 256 rows
// (one per type byte) sorted by bytes, descending, with Go's unstable sort, then aligned
// with text/tabwriter (minwidth 3, tabwidth 8, padding 2, padchar ' ', flags 0).

import { RawReader, rawEventEncodedSize } from '../wire/raw';
import { errorText, type DumpResult } from './wire';
import { goFixed } from '../go/fmt';
import { goSortFunc } from '../go/sort';
import { tabwriterFormat } from '../go/tabwriter';

interface Row {
  typ: number;
  count: number;
  bytes: number;
}

export function dumpFootprint(bytes: Uint8Array): DumpResult {
  let r: RawReader;
  try {
    r = RawReader.open(bytes);
  } catch (e) {
    return { stdout: '', stderr: errorText(e), exitCode: 1 };
  }
  const stats: Row[] = [];
  for (let i = 0; i < 256; i++) stats.push({ typ: i, count: 0, bytes: 0 });
  let eventsRead = 0;
  try {
    for (let ev = r.next(); ev !== null; ev = r.next()) {
      const s = stats[ev.type];
      s.count++;
      s.bytes += rawEventEncodedSize(ev);
      eventsRead++;
    }
  } catch (e) {
    return { stdout: '', stderr: errorText(e), exitCode: 1 };
  }
  goSortFunc(stats, (a, b) => (b.bytes < a.bytes ? -1 : b.bytes > a.bytes ? 1 : 0));
  const specs = r.specs;
  // Go divides by the bytes its counting reader saw, which at EOF is the whole file.
  const total = bytes.length;
  let text = 'Event\tBytes\t%\tCount\t%\n-\t-\t-\t-\t-\n';
  for (const s of stats) {
    const name = s.typ >= specs.length ? `<unknown (${s.typ})>` : specs[s.typ].name;
    const bytesPct = goFixed((s.bytes / total) * 100, 2);
    const countPct = goFixed((s.count / eventsRead) * 100, 2);
    text += `${name}\t${s.bytes}\t${bytesPct}%\t${s.count}\t${countPct}%\n`;
  }
  return { stdout: tabwriterFormat(text, { minwidth: 3, padding: 2, padchar: ' ' }), stderr: '', exitCode: 0 };
}

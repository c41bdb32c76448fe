// The modes of `flightdeck dump --mode=…`, one entry each. Every mode takes the trace bytes
// and returns what `go tool trace -d=<mode>` would print and its exit code. Add a mode by
// adding an entry (the parsed dump plugs in here).

import { dumpFootprint } from '../../trace/dump/footprint';
import { dumpParsedTo } from '../../trace/dump/parsed';
import { dumpParsedChunks } from '../../trace/dump/parsed-stream';
import { dumpFootprintChunks, dumpWireChunks } from '../../trace/dump/wire-stream';
import type { ChunkSource } from '../../trace/wire/chunk-feeder';
import { dumpWireTo, type DumpResult } from '../../trace/dump/wire';
import { encodeGoString } from '../../trace/go/string';
import type { GoRelease } from '../../trace/go/strconv';

export interface DumpMode {
  summary: string;
  /**
   * Writes stdout through write() (so large dumps stream); returns stderr and the exit code.
   * Strings are quoted as Go release `go` quotes them.
   */
  run(bytes: Uint8Array, write: (chunk: string | Uint8Array) => void, go: GoRelease): Omit<DumpResult, 'stdout'>;
  /** The same over input in pieces, never held whole. */
  stream?(source: ChunkSource, write: (chunk: string | Uint8Array) => void, go: GoRelease): Promise<Omit<DumpResult, 'stdout'>>;
}

/** Strings holding bytes that are not UTF-8 are written as those raw bytes, as Go does. */
const rawBytes = (write: (chunk: string | Uint8Array) => void) => (c: string) => write(/[\udc80-\udcff]/.test(c) ? encodeGoString(c) : c);

/** Adapts a function that returns the whole dump at once. */
export function wholeDump(summary: string, fn: (bytes: Uint8Array) => DumpResult): DumpMode {
  return {
    summary,
    run(bytes, write) {
      const r = fn(bytes);
      write(r.stdout);
      return { stderr: r.stderr, exitCode: r.exitCode };
    },
  };
}

export const dumpModes: Record<string, DumpMode> = {
  wire: {
    summary: 'every raw wire event (go tool trace -d=wire)',
    run: (bytes, write, go) => dumpWireTo(bytes, write, go),
    stream: (source, write, go) => dumpWireChunks(source, write, go),
  },
  parsed: {
    summary: 'every parsed event in order (go tool trace -d=parsed)',
    run: (bytes, write, go) => dumpParsedTo(bytes, rawBytes(write), go),
    stream: (source, write, go) => dumpParsedChunks(source, rawBytes(write), go),
  },
  footprint: {
    ...wholeDump('bytes and counts per event type (go tool trace -d=footprint)', dumpFootprint),
    stream: (source, write) => dumpFootprintChunks(source, write),
  },
};

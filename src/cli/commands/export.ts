// `flightdeck export --format=FORMAT FILE -o OUT`: a trace exported for another tool. One
// entry per format below, each in its own file (export-FORMAT.ts); a new format is one line.

import { CliError, type CliIO, type Command, inputChunks } from '../command';
import type { ChunkSource } from '../../trace/wire/chunk-feeder';
import { chromeExport } from './export-chrome';
import { pprofExport } from './export-pprof';

/** One export format. */
export interface ExportFormat {
  /** What it writes, for the usage text. */
  readonly summary: string;
  /** Flags of its own (without dashes), besides --format and -o. */
  readonly flags: readonly string[];
  /** Exports the trace (read in pieces) to the output path ('-' is standard output); returns the exit code. */
  run(source: ChunkSource, output: string, flags: ReadonlyMap<string, string>, io: CliIO): Promise<number>;
}

export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  chrome: chromeExport,
  pprof: pprofExport,
};

const names = () => Object.keys(EXPORT_FORMATS).join('|');

export const exportCommand: Command = {
  name: 'export',
  summary: 'export a trace for another tool (Chrome/Perfetto JSON, pprof)',
  get usage() {
    const lines = Object.entries(EXPORT_FORMATS).map(([n, f]) => `  --format=${n}  ${f.summary}\n`);
    return `usage: flightdeck export --format=${names()} FILE -o OUT   ('-' is standard input/output)\n${lines.join('')}`;
  },
  get flags() {
    return ['format', 'o', ...new Set(Object.values(EXPORT_FORMATS).flatMap((f) => f.flags))];
  },
  async run(args, io) {
    const name = args.flags.get('format');
    const format = name === undefined ? undefined : EXPORT_FORMATS[name];
    if (format === undefined) {
      throw new CliError(`flightdeck export: --format must be one of ${names().replace(/\|/g, ', ')}${name === undefined ? '' : `, not ${JSON.stringify(name)}`}`, 2);
    }
    for (const f of args.flags.keys()) {
      if (f !== 'format' && f !== 'o' && !format.flags.includes(f)) throw new CliError(`flightdeck export: --${f} does not apply to --format=${name}`, 2);
    }
    if (args.positional.length !== 1) throw new CliError('flightdeck export: expected one trace FILE', 2);
    const output = args.flags.get('o') ?? '-';
    return format.run(await inputChunks(io, args.positional[0]), output, args.flags, io);
  },
};

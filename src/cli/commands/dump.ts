// `flightdeck dump --mode=MODE [--go=1.26|1.27] FILE`: prints what `go tool trace -d=MODE FILE`
// prints, with the same stdout, stderr and exit code. Go 1.26 and 1.27 quote strings with
// different Unicode tables (15.0 and 17.0): --go picks whose output to match, the newest by
// default.

import { goReleaseOf, NEWEST_GO } from '../../trace/go/strconv';
import { CliError, type Command, inputChunks } from '../command';
import { dumpModes } from './dump-modes';

// The modes in the order Go lists them in its usage error (cmd/trace/main.go).
const GO_MODE_ORDER = ['parsed', 'wire', 'footprint'];

export const dumpCommand: Command = {
  name: 'dump',
  summary: 'print a trace the way `go tool trace -d=MODE` does',
  get usage() {
    const modes = Object.entries(dumpModes)
      .map(([name, m]) => `  ${name.padEnd(10)} ${m.summary}`)
      .join('\n');
    return (
      `usage: flightdeck dump --mode=MODE [--go=RELEASE] FILE   (FILE '-' reads standard input)\n\nmodes:\n${modes}\n\n` +
      `--go=1.26 quotes strings as Go 1.26's go tool trace does (Unicode 15.0 tables);\n` +
      `--go=1.27, the default, as Go 1.27's does (Unicode 17.0).\n`
    );
  },
  flags: ['mode', 'go'],
  async run(args, io) {
    const mode = args.flags.get('mode');
    if (mode === undefined) throw new CliError('flightdeck dump: missing --mode', 2);
    const m = dumpModes[mode];
    if (!m) {
      // Go's wording for the same mistake (cmd/trace/main.go).
      throw new CliError(`invalid debug mode ${mode}, want one of: ${GO_MODE_ORDER.filter((n) => n in dumpModes).join(', ')}`);
    }
    const goFlag = args.flags.get('go');
    const go = goFlag === undefined ? NEWEST_GO : goReleaseOf(goFlag);
    if (go === null) throw new CliError(`flightdeck dump: --go=${goFlag}: want 1.26 or 1.27`, 2);
    if (args.positional.length !== 1) throw new CliError('flightdeck dump: expected exactly one trace file', 2);
    const path = args.positional[0];
    const write = (chunk: string | Uint8Array) => io.out(chunk);
    const { stderr, exitCode } = m.stream ? await m.stream(await inputChunks(io, path), write, go) : m.run(await io.readInput(path), write, go);
    if (stderr) io.err(stderr);
    return exitCode;
  },
};

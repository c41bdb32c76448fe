// `flightdeck dump --mode=MODE FILE`: prints what `go tool trace -d=MODE FILE` prints, with
// the same stdout, stderr and exit code.

import { CliError, type Command } from '../command';
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
    return `usage: flightdeck dump --mode=MODE FILE   (FILE '-' reads standard input)\n\nmodes:\n${modes}\n`;
  },
  flags: ['mode'],
  async run(args, io) {
    const mode = args.flags.get('mode');
    if (mode === undefined) throw new CliError('flightdeck dump: missing --mode', 2);
    const m = dumpModes[mode];
    if (!m) {
      // Go's wording for the same mistake (cmd/trace/main.go).
      throw new CliError(`invalid debug mode ${mode}, want one of: ${GO_MODE_ORDER.filter((n) => n in dumpModes).join(', ')}`);
    }
    if (args.positional.length !== 1) throw new CliError('flightdeck dump: expected exactly one trace file', 2);
    const bytes = await io.readInput(args.positional[0]);
    const { stderr, exitCode } = m.run(bytes, (chunk) => io.out(chunk));
    if (stderr) io.err(stderr);
    return exitCode;
  },
};

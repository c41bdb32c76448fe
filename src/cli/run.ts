// Runs one CLI invocation against an IO object and returns the exit code; main.ts binds it
// to the real process, tests to memory.

import { parseArgs } from './args';
import { CliError, type CliIO } from './command';
import { commands } from './commands/index';
import { overview } from './commands/help';

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.err(overview());
    return 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    io.err(`flightdeck: unknown command ${JSON.stringify(name)}\n${overview()}`);
    return 2;
  }
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(cmd.usage);
      return 0;
    }
    return await cmd.run(parseArgs(rest, cmd.flags, cmd.name), io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`${e.message}\n`);
      if (e.exitCode === 2) io.err(cmd.usage);
      return e.exitCode;
    }
    throw e;
  }
}

// `flightdeck help [COMMAND]`.

import { CliError, type Command } from '../command';
import { commands } from './index';

export const helpCommand: Command = {
  name: 'help',
  summary: 'list the commands, or show one command’s usage',
  usage: 'usage: flightdeck help [COMMAND]\n',
  flags: [],
  async run(args, io) {
    const name = args.positional[0];
    if (name !== undefined) {
      const c = commands[name];
      if (!c) throw new CliError(`flightdeck help: unknown command ${JSON.stringify(name)}`, 2);
      io.out(c.usage);
      return 0;
    }
    io.out(overview());
    return 0;
  },
};

export function overview(): string {
  const lines = Object.values(commands)
    .map((c) => `  ${c.name.padEnd(10)} ${c.summary}`)
    .join('\n');
  return `usage: flightdeck COMMAND [flags] [args]\n\ncommands:\n${lines}\n\nRun "flightdeck help COMMAND" for a command's flags.\n`;
}

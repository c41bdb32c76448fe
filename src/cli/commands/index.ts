// The command registry: one entry per command, looked up by name. Add a command by
// importing it and adding it here.

import type { Command } from '../command';
import { convertCommand } from './convert';
import { dumpCommand } from './dump';
import { exportCommand } from './export';
import { helpCommand } from './help';
import { recordCommand } from './record';
import { simulateCommand } from './simulate';
import { statsCommand } from './stats';
import { validateCommand } from './validate';

export const commands: Record<string, Command> = {
  dump: dumpCommand,
  convert: convertCommand,
  validate: validateCommand,
  export: exportCommand,
  stats: statsCommand,
  simulate: simulateCommand,
  record: recordCommand,
  help: helpCommand,
};

// A small flag parser: --flag=value, --flag value, -flag=value (Go style), '--' ends flags,
// '-' alone is a positional (standard input or output).

import { CliError, type ParsedArgs } from './command';

export function parseArgs(argv: readonly string[], known: readonly string[], commandName: string): ParsedArgs {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (!known.includes(name)) {
      throw new CliError(`flightdeck ${commandName}: unknown flag ${a.slice(0, a.length - body.length)}${name}`, 2);
    }
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new CliError(`flightdeck ${commandName}: flag --${name} needs a value`, 2);
      value = argv[++i];
    }
    flags.set(name, value);
  }
  return { flags, positional };
}

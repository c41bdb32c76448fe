// `flightdeck validate FILE`: reads a trace with the parser and checks every event with the
// validator (Go's internal/trace/testtrace checks). Exit 0 when the trace is whole and
// consistent; exit 1 with the reader's error (Go's wording) or the validator's findings.

import { TraceError } from '../../trace/parse/errors';
import { EventKind } from '../../trace/parse/event';
import { TraceReader } from '../../trace/parse/reader';
import { Validator } from '../../trace/parse/validator';
import { CliError, type Command } from '../command';

/** At most this many validator findings are printed; the count says how many more. */
const MAX_FINDINGS = 20;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'read a trace and check every event; exit 1 with the first error',
  usage: "usage: flightdeck validate FILE   (FILE '-' reads standard input)\n",
  flags: [],
  async run(args, io) {
    if (args.positional.length !== 1) throw new CliError('flightdeck validate: expected exactly one trace file', 2);
    const bytes = await io.readInput(args.positional[0]);
    let events = 0;
    let gens = 0;
    const findings: string[] = [];
    try {
      const r = new TraceReader(bytes);
      const v = new Validator(r.version);
      for (let ev = r.readEvent(); ev !== null; ev = r.readEvent()) {
        events++;
        if (ev.kind() === EventKind.Sync) gens++;
        for (const f of v.event(ev)) findings.push(`event ${events}: ${f}`);
      }
    } catch (e) {
      if (e instanceof TraceError) {
        const kept = gens > 1 ? ` (${gens - 1} complete generation${gens === 2 ? '' : 's'} read before it)` : '';
        io.err(`${e.message}\n`);
        if (kept) io.err(`flightdeck validate: trace is ${e.fault}${kept}\n`);
        return 1;
      }
      throw new CliError(e instanceof Error ? e.message : String(e));
    }
    if (findings.length > 0) {
      for (const f of findings.slice(0, MAX_FINDINGS)) io.err(`${f}\n`);
      if (findings.length > MAX_FINDINGS) io.err(`... and ${findings.length - MAX_FINDINGS} more\n`);
      return 1;
    }
    io.out(`ok: ${events} events in ${Math.max(gens - 1, 0)} generations\n`);
    return 0;
  },
};

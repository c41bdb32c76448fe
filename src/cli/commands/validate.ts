// `flightdeck validate FILE`: reads a trace with the parser and checks every event with the
// validator (Go's internal/trace/testtrace checks). Exit 0 when the trace is whole and
// consistent; exit 1 with the reader's error (Go's wording) or the validator's findings. The
// file is read as a stream, one generation held at a time (a Go 1.11–1.21 trace excepted,
// which Go's parser reads whole), and only the findings printed are kept.

import { TraceError } from '../../trace/parse/errors';
import { EventKind, type TraceEvent } from '../../trace/parse/event';
import { TraceReader } from '../../trace/parse/reader';
import { Validator } from '../../trace/parse/validator';
import { headerReady } from '../../trace/wire/batch-peek';
import { ChunkFeeder } from '../../trace/wire/chunk-feeder';
import { CliError, type Command, inputChunks } from '../command';

/** At most this many validator findings are printed; the count says how many more. */
const MAX_FINDINGS = 20;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'read a trace and check every event; exit 1 with the first error',
  usage: "usage: flightdeck validate FILE   (FILE '-' reads standard input)\n",
  flags: [],
  async run(args, io) {
    if (args.positional.length !== 1) throw new CliError('flightdeck validate: expected exactly one trace file', 2);
    const feed = new ChunkFeeder(await inputChunks(io, args.positional[0]));
    while (!headerReady(feed.input)) await feed.more();
    let events = 0;
    let gens = 0;
    const findings: string[] = [];
    let unprinted = 0;
    try {
      const r = new TraceReader(feed.input);
      const v = new Validator(r.version);
      const check = (ev: TraceEvent) => {
        events++;
        if (ev.kind() === EventKind.Sync) gens++;
        for (const f of v.event(ev)) {
          if (findings.length < MAX_FINDINGS) findings.push(`event ${events}: ${f}`);
          else unprinted++;
        }
      };
      for (;;) {
        if (r.forEachEvent(check)) break;
        if (r.wantsInput) await feed.more();
      }
    } catch (e) {
      if (e instanceof TraceError) {
        const kept = gens > 1 ? ` (${gens - 1} complete generation${gens === 2 ? '' : 's'} read before it)` : '';
        // A gzip stream cut short or damaged: its own message, not what the reader made of the cut.
        io.err(`${feed.failure !== null ? feed.failure.message : e.message}\n`);
        if (kept) io.err(`flightdeck validate: trace is ${feed.failure !== null ? 'truncated' : e.fault}${kept}\n`);
        return 1;
      }
      throw new CliError(e instanceof Error ? e.message : String(e));
    }
    if (findings.length > 0) {
      for (const f of findings) io.err(`${f}\n`);
      if (unprinted > 0) io.err(`... and ${unprinted} more\n`);
      return 1;
    }
    io.out(`ok: ${events} events in ${Math.max(gens - 1, 0)} generations\n`);
    return 0;
  },
};

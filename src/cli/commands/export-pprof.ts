// --format=pprof: one of the trace's profiles as a gzipped pprof protobuf that `go tool pprof`
// reads. net, sync, syscall and sched are the same samples `go tool trace -pprof=TYPE` writes;
// cpu is the trace's CPU samples. Go's wording for an unknown type and an unreadable trace; a
// damaged trace is profiled up to the damage (as Go does) with a warning on stderr.

import { analyseTraceChunks } from '../../analysis/analyse';
import { encodePprofGzip } from '../../analysis/profiles/pprof';
import { PROFILE_KINDS, type ProfileKind } from '../../analysis/profiles/profile-sink';
import { selectProfile } from '../../analysis/profiles/select';
import { CliError } from '../command';
import type { ExportFormat } from './export';

export const pprofExport: ExportFormat = {
  summary: 'a gzipped pprof profile (--profile=net|sync|syscall|sched|cpu), as go tool trace -pprof=TYPE',
  flags: ['profile'],
  async run(source, output, flags, io) {
    const kind = flags.get('profile');
    if (kind === undefined) throw new CliError('flightdeck export: --format=pprof needs --profile=net|sync|syscall|sched|cpu', 2);
    if (!(PROFILE_KINDS as readonly string[]).includes(kind)) throw new CliError(`unknown pprof type ${kind}`);
    const t = await analyseTraceChunks(source);
    if (t.end.error !== null) {
      const message = t.end.error instanceof Error ? t.end.error.message : String(t.end.error);
      if (t.end.events === 0) throw new CliError(`failed to parse any useful part of the trace: ${message}`);
      io.err(`flightdeck export: the trace is damaged (${message}); profiled the ${t.end.events} events before it\n`);
    }
    const profile = selectProfile(t.profiles, t.annotations, kind as ProfileKind, { by: 'all' });
    await io.writeOutput(output, await encodePprofGzip(profile));
    return 0;
  },
};

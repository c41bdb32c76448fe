// `flightdeck record`: runs a workload with a FlightRecorder and writes a snapshot
// (FlightRecorder.WriteTo) at each requested time, as PREFIX-1.trace, PREFIX-2.trace, …

import { BufferSink, FlightRecorder, SimulatedRuntime } from '../../recorder/index';
import { CliError, type Command } from '../command';
import { cpuProfileHzFlag, goFlag, numberFlag, requiredFlag, workloadFlag } from './sim-flags';

export const recordCommand: Command = {
  name: 'record',
  summary: 'run a simulated Go program under a flight recorder and write its snapshots',
  usage:
    'usage: flightdeck record --workload idle|busy|gc-heavy|spiky|slow-requests [--max-bytes B] [--min-age MS] --seconds N\n' +
    '                         --snapshot-at T1,T2,… [--seed S] [--go 1.25|1.26] [--cpu-profile-hz N] --out PREFIX\n' +
    '  snapshot times are seconds of simulated time; files are PREFIX-1.trace, PREFIX-2.trace, …\n' +
    '  --cpu-profile-hz: CPU samples per second (default 100, 0 = off)\n',
  flags: ['workload', 'max-bytes', 'min-age', 'seconds', 'snapshot-at', 'seed', 'go', 'cpu-profile-hz', 'out'],
  async run(args, io) {
    const cmd = 'record';
    if (args.positional.length > 0) throw new CliError(`flightdeck ${cmd}: unexpected argument ${JSON.stringify(args.positional[0])}`, 2);
    const workload = workloadFlag(cmd, args.flags.get('workload'));
    const maxBytes = numberFlag(cmd, 'max-bytes', args.flags.get('max-bytes'), 0, 0, 2 ** 40, true);
    const minAge = numberFlag(cmd, 'min-age', args.flags.get('min-age'), 0, 0, 3_600_000);
    const seconds = numberFlag(cmd, 'seconds', args.flags.get('seconds'), 10, 0.001, 3600);
    const seed = numberFlag(cmd, 'seed', args.flags.get('seed'), 1, 0, 2 ** 32 - 1, true);
    const go = goFlag(cmd, args.flags.get('go'));
    const cpuProfileHz = cpuProfileHzFlag(cmd, args.flags.get('cpu-profile-hz'));
    const prefix = requiredFlag(cmd, 'out', args.flags.get('out'));
    if (prefix === '-') throw new CliError(`flightdeck ${cmd}: --out is a file name prefix, not standard output`, 2);
    const atText = requiredFlag(cmd, 'snapshot-at', args.flags.get('snapshot-at'));
    const times = atText.split(',').map((t) => numberFlag(cmd, 'snapshot-at', t, 0, 0, seconds));
    for (let i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) throw new CliError(`flightdeck ${cmd}: --snapshot-at times must not decrease (${times[i - 1]} then ${times[i]})`, 2);
    }
    const rt = new SimulatedRuntime({ workload, seed, go, cpuProfileHz });
    const fr = new FlightRecorder(rt, { maxBytes, minAge });
    fr.start();
    for (let i = 0; i < times.length; i++) {
      rt.advanceTo(times[i] * 1e9);
      const sink = new BufferSink();
      const n = await fr.writeTo(sink);
      const file = `${prefix}-${i + 1}.trace`;
      await io.writeOutput(file, sink.bytes());
      const gens = fr.ringGenerations().map((g) => g.gen);
      io.err(`snapshot ${i + 1} at ${times[i]} s: ${n} bytes, generations ${gens[0]}–${gens[gens.length - 1]} → ${file}\n`);
    }
    rt.advanceTo(seconds * 1e9);
    fr.stop();
    return 0;
  },
};

// `flightdeck simulate`: runs a workload of the simulated runtime with a full trace
// (trace.Start … trace.Stop) and writes the trace file.

import { BufferSink, SimulatedRuntime, startTrace, stopTrace } from '../../recorder/index';
import { CliError, type Command } from '../command';
import { cpuProfileHzFlag, goFlag, numberFlag, requiredFlag, workloadFlag } from './sim-flags';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run a simulated Go program and write its full execution trace',
  usage:
    'usage: flightdeck simulate --workload idle|busy|gc-heavy|spiky|slow-requests --seconds N [--seed S] [--go 1.25|1.26]\n' +
    '                           [--cpu-profile-hz N] --out FILE\n' +
    "  ('-' as FILE is standard output); --cpu-profile-hz: CPU samples per second (default 100, 0 = off)\n",
  flags: ['workload', 'seconds', 'seed', 'go', 'cpu-profile-hz', 'out'],
  async run(args, io) {
    const cmd = 'simulate';
    if (args.positional.length > 0) throw new CliError(`flightdeck ${cmd}: unexpected argument ${JSON.stringify(args.positional[0])}`, 2);
    const workload = workloadFlag(cmd, args.flags.get('workload'));
    const seconds = numberFlag(cmd, 'seconds', args.flags.get('seconds'), 5, 0.001, 3600);
    const seed = numberFlag(cmd, 'seed', args.flags.get('seed'), 1, 0, 2 ** 32 - 1, true);
    const go = goFlag(cmd, args.flags.get('go'));
    const cpuProfileHz = cpuProfileHzFlag(cmd, args.flags.get('cpu-profile-hz'));
    const out = requiredFlag(cmd, 'out', args.flags.get('out'));
    const rt = new SimulatedRuntime({ workload, seed, go, cpuProfileHz });
    const sink = new BufferSink();
    startTrace(rt, sink);
    rt.advanceBy(seconds * 1e9);
    stopTrace(rt);
    await io.writeOutput(out, sink.bytes());
    if (out !== '-') io.err(`wrote ${sink.length} bytes (${workload}, ${seconds} s, Go ${go} format) to ${out}\n`);
    return 0;
  },
};

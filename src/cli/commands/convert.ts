// `flightdeck convert --to=text|binary IN OUT`: between Go's binary trace format and the text
// format of Go's golden tests (internal/trace/raw). '-' is standard input or output.

import { binaryToText, textToBinary } from '../../trace/wire/convert';
import { CliError, type Command } from '../command';

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a trace between the binary and text formats',
  usage: "usage: flightdeck convert --to=text|binary IN OUT   ('-' is standard input/output)\n",
  flags: ['to'],
  async run(args, io) {
    const to = args.flags.get('to');
    if (to !== 'text' && to !== 'binary') {
      throw new CliError(`flightdeck convert: --to must be text or binary${to === undefined ? '' : `, not ${JSON.stringify(to)}`}`, 2);
    }
    if (args.positional.length !== 2) throw new CliError('flightdeck convert: expected IN and OUT', 2);
    const [input, output] = args.positional;
    const bytes = await io.readInput(input);
    let out: Uint8Array;
    try {
      out = to === 'text' ? new TextEncoder().encode(binaryToText(bytes)) : textToBinary(bytes);
    } catch (e) {
      throw new CliError(e instanceof Error ? e.message : String(e));
    }
    await io.writeOutput(output, out);
    return 0;
  },
};

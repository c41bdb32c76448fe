// `flightdeck convert --to=text|binary IN OUT`: between Go's binary trace format and the text
// format of Go's golden tests (internal/trace/raw). '-' is standard input or output. Streamed:
// the input is read in pieces and the output written as it is made, so neither is held whole.
// On a fault the output holds everything converted before it, and the command fails with
// Go's message.

import { binaryToTextStream, textToBinaryStream } from '../../trace/wire/convert';
import { ChunkFeeder } from '../../trace/wire/chunk-feeder';
import { CliError, inputChunks, outputStream, type Command } from '../command';

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a trace between the binary and text formats',
  usage:
    "usage: flightdeck convert --to=text|binary IN OUT   ('-' is standard input/output)\n" +
    'A damaged input fails with its fault; OUT then holds what was converted before it.\n',
  flags: ['to'],
  async run(args, io) {
    const to = args.flags.get('to');
    if (to !== 'text' && to !== 'binary') {
      throw new CliError(`flightdeck convert: --to must be text or binary${to === undefined ? '' : `, not ${JSON.stringify(to)}`}`, 2);
    }
    if (args.positional.length !== 2) throw new CliError('flightdeck convert: expected IN and OUT', 2);
    const [input, output] = args.positional;
    const feed = new ChunkFeeder(await inputChunks(io, input));
    const out = outputStream(io, output);
    let fault: unknown = null;
    try {
      if (to === 'text') await binaryToTextStream(feed, (t) => out.write(t));
      else await textToBinaryStream(feed, (b) => out.write(b));
    } catch (e) {
      // A source that failed (a damaged gzip stream) is the cause of whatever the reader made of the cut.
      fault = feed.failure ?? e;
    } finally {
      await out.close();
    }
    if (fault !== null) throw new CliError(fault instanceof Error ? fault.message : String(fault));
    return 0;
  },
};

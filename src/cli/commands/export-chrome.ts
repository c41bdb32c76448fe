// --format=chrome: the trace's timeline model as the Catapult JSON `go tool trace` serves at
// /jsontrace (its proc view, or --view=thread), which chrome://tracing and Perfetto open.
// A damaged trace is exported up to its last complete generation, as Go's viewer shows it,
// with a warning on stderr.

import { buildTimelineChunks } from '../../analysis/timeline/build';
import { writeChromeJson, type ChromeView } from '../../analysis/timeline/chrome/export';
import { CliError, outputStream } from '../command';
import type { ExportFormat } from './export';

const VIEWS: readonly ChromeView[] = ['proc', 'thread'];

export const chromeExport: ExportFormat = {
  summary: "Catapult JSON as go tool trace's /jsontrace (--view=proc|thread, default proc)",
  flags: ['view'],
  async run(source, output, flags, io) {
    const view = (flags.get('view') ?? 'proc') as ChromeView;
    if (!VIEWS.includes(view)) throw new CliError(`flightdeck export: --view must be proc or thread, not ${JSON.stringify(view)}`, 2);
    const { model } = await buildTimelineChunks(source);
    if (model.chunks.length === 0) {
      const message = model.loss?.message ?? 'no events';
      throw new CliError(`failed to parse any useful part of the trace: ${message}`);
    }
    if (model.loss) {
      io.err(`flightdeck export: the trace is damaged (${model.loss.message}); exported its first ${model.loss.generationsKept} complete generations\n`);
    }
    const out = outputStream(io, output);
    writeChromeJson(model, view, (s) => out.write(s));
    await out.close();
    return 0;
  },
};

// The flightdeck command: `npx tsx src/cli/main.ts COMMAND ...`.

import { nodeIO } from './node-io';
import { runCli } from './run';

// A reader that stops early (`flightdeck dump ... | head`) closes the pipe: stop quietly, as a
// Go command killed by SIGPIPE does, instead of printing a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

runCli(process.argv.slice(2), nodeIO).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`flightdeck: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);

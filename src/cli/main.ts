// The flightdeck command: `npx tsx src/cli/main.ts COMMAND ...`.

import { nodeIO } from './node-io';
import { runCli } from './run';

runCli(process.argv.slice(2), nodeIO).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`flightdeck: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);

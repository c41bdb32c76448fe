// `npm run bench`: runs every bench/*.bench.ts and prints their figures. Pass a name prefix
// (`npm run bench -- parse`) to run only some of them.
import { runSteps } from '../scripts/run-steps';

process.exit(runSteps('bench', 'bench', '.bench.ts', ['wire', 'parse', 'stream', 'load', 'analysis', 'model', 'runtime', 'viewer'], process.argv.slice(2)));

// `npm run conformance`: every check against Go itself, in one command. Each step is a
// standalone script in scripts/conformance/; steps that need a Go toolchain say so and
// fall back to the committed Go dumps when `go` is not on PATH.
import { runSteps } from './run-steps';

process.exit(runSteps('conformance', 'scripts/conformance', '.ts', ['wire', 'parse', 'go-compare', 'v1', 'runtime', 'analysis'], process.argv.slice(2)));

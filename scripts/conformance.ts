// `npm run conformance`: every check against Go itself, in one command. Each step is a
// standalone script in scripts/conformance/. A step that cannot ask Go (no `go`, a toolchain or
// the x/exp validator missing) fails and says what it could not compare; `npm run conformance
// -- --no-go` runs without Go, each step saying loudly what it skipped (scripts/lib/go-needed.ts).
import { runSteps } from './run-steps';

process.exit(runSteps('conformance', 'scripts/conformance', '.ts', ['wire', 'parse', 'go-compare', 'jsontrace', 'v1', 'runtime', 'analysis', 'mutations', 'fuzz'], process.argv.slice(2)));

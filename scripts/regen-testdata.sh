#!/bin/sh
# Rebuilds and re-runs every program under testdata/go with Go 1.26 and Go 1.27, then records
# Go's own dumps of every trace, and what Go's trace tool says about each (its analysis pages
# and pprof profiles, testdata/analysis). Pass --dump-only to keep the committed traces and only
# re-dump them; --only=NAME[,NAME] and --toolchain=go126|go127 narrow the run. See
# testdata/README.md.
set -eu
cd "$(dirname "$0")/.."
mkdir -p testdata/traces
npx tsx scripts/regen-testdata.ts "$@"
exec npx tsx scripts/regen-analysis.ts "$@"

#!/usr/bin/env bash
# Finds or builds the Temporal CLI (which carries the dev server) and prints its path on stdout.
# Order: $TEMPORAL_CLI, `temporal` on PATH, the project's .tools/bin, the shared cache
# ($TEMPORAL_CLI_CACHE, used by CI to survive fresh clones), then a build with Go.
# Progress goes to stderr so callers can capture the path alone. Idempotent.
set -euo pipefail

version="v1.5.1" # newer tags carry a `replace` directive that `go install` refuses
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project_bin="$root/.tools/bin"
say() { printf '[temporal-cli] %s\n' "$*" >&2; }

if [ -n "${TEMPORAL_CLI:-}" ]; then
  [ -x "$TEMPORAL_CLI" ] || { say "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file"; exit 1; }
  printf '%s\n' "$TEMPORAL_CLI"; exit 0
fi
if command -v temporal >/dev/null 2>&1; then
  command -v temporal; exit 0
fi
if [ -x "$project_bin/temporal" ]; then
  printf '%s\n' "$project_bin/temporal"; exit 0
fi
mkdir -p "$project_bin"
cache="${TEMPORAL_CLI_CACHE:-}"
if [ -n "$cache" ] && [ -x "$cache/temporal-$version" ]; then
  say "using cached build from $cache"
  cp "$cache/temporal-$version" "$project_bin/temporal"
  printf '%s\n' "$project_bin/temporal"; exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  say "No Temporal CLI found and no Go toolchain to build one."
  say "Install one of these, then run this again:"
  say "  - the Temporal CLI (https://docs.temporal.io/cli), then put 'temporal' on PATH or set TEMPORAL_CLI=/path/to/temporal"
  say "  - Go 1.23+ (https://go.dev/dl/): the CLI is then built automatically"
  say "  - or point TEMPORAL_ADDRESS at an existing Temporal server (npm start only)"
  exit 1
fi
say "building Temporal CLI $version with $(go version | cut -d' ' -f3) into $project_bin"
say "the first build downloads modules and compiles for a few minutes; later runs reuse it"
started=$(date +%s)
# -v lists each package as it compiles: progress for a long, silent step.
GOBIN="$project_bin" go install -v "github.com/temporalio/cli/cmd/temporal@$version" 2>&1 \
  | awk '{ n++; if (n % 200 == 0) { printf "[temporal-cli] compiled %d packages...\n", n > "/dev/stderr"; fflush("/dev/stderr") } }'
[ -x "$project_bin/temporal" ] || { say "go install finished but $project_bin/temporal is missing"; exit 1; }
say "built in $(( $(date +%s) - started ))s"
if [ -n "$cache" ]; then
  mkdir -p "$cache" && cp "$project_bin/temporal" "$cache/temporal-$version.tmp" && mv "$cache/temporal-$version.tmp" "$cache/temporal-$version"
  say "cached at $cache/temporal-$version"
fi
printf '%s\n' "$project_bin/temporal"

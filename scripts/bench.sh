#!/usr/bin/env bash
# Builds Warden and its benchmark harness, then runs the benchmark:
# tools/call round trips direct and through Warden (guards off and on),
# at 100 B / 10 KiB / 100 KiB, 1 and 32 clients, plus 10,000 idle sessions.
# Results go to bench/results/<date>.{md,json}. See docs/benchmarks.md.
#
#   scripts/bench.sh            full run (about 2.5 minutes on 2 cores)
#   scripts/bench.sh --quick    CI smoke run (under 30 s)
#   scripts/bench.sh --help     every flag
set -euo pipefail
cd "$(dirname "$0")/.."
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
go build -o bin/warden ./cmd/warden
go build -o bin/wardenbench ./bench/cmd/wardenbench
echo "+ bin/wardenbench --warden bin/warden $*" >&2
exec bin/wardenbench --warden bin/warden "$@"

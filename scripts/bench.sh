#!/usr/bin/env bash
# Builds the `bench` preset (Release) and runs every benchmark beside its
# baseline, measured in the same run (docs/PERFORMANCE.md):
#   scripts/bench.sh                 1,000 GPX runs: I/O floor, pugixml baseline,
#                                    runload import (median of 3), then the
#                                    report on 1 and 10 years of history
#   scripts/bench.sh --files N       N GPX runs instead of 1,000
#   scripts/bench.sh --repeat R      R rounds of the import phases (default 3)
#   scripts/bench.sh --jobs J        runload import --jobs J (default: one per core)
#   scripts/bench.sh --years-check   only the report timing; exit 1 when ten years
#                                    take over 1.3x one year, or 50 ms
# The corpus is generated once per size under build-bench/work/ (or
# $RUNLOAD_BENCH_WORK) and reused; databases there are rebuilt on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --files|--repeat|--jobs)
      [ $# -ge 2 ] || { echo "bench: $1 needs a value" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    --years-check) args+=("$1"); shift ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done

scripts/install-deps.sh
cmake --preset bench >/dev/null
cmake --build --preset bench -j"$(nproc)" >/dev/null

work="${RUNLOAD_BENCH_WORK:-build-bench/work}"
echo "runload bench, $(date -u +%Y-%m-%dT%H:%M:%SZ): $(nproc) cores," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(awk '/MemTotal/ {printf "%.1f GiB RAM", $2 / 1048576}' /proc/meminfo)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec build-bench/runload_bench all --work "$work" "${args[@]}"

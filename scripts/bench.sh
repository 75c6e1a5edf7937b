#!/usr/bin/env bash
# Builds the `bench` preset (Release) and runs every benchmark beside its
# floors and baselines, measured in the same run, then prints the targets as
# ratios with MET / NOT MET (docs/PERFORMANCE.md, "The benchmark"):
#   scripts/bench.sh                  three corpora of 1,000 runs each: GPX, FIT
#                                     and a Strava-export-shaped folder
#                                     (activities.csv + .fit.gz/.gpx/.tcx.gz),
#                                     each with its read floor, parse baseline
#                                     (and inflate floors), runload import
#                                     (median of 3); the FIT and export runs
#                                     checked against their GPX twins; then the
#                                     report on 1 and 10 years of history
#   scripts/bench.sh --files N        N runs in every corpus instead of 1,000
#   scripts/bench.sh --gpx-files N    N runs in the GPX corpus only (likewise
#                    --fit-files N, --strava-files N)
#   scripts/bench.sh --corpora LIST   only these corpora, comma-separated
#                                     (gpx,fit,strava; default all three)
#   scripts/bench.sh --repeat R       R rounds of each corpus's phases (default 3)
#   scripts/bench.sh --jobs J         runload import --jobs J (default: one per core)
#   scripts/bench.sh --years-check    only the report timing; exit 1 when ten years
#                                     take over 1.3x one year, or 50 ms
# Exit status 1 when a check fails (an import that does not store every run,
# a FIT or export run whose distance is not its GPX twin's); a target NOT MET
# is printed, not an error. The corpora are generated once per size under
# build-bench/work/ (or $RUNLOAD_BENCH_WORK) and reused; the databases there
# are rebuilt on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --files|--gpx-files|--fit-files|--strava-files|--corpora|--repeat|--jobs)
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

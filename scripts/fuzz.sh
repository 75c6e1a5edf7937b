#!/usr/bin/env bash
# Builds the libFuzzer targets of PRESET (default `fuzz`: clang, address and
# undefined-behaviour sanitizers; `ci` builds them beside the tests) and runs
# every target for SECONDS (default 60), two at a time, each on its seed
# folders (fuzz/CMakeLists.txt).
# Fails when any target finds a crash, a leak, a timeout (an input taking more
# than 10 s), more than 2 GB of memory, or a sanitizer report; the input that
# did it is kept in BUILD/fuzz/artifacts/TARGET/.
#   scripts/fuzz.sh [SECONDS [PRESET]]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
preset="${2:-fuzz}"
case "$preset" in
  fuzz) build=build-fuzz ;;
  ci) build=build-ci ;;
  *) echo "fuzz: PRESET must be fuzz or ci, not '$preset'" >&2; exit 2 ;;
esac

scripts/install-deps.sh --fuzz
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

dir=$build/fuzz
mapfile -t targets < <(find "$dir" -maxdepth 1 -type f -name 'fuzz_*' -perm -u+x \
                         ! -name fuzz_make_seeds -printf '%f\n' | sort)
[ ${#targets[@]} -gt 0 ] || { echo "fuzz: no targets in $dir" >&2; exit 1; }

run_target() {
  local target=$1
  local corpus="$dir/corpus/$target" artifacts="$dir/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  local seeds=()
  while IFS= read -r seed; do
    [ -n "$seed" ] && [ -d "$seed" ] && seeds+=("$seed")
  done < "$dir/$target.seeds"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$dir/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$corpus" "${seeds[@]}" >"$dir/$target.log" 2>&1
}

failed=()
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  pids=()
  names=("${targets[@]:i:2}")
  for target in "${names[@]}"; do
    echo "fuzz: $target for ${seconds} s" >&2
    run_target "$target" &
    pids+=($!)
  done
  for j in "${!pids[@]}"; do
    if ! wait "${pids[$j]}"; then
      failed+=("${names[$j]}")
      echo "fuzz: ${names[$j]} FAILED; the end of $dir/${names[$j]}.log:" >&2
      tail -n 40 "$dir/${names[$j]}.log" >&2
    else
      grep -h 'stat::number_of_executed_units' "$dir/${names[$j]}.log" \
        | sed "s/^/fuzz: ${names[$j]}: /" >&2 || true
    fi
  done
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]} (inputs kept in $dir/artifacts/)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets ran ${seconds} s each without a finding" >&2

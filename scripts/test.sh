#!/usr/bin/env bash
# The README's second command: install what is missing, build with address
# and undefined-behaviour sanitizers, warnings as errors, run every test, then
# fuzz every parser for a minute (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci
# Every libFuzzer target for 60 s, two at a time, after the test suite.
scripts/fuzz.sh 60

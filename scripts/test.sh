#!/usr/bin/env bash
# The README's second command: install what is missing, build with address
# and undefined-behaviour sanitizers, warnings as errors, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci

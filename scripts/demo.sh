#!/usr/bin/env bash
# The README's first command: install what is missing, build the release
# binary, and run the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
./build/runload doctor

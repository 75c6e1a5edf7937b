#!/usr/bin/env bash
# The README's second command: install what is missing, build once with clang
# (address and undefined-behaviour sanitizers, warnings as errors, the tests
# and the libFuzzer targets against one instrumented core), run every test,
# fuzz every parser for a minute, and build the release binary with g++ as
# the README's first command does.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci
# Every libFuzzer target for 60 s, two at a time, from the same build.
scripts/fuzz.sh 60 ci
# The demo's build: g++, optimised (the test build above is clang's).
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null

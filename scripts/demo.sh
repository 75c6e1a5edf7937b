#!/usr/bin/env bash
# The README's first command: install what is missing, build the release
# binary, import the demo history of samples/ into a fresh database, and print
# the report of its last week (2026-W46).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
db=build/demo.db
rm -f "$db" "$db-wal" "$db-shm"
runload=(./build/runload --db "$db" --athlete Lena --tz Europe/Berlin)
"${runload[@]}" import samples/strava_export
"${runload[@]}" journal import samples/journal.csv >/dev/null 2>&1
# Strava's shoes.csv names brand and model, not the heel drop: set it, as a
# runner would after the import's note (tests/support/samples.hpp: the same).
"${runload[@]}" -q gear edit "Brooks Ghost 15" --drop 12
"${runload[@]}" -q gear edit "Saucony Endorphin Speed 3" --drop 8
"${runload[@]}" -q gear edit "Saucony Kinvara 14" --drop 4
# `athletes set` names its athlete itself (no --athlete or --tz before it).
./build/runload --db "$db" athletes set Lena --born 1979 --sex female >/dev/null
"${runload[@]}" report --week 2026-W46

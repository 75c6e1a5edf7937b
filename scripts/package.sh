#!/usr/bin/env bash
# Builds the release binary and its Debian package:
#   scripts/package.sh      -> build/runload_VERSION_amd64.deb
# Install it with `sudo apt install ./build/runload_*.deb`: apt resolves its
# dependencies (Debian's runtime packages of the libraries it links, read off
# the binary by dpkg-shlibdeps).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --package
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
(cd build && cpack -G DEB >/dev/null)
ls build/runload_*.deb

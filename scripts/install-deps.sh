#!/usr/bin/env bash
# Installs the Debian packages runload needs. Idempotent and silent when
# everything is present; uses sudo when not run as root.
#   scripts/install-deps.sh            what the release build needs (g++ and the libraries)
#   scripts/install-deps.sh --test     also what the test build runs with: clang and its
#                                      sanitizer and fuzzer runtimes, sqlite3 and strace
#   scripts/install-deps.sh --fuzz     the same as --test (the fuzz targets build with clang)
#   scripts/install-deps.sh --bench    also Google Benchmark
#   scripts/install-deps.sh --package  also dpkg-dev and file (CPack's .deb: dpkg-shlibdeps)
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config tzdata
  libsqlite3-dev libsqlitecpp-dev libhowardhinnant-date-dev catch2 libcli11-dev
  libfmt-dev nlohmann-json3-dev libpugixml-dev libarchive-dev zlib1g-dev libssl-dev
  libxxhash-dev libdeflate-dev
  scdoc
)
for arg in "$@"; do
  case "$arg" in
    # `clang` provides the clang++ the presets name; clang-14 alone does not.
    --test | --fuzz) packages+=(clang libclang-rt-14-dev sqlite3 strace) ;;
    --bench) packages+=(libbenchmark-dev) ;;
    --package) packages+=(dpkg-dev file) ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Sets everything up and runs Covet's whole test suite:
# installs dependencies, configures (warnings are errors), builds, starts
# PostgreSQL and MariaDB on loopback, runs ctest, and stops the servers.
#   scripts/run-tests.sh [extra ctest arguments, e.g. -L sqlite]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="${COVET_BUILD_DIR:-$ROOT/build}"

bash scripts/install-deps.sh
# Tests and benchmarks on explicitly: scripts/studio-demo.sh turns them off in the same build tree.
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOVET_WERROR=ON \
  -DCOVET_BUILD_TESTS=ON -DCOVET_BUILD_BENCHMARKS=ON
cmake --build "$BUILD" --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen
bash scripts/test-servers.sh run -- \
  ctest --test-dir "$BUILD" --output-on-failure --parallel "$(nproc)" --timeout 900 "$@"

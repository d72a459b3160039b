#!/usr/bin/env bash
# Sets everything up and opens Covet Studio on the built-in SQLite demo project.
# Installs only what building Covet Studio needs (not the test servers),
# configures without the tests and benchmarks, and builds only covet-studio.
# Extra arguments go to covet-studio (e.g. --view diff).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="${COVET_BUILD_DIR:-$ROOT/build}"

bash scripts/install-deps.sh build
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCOVET_BUILD_TESTS=OFF -DCOVET_BUILD_BENCHMARKS=OFF
cmake --build "$BUILD" --parallel "$(nproc)" --target covet-studio
exec "$BUILD/app/studio/covet-studio" --demo "$@"

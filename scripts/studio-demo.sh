#!/usr/bin/env bash
# Sets everything up and opens Covet Studio on the built-in SQLite demo project.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="${COVET_BUILD_DIR:-$ROOT/build}"

bash scripts/install-deps.sh
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD" --parallel "$(nproc)" --target covet-studio covet
exec "$BUILD/app/studio/covet-studio" --demo "$@"

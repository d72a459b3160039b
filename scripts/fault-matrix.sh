#!/usr/bin/env bash
# The full fault matrix of docs/reliability.md: kill -9 of `covet migrate`
# and `covet rollback` at 50 points per dialect and direction (tst_clifaults
# with COVET_FAULT_POINTS=50), then the connection, disk and lock faults and
# the 16 runners (tst_cliconnectionfaults, tst_cliload) once more. Runs a
# copy of the built binaries, so the build tree may change meanwhile.
#   scripts/fault-matrix.sh [build dir] [points] [tst_clifaults rows, e.g. "killMatrix:mariadb migrate"]
# Needs the servers: scripts/test-servers.sh start, then source its output.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
POINTS="${2:-50}"
SNAP=$(mktemp -d /tmp/covet-fault-matrix.XXXXXX)
trap 'rm -rf "$SNAP"' EXIT
cp "$BUILD"/app/covet "$BUILD"/tests/tst_clifaults "$BUILD"/tests/tst_cliconnectionfaults "$BUILD"/tests/tst_cliload "$SNAP"/
cp -P "$BUILD"/engine/libcovet_engine.so* "$BUILD"/app/libcovet-reports.so "$SNAP"/
# 50 points of one row take longer than Qt Test's 5-minute watchdog.
export LD_LIBRARY_PATH="$SNAP" COVET_CLI="$SNAP/covet" COVET_FAULT_POINTS="$POINTS" CI=true QT_QPA_PLATFORM=offscreen \
  QTEST_FUNCTION_TIMEOUT=7200000
echo "== covet fault matrix: $(date -u +%FT%TZ), $POINTS points per dialect and direction"
start=$(date +%s)
"$SNAP"/tst_clifaults -maxwarnings 0 "${@:3}"
"$SNAP"/tst_cliconnectionfaults -maxwarnings 0
"$SNAP"/tst_cliload -maxwarnings 0
echo "== covet fault matrix: done in $(( $(date +%s) - start )) s"

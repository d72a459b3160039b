#!/usr/bin/env bash
# Builds Covet with AddressSanitizer and UndefinedBehaviorSanitizer
# (COVET_SANITIZE=address,undefined, GCC) in its own build directory and runs
# the test suite there against its own PostgreSQL and MariaDB. Any sanitizer
# report fails the test that met it (no recovery from undefined behaviour;
# leaks are reported at exit; tests/sanitizers/lsan.supp lists the leaks of
# the uninstrumented system libraries that are not Covet's).
#   scripts/sanitize-tests.sh [extra ctest arguments, e.g. -R yaml]
# COVET_ASAN_BUILD_DIR (default build-asan). COVET_SANITIZE_GUI=ON also builds
# and runs Covet Studio's suites (CI leaves them to the normal build: see
# docs/reliability.md for why).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="${COVET_ASAN_BUILD_DIR:-$ROOT/build-asan}"
start=$(date +%s)
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOVET_WERROR=ON \
  -DCOVET_SANITIZE=address,undefined -DCOVET_BUILD_GUI="${COVET_SANITIZE_GUI:-OFF}" \
  -DCOVET_BUILD_TESTS=ON -DCOVET_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$BUILD" --parallel "$(nproc)"
echo "== sanitizers: built in $(( $(date +%s) - start )) s"
export QT_QPA_PLATFORM=offscreen
# tst_roundtrip's 200 random schemas take 8 minutes without sanitizers; 40
# (a different cut of the same generator) keep it under its timeout here.
export COVET_ROUNDTRIP_CASES="${COVET_ROUNDTRIP_CASES:-40}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
bash scripts/test-servers.sh run -- \
  ctest --test-dir "$BUILD" --output-on-failure --parallel "$(nproc)" --timeout 900 "$@" || status=$?
echo "== sanitizers: done in $(( $(date +%s) - start )) s"
exit $status

#!/usr/bin/env bash
# Builds Covet's engine and test suites with AddressSanitizer and
# UndefinedBehaviorSanitizer (Clang 16, -O1; COVET_SANITIZE=address,undefined)
# in their own build directory and runs them. Any sanitizer report fails the
# test that met it (no recovery from undefined behaviour; leaks are reported
# at exit; tests/sanitizers/lsan.supp lists the leaks of the uninstrumented
# system libraries that are not Covet's).
#   scripts/sanitize-tests.sh                 the whole suite (ctest -LE
#       benchmark): the engine's, the CLI's and Covet Studio's suites; what
#       CI runs (docs/reliability.md has its time)
#   scripts/sanitize-tests.sh CTEST-ARGS...   those ctest selection arguments
#       instead (e.g. -LE 'gui|benchmark' without Covet Studio's, -L engine
#       -LE 'postgres|mysql', or -R yaml)
# PostgreSQL and MariaDB are started by scripts/test-servers.sh.
# Only the test programs selected are built, with the programs they run (the
# covet CLI, and Covet Studio with its generated docs when a GUI suite is
# selected). COVET_ASAN_BUILD_DIR (default build-asan), CXX_SANITIZE
# (default clang++-16).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="${COVET_ASAN_BUILD_DIR:-$ROOT/build-asan}"
start=$(date +%s)
SELECT=("$@")
[ ${#SELECT[@]} -gt 0 ] || SELECT=(-LE benchmark)
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DCMAKE_CXX_COMPILER="${CXX_SANITIZE:-clang++-16}" -DCOVET_WERROR=ON \
  -DCOVET_SANITIZE=address,undefined -DCOVET_BUILD_GUI=ON \
  -DCOVET_BUILD_TESTS=ON -DCOVET_BUILD_BENCHMARKS=OFF >/dev/null
# The sanitizers' options before the build too: it runs the sanitized programs
# to generate their man pages.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
if [ -x /usr/lib/llvm-16/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-16/bin/llvm-symbolizer
fi
# The test programs of the selection, tst_* (engine_links_core_sql_only and
# cli_does_not_link_qtgui are CMake checks, not programs).
mapfile -t TARGETS < <(ctest --test-dir "$BUILD" -N "${SELECT[@]}" | awk '/Test +#/ {print $3}' | grep '^tst_' || true)
[ ${#TARGETS[@]} -gt 0 ] || { echo "sanitizers: no test selected by ${SELECT[*]}" >&2; exit 2; }
# The covet CLI and its docs too: the CLI suites and tst_falsediffs run it (under
# the sanitizers then), tst_clidocs compares its generated docs.
PROGRAMS=(covet_engine covet covet_docs)
# Covet Studio only when a GUI suite is selected (its library is a third of the build).
# (grep -c reads it all: grep -q would stop ctest with SIGPIPE, failing the pipeline.)
if [ "$(ctest --test-dir "$BUILD" -N "${SELECT[@]}" -L gui | grep -c 'Test *#')" -gt 0 ]; then
  PROGRAMS+=(covet-studio covet-studio_docs)
fi
cmake --build "$BUILD" --parallel "$(nproc)" --target "${PROGRAMS[@]}" "${TARGETS[@]}"
echo "== sanitizers: built the engine, the CLI and ${#TARGETS[@]} suites in $(( $(date +%s) - start )) s"
export QT_QPA_PLATFORM=offscreen
# tst_roundtrip's 200 random schemas take 8 minutes without sanitizers; 40
# (a different cut of the same generator) keep it under its timeout here.
export COVET_ROUNDTRIP_CASES="${COVET_ROUNDTRIP_CASES:-40}"
# tst_squashproperty's 200 histories per server likewise: 20.
export COVET_SQUASH_SERVER_HISTORIES="${COVET_SQUASH_SERVER_HISTORIES:-20}"
# The CLI's kill suites: 3 kill points per run (their defaults: 3 to 5).
export COVET_FAULT_POINTS="${COVET_FAULT_POINTS:-3}"
status=0
bash scripts/test-servers.sh run -- \
  ctest --test-dir "$BUILD" --output-on-failure --parallel "$(nproc)" --timeout 900 "${SELECT[@]}" || status=$?
echo "== sanitizers: done in $(( $(date +%s) - start )) s"
exit $status

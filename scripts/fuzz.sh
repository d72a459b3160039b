#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (Clang, with AddressSanitizer
# and UBSan) in their own build directory and runs each for a bounded time,
# starting from its committed seed corpus. Any crash, hang (an input taking
# over 10 s), leak or sanitizer report fails the run; the input is kept in
# $BUILD/findings/ and the command that reproduces it is printed.
#   scripts/fuzz.sh [seconds per harness (default 25)] [harness names...]
# Environment: COVET_FUZZ_BUILD_DIR (default build-fuzz), CXX_FUZZ (the
# Clang, default clang++-16).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="${COVET_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
SECONDS_EACH="${1:-25}"
shift || true
ALL=(yaml models migration projectconfig sqlsplitter sqlitecreate databaseurl)
NAMES=("$@")
[ ${#NAMES[@]} -gt 0 ] || NAMES=("${ALL[@]}")

start=$(date +%s)
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOVET_WERROR=ON \
  -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++-16}" -DCOVET_FUZZ=ON \
  -DCOVET_BUILD_GUI=OFF -DCOVET_BUILD_TESTS=OFF -DCOVET_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$BUILD" --parallel "$(nproc)" --target covet_fuzzers
echo "== fuzz: harnesses built in $(( $(date +%s) - start )) s"

# Findings of this run only: an earlier run's are kept in findings.old.
if [ -d "$BUILD/findings" ]; then rm -rf "$BUILD/findings.old"; mv "$BUILD/findings" "$BUILD/findings.old"; fi
mkdir -p "$BUILD/findings" "$BUILD/logs"
# Readable stacks in the logs (llvm-16 ships the symbolizer).
if [ -x /usr/lib/llvm-16/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-16/bin/llvm-symbolizer
fi
run_one() {
  local name=$1 build=$2 seconds=$3 root=$4
  local work="$build/corpus/$name"
  mkdir -p "$work"
  local seeds
  seeds=$(awk -v h="$name" -v r="$root" '$1 == h { printf "%s%s/%s", sep, r, $2; sep = "," }' "$root/tests/fuzz/seeds.txt")
  # New inputs go to $work; the committed seeds are read only.
  "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$name-" ${seeds:+-seed_inputs="$seeds"} \
    "$work" "$root/tests/fuzz/corpus/$name" >"$build/logs/$name.log" 2>&1
}
export -f run_one
status=0
printf '%s\n' "${NAMES[@]}" | xargs -P "$(nproc)" -I{} bash -c 'run_one "$@"' _ {} "$BUILD" "$SECONDS_EACH" "$ROOT" || status=1
for name in "${NAMES[@]}"; do
  log="$BUILD/logs/$name.log"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  found=$(ls "$BUILD/findings" | grep -c "^$name-" || true)
  echo "fuzz_$name: ${runs:-?} executions in ${SECONDS_EACH} s, $found findings"
  if [ "$found" -gt 0 ] || ! grep -q "^Done [0-9]* runs" "$log"; then
    status=1
    # The property's detail is the line after it.
    grep -A1 -E "ERROR|SUMMARY|fuzz property failed|runtime error" "$log" | head -20 || true
    for f in "$BUILD/findings/$name-"*; do
      [ -e "$f" ] || continue
      echo "  reproduce: $BUILD/tests/fuzz/fuzz_$name $f"
      # The input itself, so that a CI log alone reproduces it (xxd -r -p).
      echo "  input ($(stat -c %s "$f") bytes, first 512 as hex):"
      head -c 512 "$f" | od -An -tx1 -v | sed 's/^/   /'
    done
  fi
done
echo "== fuzz: done in $(( $(date +%s) - start )) s"
exit $status

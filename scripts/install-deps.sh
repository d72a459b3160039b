#!/usr/bin/env bash
# Installs Covet's dependencies from Debian's packages. Idempotent: packages
# already present are skipped by apt-get.
#   scripts/install-deps.sh          everything: build, tests, packaging (CI)
#   scripts/install-deps.sh build    only what building and running Covet Studio
#                                    needs (scripts/studio-demo.sh)
set -euo pipefail

# Building Covet and running it.
BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates ccache
  qt6-base-dev qt6-base-dev-tools libqt6sql6 libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql
  qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqscintilla2-qt6-dev qtkeychain-qt6-dev libgl-dev libfyaml-dev libsqlite3-dev
  librsvg2-bin gzip
)
# The test suite: its own PostgreSQL and MariaDB, Xvfb for screenshots, groff
# for the manual-page test, pdftotext (poppler-utils) to read the audit
# reports' PDF back, Clang 16 with libFuzzer and the sanitizer runtimes for
# the fuzz harnesses (scripts/fuzz.sh; GCC's own serve scripts/sanitize-tests.sh),
# eatmydata so that the scratch servers skip fsync (scripts/test-servers.sh).
TEST_PACKAGES=(
  postgresql-15 postgresql-client-15 mariadb-server mariadb-client sqlite3 eatmydata
  xvfb xauth imagemagick fonts-dejavu-core procps groff-base poppler-utils
  clang-16 libclang-rt-16-dev llvm-16
)
# Building and checking the Debian packages (scripts/package-check.sh).
PACKAGE_PACKAGES=(
  dpkg-dev file xz-utils lintian desktop-file-utils appstream man-db
)

case "${1:-all}" in
  build) PACKAGES=("${BUILD_PACKAGES[@]}") ;;
  all) PACKAGES=("${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}") ;;
  *) echo "usage: $0 [build|all]" >&2; exit 2 ;;
esac

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
# Debian's postgresql/mariadb packages may start system-wide servers; we run our own.
for svc in postgresql mariadb mysql; do
  $SUDO service "$svc" stop >/dev/null 2>&1 || true
done
echo "install-deps: done"

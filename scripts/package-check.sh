#!/usr/bin/env bash
# Builds Covet's Debian packages from a build tree and checks them the way a
# DBA would meet them: cpack -G DEB (binaries stripped), the files each
# package must hold, desktop-file-validate, appstreamcli validate, lintian;
# then installs both with apt-get, runs covet --version, covet-studio
# --version, covet-studio --demo (offscreen) and covet inspect/status of
# that demo from the installed paths, and removes them again.
#
#   scripts/package-check.sh [BUILD_DIR]      (default: build; needs a full build)
# Needs root or sudo (apt-get); CI runs it after the tests (.ci/run).
# COVET_PACKAGE_DIR=DIR keeps the .deb files there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

WORK="$(mktemp -d)"
INSTALLED=""
STUDIO_PID=""
cleanup() {
  [ -n "$STUDIO_PID" ] && kill "$STUDIO_PID" 2>/dev/null || true
  if [ -n "$INSTALLED" ]; then
    $SUDO apt-get remove -y -q covet-studio covet >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "package-check: FAILED: $*" >&2; exit 1; }
step() { echo "== package-check: $*"; }

for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian; do
  command -v "$tool" >/dev/null || fail "$tool is missing; run scripts/install-deps.sh"
done
[ -f "$BUILD/CPackConfig.cmake" ] || fail "$BUILD is not a configured build tree"
if dpkg-query -W -f='${Status}' covet 2>/dev/null | grep -q "install ok installed"; then
  fail "a covet package is already installed here; remove it first (apt-get remove covet-studio covet)"
fi

step "cpack -G DEB ($BUILD)"
OUT="${COVET_PACKAGE_DIR:-$WORK/debs}"
mkdir -p "$OUT"
start=$(date +%s)
cpack -G DEB -B "$OUT" --config "$BUILD/CPackConfig.cmake" >"$WORK/cpack.log" 2>&1 || { cat "$WORK/cpack.log"; fail "cpack"; }
CLI_DEB=$(ls "$OUT"/covet_*.deb)
STUDIO_DEB=$(ls "$OUT"/covet-studio_*.deb)
echo "cpack took $(( $(date +%s) - start )) s"
for deb in "$CLI_DEB" "$STUDIO_DEB"; do
  echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
  echo "  Depends: $(dpkg-deb -f "$deb" Depends)"
  rec=$(dpkg-deb -f "$deb" Recommends)
  [ -z "$rec" ] || echo "  Recommends: $rec"
done

step "contents"
# has DEB PATH-REGEX: the package holds a file matching it.
has() { dpkg-deb -c "$1" | awk '{print $6}' | grep -Eq "^\./$2\$" || fail "$(basename "$1") lacks $2"; }
has "$CLI_DEB" "usr/bin/covet"
has "$CLI_DEB" "usr/lib/(x86_64-linux-gnu/)?covet/libcovet_engine\.so\.0"
has "$CLI_DEB" "usr/lib/(x86_64-linux-gnu/)?covet/libcovet-reports\.so"
has "$CLI_DEB" "usr/share/man/man1/covet\.1\.gz"
has "$CLI_DEB" "usr/share/bash-completion/completions/covet"
has "$CLI_DEB" "usr/share/doc/covet/copyright"
has "$STUDIO_DEB" "usr/bin/covet-studio"
has "$STUDIO_DEB" "usr/share/applications/covet-studio\.desktop"
has "$STUDIO_DEB" "usr/share/metainfo/org\.covet\.studio\.metainfo\.xml"
has "$STUDIO_DEB" "usr/share/icons/hicolor/scalable/apps/covet-studio\.svg"
for size in 16 22 24 32 48 64 128 256 512; do
  has "$STUDIO_DEB" "usr/share/icons/hicolor/${size}x${size}/apps/covet-studio\.png"
done
has "$STUDIO_DEB" "usr/share/man/man1/covet-studio\.1\.gz"
has "$STUDIO_DEB" "usr/share/bash-completion/completions/covet-studio"
# libqt6gui6: the report module's (covet audit report), found by dpkg-shlibdeps;
# the install below puts covet-studio beside it, which would hide its absence.
for dep in libqt6sql6-psql libqt6sql6-mysql libqt6sql6-sqlite libqt6core6 libqt6sql6 libqt6gui6 libc6; do
  dpkg-deb -f "$CLI_DEB" Depends | grep -q "$dep" || fail "covet does not depend on $dep"
done
for dep in "covet (= " qt6-translations-l10n libqt6widgets6 libqt6svg6 libqscintilla2-qt6 libqt6keychain1; do
  dpkg-deb -f "$STUDIO_DEB" Depends | grep -qF "$dep" || fail "covet-studio does not depend on $dep"
done
dpkg-deb -x "$STUDIO_DEB" "$WORK/studio-root"
dpkg-deb -x "$CLI_DEB" "$WORK/cli-root"
file "$WORK/cli-root/usr/bin/covet" | grep -q "stripped" && ! file "$WORK/cli-root/usr/bin/covet" | grep -q "not stripped" \
  || fail "covet is not stripped"

step "desktop-file-validate"
desktop-file-validate "$WORK/studio-root/usr/share/applications/covet-studio.desktop" || fail "desktop-file-validate"
step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$WORK/studio-root/usr/share/metainfo/org.covet.studio.metainfo.xml" || fail "appstreamcli validate"

step "lintian"
# Errors and warnings fail; what lintian still says at lower levels is
# printed (docs/packaging.md says why each remains).
lintian --fail-on error,warning --display-info --suppress-tags-from-file "$ROOT/packaging/lintian-accepted" \
  "$CLI_DEB" "$STUDIO_DEB" || fail "lintian"

step "apt-get install"
INSTALLED=yes
$SUDO apt-get install -y -q --no-install-recommends "$CLI_DEB" "$STUDIO_DEB" >"$WORK/apt.log" 2>&1 \
  || { cat "$WORK/apt.log"; fail "apt-get install"; }

step "installed programs"
[ "$(command -v covet)" = /usr/bin/covet ] || fail "covet is not /usr/bin/covet"
/usr/bin/covet --version | grep -qx "covet [0-9.]*" || fail "covet --version"
/usr/bin/covet --version
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$WORK/config" XDG_RUNTIME_DIR="$WORK/runtime" COVET_DEMO_DIR="$WORK/demos"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
/usr/bin/covet-studio --version | grep -q "Covet Studio [0-9.]*" || fail "covet-studio --version"
/usr/bin/covet-studio --version
man -w covet >/dev/null 2>&1 || [ -f /usr/share/man/man1/covet.1.gz ] || fail "covet(1) is not installed"
# Covet Studio from the installed paths creates and opens the demo.
/usr/bin/covet-studio --demo >"$WORK/studio.log" 2>&1 &
STUDIO_PID=$!
demo_db=""
for _ in $(seq 100); do
  demo_db=$(ls "$COVET_DEMO_DIR"/demo-*/demo.db 2>/dev/null | head -n1 || true)
  [ -n "$demo_db" ] && break
  kill -0 "$STUDIO_PID" 2>/dev/null || { cat "$WORK/studio.log"; fail "covet-studio --demo exited"; }
  sleep 0.2
done
[ -n "$demo_db" ] || { cat "$WORK/studio.log"; fail "covet-studio --demo made no demo database"; }
sleep 2
kill -0 "$STUDIO_PID" 2>/dev/null || { cat "$WORK/studio.log"; fail "covet-studio --demo did not keep running"; }
kill "$STUDIO_PID"; wait "$STUDIO_PID" 2>/dev/null || true; STUDIO_PID=""
/usr/bin/covet inspect --db "sqlite:$demo_db" >"$WORK/inspect.json" || fail "covet inspect of the demo"
grep -q '"order_items"' "$WORK/inspect.json" || fail "covet inspect of the demo shows no order_items"
echo "covet inspect of the demo: $(grep -c '"name"' "$WORK/inspect.json") names, order_items among them"
(cd "$(dirname "$demo_db")" && /usr/bin/covet status) >"$WORK/status.txt" || { cat "$WORK/status.txt"; fail "covet status in the demo"; }
grep -q "pending   0003_product_flags" "$WORK/status.txt" || { cat "$WORK/status.txt"; fail "covet status does not list 0003_product_flags pending"; }
# The audit report from the installed paths: the CLI loads its report
# writer (libcovet-reports.so, QtGui) from the private library directory.
(cd "$(dirname "$demo_db")" && /usr/bin/covet audit report --standard sox --format pdf --out "$WORK/sox.pdf") >"$WORK/report.txt" 2>&1 \
  || { cat "$WORK/report.txt"; fail "covet audit report --format pdf in the demo"; }
pdftotext "$WORK/sox.pdf" "$WORK/sox.txt" || fail "pdftotext cannot read the installed covet's PDF report"
grep -q "SOX change-control evidence" "$WORK/sox.txt" || fail "the installed covet's PDF report is not the SOX report"
echo "covet audit report --format pdf of the demo: $(cat "$WORK/report.txt")"
# The PostgreSQL and MySQL drivers came with the package: a refused
# connection, not a missing driver.
for url in "postgresql://nobody@127.0.0.1:9/none" "mysql://nobody@127.0.0.1:9/none"; do
  set +e
  /usr/bin/covet inspect --db "$url" >/dev/null 2>"$WORK/driver.txt"
  rc=$?
  set -e
  [ "$rc" -eq 4 ] || { cat "$WORK/driver.txt"; fail "covet inspect --db ${url%%:*}: exit $rc, expected 4 (connection failed)"; }
done

step "apt-get remove"
$SUDO apt-get remove -y -q covet-studio covet >/dev/null
INSTALLED=""
[ ! -e /usr/bin/covet ] && [ ! -e /usr/bin/covet-studio ] || fail "the programs are still there after apt-get remove"
echo "package-check: passed"

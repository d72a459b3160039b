#!/usr/bin/env bash
# Takes screenshots of Covet Studio for the documentation: starts
# `covet-studio --demo` on a virtual X display (Xvfb), waits until the window
# shows the schema, and captures the screen with ImageMagick's `import`.
#
#   scripts/screenshots.sh [BUILD_DIR]     (default: build)
# Output: docs/screenshots/schema-browser.png (the schema browser),
#         docs/screenshots/diff-view.png (covet-studio --view diff: the demo's
#         models.yaml against demo.db, with its two rename candidates) and
#         docs/screenshots/migrations-view.png (covet-studio --view migrations
#         --dry-run: 0001 and 0002 applied, 0003 pending, dry-run in a rolled-back
#         transaction), docs/screenshots/squash-blocked.png (--squash: the
#         Squash… dialog's preview of squashing the demo's three migrations,
#         plain SQL ones: Write disabled, and why), docs/screenshots/squash-dialog.png
#         (--squash on a small YAML project, 0001 and 0002 applied: four
#         migrations proven to squash into one),
#         docs/screenshots/audit-view.png and
#         audit-dashboard.png (--view audit / dashboard: the demo's scripted
#         audit history), docs/screenshots/start-page.png (covet-studio
#         without arguments: the start page, the demos above as recent projects),
#         and, on a copy of the demo that gains a data-losing pending migration
#         (0004 drops customers.created_at) and a backup made with the covet
#         CLI: docs/screenshots/risk-tab.png (--view risk: the Risk tab of the
#         pending ones), docs/screenshots/rollback-desk.png (--rollback-steps 1:
#         the rollback desk at the risk of rolling 0002_customer_loyalty back)
#         and docs/screenshots/backups-view.png (--view backups), and
#         docs/screenshots/rollback-rehearsal.png (--rollback-steps 1 --dry-run:
#         the desk's dry run of rolling 0002 back and its rehearsal).
# Needs: xvfb (Xvfb), imagemagick (import), xauth — scripts/install-deps.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
STUDIO="$BUILD/app/studio/covet-studio"
COVET="$BUILD/app/covet"
OUT_DIR="$ROOT/docs/screenshots"
SIZE="${COVET_SCREENSHOT_SIZE:-1280x800}"
WAIT="${COVET_SCREENSHOT_WAIT:-4}"

for tool in Xvfb import; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing; run scripts/install-deps.sh" >&2; exit 2; }
done
[ -x "$STUDIO" ] || { echo "screenshots: $STUDIO not built; cmake --build $BUILD --target covet-studio" >&2; exit 2; }
mkdir -p "$OUT_DIR"

WORK="$(mktemp -d)"
XVFB_PID=""
STUDIO_PID=""
cleanup() {
  [ -n "$STUDIO_PID" ] && kill "$STUDIO_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A free display number.
DISPLAY_NUM=99
while [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] || [ -e "/tmp/.X$DISPLAY_NUM-lock" ]; do
  DISPLAY_NUM=$((DISPLAY_NUM + 1))
done
Xvfb ":$DISPLAY_NUM" -screen 0 "${SIZE}x24" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do
  [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break
  sleep 0.1
done
export DISPLAY=":$DISPLAY_NUM"

# A clean, reproducible session: own settings, demo under the work dir,
# English UI, a fixed window size filling the screen.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export COVET_DEMO_DIR="$WORK/demo" LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb
# shoot VIEW FILE [EXTRA-ARGS...]: one fresh demo, one screenshot.
shoot() {
  local view="$1" file="$2"
  shift 2
  local args=(--demo --view "$view")
  [ "$view" = start ] && args=()
  [ -n "${PROJECT:-}" ] && args=(--view "$view" "$PROJECT")
  "$STUDIO" "${args[@]}" "$@" --geometry "$SIZE+0+0" >"$WORK/studio.log" 2>&1 &
  STUDIO_PID=$!
  sleep "$WAIT"
  if ! kill -0 "$STUDIO_PID" 2>/dev/null; then
    echo "screenshots: covet-studio exited early:" >&2
    cat "$WORK/studio.log" >&2
    exit 1
  fi
  import -window root "$OUT_DIR/$file"
  kill "$STUDIO_PID" 2>/dev/null || true
  wait "$STUDIO_PID" 2>/dev/null || true
  STUDIO_PID=""
  echo "screenshots: wrote $OUT_DIR/$file"
}

shoot schema schema-browser.png --select "${COVET_SCREENSHOT_SELECT:-order_items}"
shoot diff diff-view.png
shoot migrations migrations-view.png --dry-run
shoot migrations squash-blocked.png --squash
shoot audit audit-view.png
shoot dashboard audit-dashboard.png
shoot start start-page.png

# The demo's 0002_customer_loyalty is a data-losing rollback (500 points,
# 334 tiers). For the Risk tab a copy of the first demo also gains a pending
# data-losing 0004 (drops customers.created_at); the covet CLI rolls 0002
# back (backup 1 keeps the loyalty values), applies it again and restores the
# backup, leaving 0001 and 0002 applied, 0003 and 0004 pending (for the
# Risk tab 0003 is applied last, so that 0004 is the one shown).
SHOP="$WORK/shop"
cp -r "$(ls -d "$COVET_DEMO_DIR"/demo-* | head -1)" "$SHOP"
cat >"$SHOP/migrations/0004_retire_signup_dates.yaml" <<'YAML'
# The shop no longer keeps when customers signed up: drops customers.created_at
# (its values are lost; Covet backs them up first).
dependencies: [0003_product_flags]
operations:
  - op: drop_column
    table: customers
    column: created_at
YAML
(
  cd "$SHOP"
  "$COVET" rollback --steps 1 --yes
  "$COVET" migrate --to 0002_customer_loyalty --yes
  "$COVET" backup restore 1 --yes
) >"$WORK/cli.log" 2>&1 || { cat "$WORK/cli.log" >&2; exit 1; }
PROJECT="$SHOP"
shoot backups backups-view.png
shoot rollback rollback-desk.png --rollback-steps 1
shoot rollback rollback-rehearsal.png --rollback-steps 1 --dry-run
# The Risk tab of the data-losing 0004, the one pending after 0003 is applied.
(cd "$SHOP" && "$COVET" migrate --to 0003_product_flags --yes) >>"$WORK/cli.log" 2>&1 || { cat "$WORK/cli.log" >&2; exit 1; }
shoot risk risk-tab.png

# A small YAML project (items: a table, a column, an index, a rename), 0001
# and 0002 applied: Squash… proves the four migrations squash into one.
WAREHOUSE="$WORK/warehouse"
mkdir -p "$WAREHOUSE/migrations"
printf 'dialect: sqlite\ndatabase: sqlite:warehouse.db\nmigrations: migrations\n' >"$WAREHOUSE/covet.yaml"
cat >"$WAREHOUSE/migrations/0001_items.yaml" <<'YAML'
operations:
  - op: create_table
    definition:
      name: items
      columns:
        - {name: id, type: bigint, nullable: false}
        - {name: label, type: varchar(50)}
      primary_key: {columns: [id]}
YAML
cat >"$WAREHOUSE/migrations/0002_qty.yaml" <<'YAML'
dependencies: [0001_items]
operations:
  - op: add_column
    table: items
    column: {name: qty, type: integer, nullable: false, default: "0"}
YAML
cat >"$WAREHOUSE/migrations/0003_index.yaml" <<'YAML'
dependencies: [0002_qty]
operations:
  - op: create_index
    table: items
    index: {name: idx_items_label, parts: [{column: label}]}
YAML
cat >"$WAREHOUSE/migrations/0004_rename.yaml" <<'YAML'
dependencies: [0003_index]
operations:
  - op: rename_column
    table: items
    from: qty
    to: quantity
YAML
(cd "$WAREHOUSE" && "$COVET" migrate --to 0002_qty --yes) >>"$WORK/cli.log" 2>&1 || { cat "$WORK/cli.log" >&2; exit 1; }
PROJECT="$WAREHOUSE"
shoot migrations squash-dialog.png --squash

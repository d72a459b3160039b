-- drop_foreign_key_with_own_index (sqlite)
.bail on
DROP INDEX "notes_log_order_idx";
PRAGMA foreign_keys=OFF;
BEGIN;
CREATE TABLE "covet_new_notes_log" (
  "id" INTEGER NOT NULL,
  "seq" INTEGER NOT NULL DEFAULT 0,
  "order_id" INTEGER,
  "body" TEXT,
  PRIMARY KEY ("id")
);
INSERT INTO "covet_new_notes_log" ("id", "seq", "order_id", "body")
  SELECT "id", "seq", "order_id", "body" FROM "notes_log";
DROP TABLE "notes_log";
ALTER TABLE "covet_new_notes_log" RENAME TO "notes_log";
COMMIT;
PRAGMA foreign_keys=ON;
-- reverse
.bail on
PRAGMA foreign_keys=OFF;
BEGIN;
CREATE TABLE "covet_new_notes_log" (
  "id" INTEGER NOT NULL,
  "seq" INTEGER NOT NULL DEFAULT 0,
  "order_id" INTEGER,
  "body" TEXT,
  PRIMARY KEY ("id")
);
INSERT INTO "covet_new_notes_log" ("id", "seq", "order_id", "body")
  SELECT "id", "seq", "order_id", "body" FROM "notes_log";
DROP TABLE "notes_log";
ALTER TABLE "covet_new_notes_log" RENAME TO "notes_log";
CREATE INDEX "notes_log_order_idx" ON "notes_log" ("order_id");
COMMIT;
PRAGMA foreign_keys=ON;

-- drop_table (sqlite)
.bail on
DROP TABLE "notes_log";
-- reverse
.bail on
CREATE TABLE "notes_log" (
  "id" INTEGER NOT NULL,
  "seq" INTEGER NOT NULL DEFAULT 0,
  "order_id" INTEGER,
  "body" TEXT,
  PRIMARY KEY ("id")
);
CREATE INDEX "notes_log_order_idx" ON "notes_log" ("order_id");

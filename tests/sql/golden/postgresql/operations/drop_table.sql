-- drop_table (postgresql)
DROP TABLE "notes_log";
-- reverse
CREATE TABLE "notes_log" (
  "id" integer NOT NULL,
  "seq" integer NOT NULL DEFAULT 0,
  "order_id" integer,
  "body" text,
  PRIMARY KEY ("id")
);
CREATE INDEX "notes_log_order_idx" ON "notes_log" ("order_id");

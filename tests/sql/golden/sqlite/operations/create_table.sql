-- create_table (sqlite)
.bail on
CREATE TABLE "tags" (
  "id" INTEGER NOT NULL,
  "order_id" INTEGER,
  "label" VARCHAR(50) NOT NULL DEFAULT 'x',
  PRIMARY KEY ("id"),
  CONSTRAINT "fk_tags_order" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE
);
CREATE INDEX "tags_order_idx" ON "tags" ("order_id");
-- reverse
.bail on
DROP TABLE "tags";

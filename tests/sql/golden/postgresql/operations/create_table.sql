-- create_table (postgresql)
CREATE TABLE "tags" (
  "id" integer NOT NULL,
  "order_id" integer,
  "label" character varying(50) NOT NULL DEFAULT 'x',
  PRIMARY KEY ("id")
);
CREATE INDEX "tags_order_idx" ON "tags" ("order_id");
ALTER TABLE "tags" ADD CONSTRAINT "fk_tags_order" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE;
-- reverse
DROP TABLE "tags";

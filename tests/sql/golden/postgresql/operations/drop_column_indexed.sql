-- drop_column_indexed (postgresql)
ALTER TABLE "orders" DROP COLUMN "note";
-- reverse
ALTER TABLE "orders" ADD COLUMN "note" character varying(200);
CREATE INDEX "orders_note_idx" ON "orders" ("note");

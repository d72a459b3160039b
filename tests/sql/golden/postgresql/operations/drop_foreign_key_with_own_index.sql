-- drop_foreign_key_with_own_index (postgresql)
DROP INDEX "notes_log_order_idx";
ALTER TABLE "notes_log" ADD CONSTRAINT "fk_notes_order" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE SET NULL;
ALTER TABLE "notes_log" DROP CONSTRAINT "fk_notes_order";
-- reverse
ALTER TABLE "notes_log" ADD CONSTRAINT "fk_notes_order" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE SET NULL;
ALTER TABLE "notes_log" DROP CONSTRAINT "fk_notes_order";
CREATE INDEX "notes_log_order_idx" ON "notes_log" ("order_id");

-- add_foreign_key (postgresql)
ALTER TABLE "notes_log" ADD CONSTRAINT "fk_notes_order" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE SET NULL;
-- reverse
ALTER TABLE "notes_log" DROP CONSTRAINT "fk_notes_order";

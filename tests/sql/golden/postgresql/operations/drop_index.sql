-- drop_index (postgresql)
DROP INDEX "orders_qty_idx";
-- reverse
CREATE INDEX "orders_qty_idx" ON "orders" ("qty");

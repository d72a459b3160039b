-- drop_index (sqlite)
.bail on
DROP INDEX "orders_qty_idx";
-- reverse
.bail on
CREATE INDEX "orders_qty_idx" ON "orders" ("qty");

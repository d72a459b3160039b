-- create_index (sqlite)
.bail on
CREATE INDEX "orders_cust_qty_idx" ON "orders" ("customer_id", "qty" DESC);
-- reverse
.bail on
DROP INDEX "orders_cust_qty_idx";

-- drop_check (postgresql)
ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_qty";
-- reverse
ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_qty" CHECK (qty > 0);

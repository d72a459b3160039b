-- drop_foreign_key (postgresql)
ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_customer";
-- reverse
ALTER TABLE "orders" ADD CONSTRAINT "fk_orders_customer" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE;

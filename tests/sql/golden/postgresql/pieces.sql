-- createTable(orders)
CREATE TABLE "orders" (
  "customer_id" bigint NOT NULL,
  "order_no" integer NOT NULL,
  "status" character varying(20) NOT NULL DEFAULT 'open'::character varying,
  "total" numeric(10,2) NOT NULL DEFAULT 0,
  "total_with_tax" numeric(12,2) GENERATED ALWAYS AS (total * 1.2) STORED,
  "note" character varying(100),
  CONSTRAINT "orders_pkey" PRIMARY KEY ("customer_id", "order_no"),
  CONSTRAINT "orders_total_check" CHECK (total >= 0)
)
-- createIndex(orders_open_idx)
CREATE INDEX "orders_open_idx" ON "orders" ("status", "order_no" DESC) WHERE ((status)::text = 'open'::text)
-- addForeignKey(orders_customer_fk)
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_fk" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
-- createTrigger(orders_touch)
CREATE TRIGGER "orders_touch" BEFORE INSERT OR UPDATE ON "orders" FOR EACH ROW EXECUTE FUNCTION covet_touch()
-- createView(big_customers)
CREATE VIEW "big_customers" AS
SELECT customer_orders.customer_id, customer_orders.order_count FROM customer_orders WHERE customer_orders.order_count > 10
-- createView(customer_orders)
CREATE VIEW "customer_orders" AS
SELECT c.id AS customer_id, count(o.order_no) AS order_count FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id
-- createEnum
CREATE TYPE "billing"."Status ""x""" AS ENUM ('a''b', 'c\d')

-- createTable(orders)
CREATE TABLE "orders" (
  "customer_id" INTEGER NOT NULL,
  "order_no" INTEGER NOT NULL,
  "status" VARCHAR(20) NOT NULL DEFAULT 'open',
  "total" NUMERIC(10,2) NOT NULL DEFAULT 0,
  "total_with_tax" NUMERIC(12,2) GENERATED ALWAYS AS (total * 1.2) STORED,
  "note" VARCHAR(100),
  "note_length" INTEGER GENERATED ALWAYS AS (length(note)) VIRTUAL,
  PRIMARY KEY ("customer_id", "order_no"),
  CONSTRAINT "orders_total_check" CHECK (total >= 0),
  CONSTRAINT "orders_customer_fk" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
)
-- createIndex(orders_open_idx)
CREATE INDEX "orders_open_idx" ON "orders" ("status", "order_no" DESC) WHERE status = 'open'
-- addForeignKey(orders_customer_fk)

-- createTrigger(orders_after_insert)
CREATE TRIGGER "orders_after_insert" AFTER INSERT ON "orders" FOR EACH ROW
BEGIN
  UPDATE customers SET name = CASE WHEN name IS NULL THEN 'x;y' ELSE name END WHERE id = NEW.customer_id;
END
-- createView(big_customers)
CREATE VIEW "big_customers" AS
SELECT customer_orders.customer_id, customer_orders.order_count FROM customer_orders WHERE customer_orders.order_count > 10
-- createView(customer_orders)
CREATE VIEW "customer_orders" AS
SELECT c.id AS customer_id, count(o.order_no) AS order_count FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id
-- createEnum


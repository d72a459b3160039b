-- alter_column_type (postgresql)
DROP VIEW "order_view";
ALTER TABLE "orders" ALTER COLUMN "qty" DROP DEFAULT, ALTER COLUMN "qty" TYPE bigint, ALTER COLUMN "qty" SET DEFAULT 1;
CREATE VIEW "order_view" AS
SELECT id, qty FROM orders;
-- reverse
DROP VIEW "order_view";
ALTER TABLE "orders" ALTER COLUMN "qty" DROP DEFAULT, ALTER COLUMN "qty" TYPE integer, ALTER COLUMN "qty" SET DEFAULT 1;
CREATE VIEW "order_view" AS
SELECT id, qty FROM orders;

-- drop_view (postgresql)
DROP VIEW "order_view";
-- reverse
CREATE VIEW "order_view" AS
SELECT id, qty FROM orders;

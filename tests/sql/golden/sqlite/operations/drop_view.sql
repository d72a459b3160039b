-- drop_view (sqlite)
.bail on
DROP VIEW "order_view";
-- reverse
.bail on
CREATE VIEW "order_view" AS
SELECT id, qty FROM orders;

-- drop_view (mysql)
DROP VIEW `order_view`;
-- reverse
CREATE VIEW `order_view` AS
SELECT id, qty FROM orders;

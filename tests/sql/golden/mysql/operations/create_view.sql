-- create_view (mysql)
CREATE VIEW `customer_view` AS
SELECT id, name FROM customers;
-- reverse
DROP VIEW `customer_view`;

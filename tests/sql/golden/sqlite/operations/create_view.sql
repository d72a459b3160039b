-- create_view (sqlite)
.bail on
CREATE VIEW "customer_view" AS
SELECT id, name FROM customers;
-- reverse
.bail on
DROP VIEW "customer_view";

-- create_index (mysql)
CREATE INDEX `orders_cust_qty_idx` ON `orders` (`customer_id`, `qty` DESC);
-- reverse
DROP INDEX `orders_cust_qty_idx` ON `orders`;

-- drop_index (mysql)
DROP INDEX `orders_qty_idx` ON `orders`;
-- reverse
CREATE INDEX `orders_qty_idx` ON `orders` (`qty`);

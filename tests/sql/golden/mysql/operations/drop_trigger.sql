-- drop_trigger (mysql)
DROP TRIGGER `orders_touch`;
-- reverse
CREATE TRIGGER `orders_touch` BEFORE INSERT ON `orders` FOR EACH ROW SET NEW.qty = NEW.qty + 0;

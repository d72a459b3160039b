-- create_trigger (mysql)
CREATE TRIGGER `orders_touch2` BEFORE INSERT ON `orders` FOR EACH ROW SET NEW.qty = NEW.qty + 0;
-- reverse
DROP TRIGGER `orders_touch2`;

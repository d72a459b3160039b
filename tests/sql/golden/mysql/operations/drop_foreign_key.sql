-- drop_foreign_key (mysql)
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_customer`;
-- reverse
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;

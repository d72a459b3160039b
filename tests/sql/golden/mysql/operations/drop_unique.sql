-- drop_unique (mysql)
ALTER TABLE `customers` DROP INDEX `uq_customers_name`;
-- reverse
ALTER TABLE `customers` ADD CONSTRAINT `uq_customers_name` UNIQUE (`name`);

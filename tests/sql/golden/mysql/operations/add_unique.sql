-- add_unique (mysql)
ALTER TABLE `customers` ADD CONSTRAINT `uq_customers_email` UNIQUE (`email`);
-- reverse
ALTER TABLE `customers` DROP INDEX `uq_customers_email`;

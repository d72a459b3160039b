-- drop_column (mysql)
ALTER TABLE `customers` DROP COLUMN `email`;
-- reverse
ALTER TABLE `customers` ADD COLUMN `email` varchar(255) AFTER `name`;

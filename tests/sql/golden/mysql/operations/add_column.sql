-- add_column (mysql)
ALTER TABLE `orders` ADD COLUMN `shipped_on` date;
-- reverse
ALTER TABLE `orders` DROP COLUMN `shipped_on`;

-- add_column_not_null_default (mysql)
ALTER TABLE `orders` ADD COLUMN `priority` int NOT NULL DEFAULT 0;
-- reverse
ALTER TABLE `orders` DROP COLUMN `priority`;

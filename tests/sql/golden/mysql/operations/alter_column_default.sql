-- alter_column_default (mysql)
ALTER TABLE `orders` MODIFY COLUMN `note` varchar(200) DEFAULT 'none';
-- reverse
ALTER TABLE `orders` MODIFY COLUMN `note` varchar(200);

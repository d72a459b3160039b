-- alter_column_type_not_null (mysql)
ALTER TABLE `orders` MODIFY COLUMN `note` varchar(300) NOT NULL;
-- reverse
ALTER TABLE `orders` MODIFY COLUMN `note` varchar(200);

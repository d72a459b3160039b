-- alter_column_cast (mysql)
ALTER TABLE `orders` MODIFY COLUMN `code` int;
-- reverse
ALTER TABLE `orders` MODIFY COLUMN `code` varchar(10);

-- alter_column_type (mysql)
ALTER TABLE `orders` MODIFY COLUMN `qty` bigint NOT NULL DEFAULT 1;
-- reverse
ALTER TABLE `orders` MODIFY COLUMN `qty` int NOT NULL DEFAULT 1;

-- alter_column_nullable (mysql)
ALTER TABLE `customers` MODIFY COLUMN `email` varchar(255) NOT NULL;
-- reverse
ALTER TABLE `customers` MODIFY COLUMN `email` varchar(255);

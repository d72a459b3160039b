-- add_column_expression_default (mysql)
ALTER TABLE `customers` ADD COLUMN `created_at` datetime DEFAULT CURRENT_TIMESTAMP;
-- reverse
ALTER TABLE `customers` DROP COLUMN `created_at`;

-- merged_rebuild (mysql)
ALTER TABLE `orders` MODIFY COLUMN `note` varchar(200) NOT NULL;
ALTER TABLE `orders` ADD COLUMN `created_at` datetime DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE `orders` RENAME COLUMN `code` TO `ref_code`;
ALTER TABLE `orders` ADD CONSTRAINT `ck_orders_note` CHECK (note <> '');
-- reverse
ALTER TABLE `orders` DROP CONSTRAINT `ck_orders_note`;
ALTER TABLE `orders` RENAME COLUMN `ref_code` TO `code`;
ALTER TABLE `orders` DROP COLUMN `created_at`;
ALTER TABLE `orders` MODIFY COLUMN `note` varchar(200);

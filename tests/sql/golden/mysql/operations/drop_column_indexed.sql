-- drop_column_indexed (mysql)
ALTER TABLE `orders` DROP COLUMN `note`;
-- reverse
ALTER TABLE `orders` ADD COLUMN `note` varchar(200) AFTER `qty`;
CREATE INDEX `orders_note_idx` ON `orders` (`note`);

-- add_foreign_key (mysql)
ALTER TABLE `notes_log` ADD CONSTRAINT `fk_notes_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
-- reverse
ALTER TABLE `notes_log` DROP FOREIGN KEY `fk_notes_order`;

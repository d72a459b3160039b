-- alter_column_identity (mysql)
ALTER TABLE `notes_log` MODIFY COLUMN `id` int NOT NULL AUTO_INCREMENT;
-- reverse
ALTER TABLE `notes_log` MODIFY COLUMN `id` int NOT NULL;

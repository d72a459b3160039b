-- drop_table (mysql)
DROP TABLE `notes_log`;
-- reverse
CREATE TABLE `notes_log` (
  `id` int NOT NULL,
  `seq` int NOT NULL DEFAULT 0,
  `order_id` int,
  `body` text,
  PRIMARY KEY (`id`)
);
CREATE INDEX `notes_log_order_idx` ON `notes_log` (`order_id`);

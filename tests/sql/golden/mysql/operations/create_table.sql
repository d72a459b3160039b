-- create_table (mysql)
CREATE TABLE `tags` (
  `id` int NOT NULL,
  `order_id` int,
  `label` varchar(50) NOT NULL DEFAULT 'x',
  PRIMARY KEY (`id`)
);
CREATE INDEX `tags_order_idx` ON `tags` (`order_id`);
ALTER TABLE `tags` ADD CONSTRAINT `fk_tags_order` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;
-- reverse
DROP TABLE `tags`;

CREATE TABLE `customers` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255) CHARACTER SET `utf8mb4` COLLATE `utf8mb4_bin` NOT NULL,
  `name` text COMMENT 'Full name, as ''typed'' \\ by them',
  `created_at` datetime NOT NULL DEFAULT current_timestamp(),
  `mood` enum('happy','it''s ok','back\\slash') DEFAULT 'happy',
  `visits` int unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  CONSTRAINT `customers_email_key` UNIQUE (`email`),
  CONSTRAINT `customers_email_check` CHECK (email <> '')
) ENGINE=`InnoDB` DEFAULT CHARSET=`utf8mb4` COLLATE=`utf8mb4_unicode_ci` COMMENT='People who buy; "quoted"';

CREATE TABLE `orders` (
  `customer_id` bigint NOT NULL,
  `order_no` int NOT NULL,
  `status` varchar(20) NOT NULL DEFAULT 'open',
  `total` decimal(10,2) NOT NULL DEFAULT 0.00,
  `total_with_tax` decimal(12,2) GENERATED ALWAYS AS (total * 1.2) STORED,
  `note` varchar(100),
  `note_length` int GENERATED ALWAYS AS (char_length(note)) VIRTUAL,
  PRIMARY KEY (`customer_id`, `order_no`),
  CONSTRAINT `orders_total_check` CHECK (total >= 0)
);

CREATE TABLE `order_items` (
  `id` int NOT NULL AUTO_INCREMENT,
  `customer_id` bigint NOT NULL,
  `order_no` int NOT NULL,
  `qty` smallint NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`)
);

CREATE TABLE `employees` (
  `id` int NOT NULL,
  `department_id` int NOT NULL,
  PRIMARY KEY (`id`)
);

CREATE TABLE `departments` (
  `id` int NOT NULL,
  `head_id` int,
  PRIMARY KEY (`id`)
);

CREATE TABLE `we"ird ta``ble; sélect` (
  `select` int NOT NULL,
  `Or"der ``Straße``` varchar(50) DEFAULT 'it''s; -- not a comment',
  PRIMARY KEY (`select`),
  CONSTRAINT `uq ``odd``; drop` UNIQUE (`Or"der ``Straße```)
);

CREATE INDEX `customers_lower_email_idx` ON `customers` (`email`(10));

CREATE FULLTEXT INDEX `customers_name_ft` ON `customers` (`name`);

CREATE INDEX `orders_open_idx` ON `orders` (`status`, `order_no` DESC);

CREATE INDEX `order_items_order_idx` ON `order_items` (`customer_id`, `order_no`);

CREATE INDEX `employees_department_idx` ON `employees` (`department_id`);

CREATE INDEX `departments_head_idx` ON `departments` (`head_id`);

CREATE UNIQUE INDEX `ix "odd" ``é``` ON `we"ird ta``ble; sélect` (`Or"der ``Straße``` DESC);

ALTER TABLE `orders` ADD CONSTRAINT `orders_customer_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE `order_items` ADD CONSTRAINT `order_items_order_fk` FOREIGN KEY (`customer_id`, `order_no`) REFERENCES `orders` (`customer_id`, `order_no`) ON DELETE CASCADE ON UPDATE RESTRICT;

ALTER TABLE `employees` ADD CONSTRAINT `employees_department_fk` FOREIGN KEY (`department_id`) REFERENCES `departments` (`id`) ON DELETE NO ACTION ON UPDATE NO ACTION;

ALTER TABLE `departments` ADD CONSTRAINT `departments_head_fk` FOREIGN KEY (`head_id`) REFERENCES `employees` (`id`) ON DELETE SET NULL ON UPDATE NO ACTION;

CREATE VIEW `customer_orders` AS
SELECT c.id AS customer_id, count(o.order_no) AS order_count FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id;

CREATE VIEW `big_customers` AS
SELECT customer_orders.customer_id, customer_orders.order_count FROM customer_orders WHERE customer_orders.order_count > 10;

DELIMITER $$
CREATE TRIGGER `orders_before_insert` BEFORE INSERT ON `orders` FOR EACH ROW BEGIN
  IF NEW.total < 0 THEN
    SET NEW.total = 0;
  END IF;
  SET NEW.note = COALESCE(NEW.note, 'none; really');
END$$
DELIMITER ;

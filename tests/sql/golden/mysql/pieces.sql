-- createTable(orders)
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
)
-- createIndex(orders_open_idx)
CREATE INDEX `orders_open_idx` ON `orders` (`status`, `order_no` DESC)
-- addForeignKey(orders_customer_fk)
ALTER TABLE `orders` ADD CONSTRAINT `orders_customer_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION
-- createTrigger(orders_before_insert)
CREATE TRIGGER `orders_before_insert` BEFORE INSERT ON `orders` FOR EACH ROW BEGIN
  IF NEW.total < 0 THEN
    SET NEW.total = 0;
  END IF;
  SET NEW.note = COALESCE(NEW.note, 'none; really');
END
-- createView(big_customers)
CREATE VIEW `big_customers` AS
SELECT customer_orders.customer_id, customer_orders.order_count FROM customer_orders WHERE customer_orders.order_count > 10
-- createView(customer_orders)
CREATE VIEW `customer_orders` AS
SELECT c.id AS customer_id, count(o.order_no) AS order_count FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id
-- createEnum


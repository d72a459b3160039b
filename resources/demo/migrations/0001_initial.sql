-- Covet demo shop: the initial schema.
-- A plain SQL migration: the statements under "covet:up" apply it, the ones
-- under "covet:down" undo it.

-- covet:up
CREATE TABLE categories (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      VARCHAR(80) NOT NULL,
    parent_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    CONSTRAINT uq_categories_name UNIQUE (name)
);

CREATE TABLE customers (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       VARCHAR(120) NOT NULL,
    email      VARCHAR(255) NOT NULL,
    country    CHAR(2) NOT NULL DEFAULT 'DE',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_customers_email UNIQUE (email),
    CONSTRAINT ck_customers_email CHECK (email LIKE '%_@_%')
);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    sku         VARCHAR(32) NOT NULL,
    title       VARCHAR(200) NOT NULL,
    category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    price       NUMERIC(10,2) NOT NULL,
    stock       INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT uq_products_sku UNIQUE (sku),
    CONSTRAINT ck_products_price CHECK (price >= 0),
    CONSTRAINT ck_products_stock CHECK (stock >= 0)
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    placed      TIMESTAMP NOT NULL,
    status      VARCHAR(16) NOT NULL DEFAULT 'new',
    CONSTRAINT ck_orders_status CHECK (status IN ('new', 'paid', 'shipped', 'delivered', 'cancelled'))
);

CREATE TABLE order_items (
    order_id   INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    quantity   INTEGER NOT NULL,
    unit_price NUMERIC(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT ck_order_items_quantity CHECK (quantity > 0)
);

CREATE INDEX idx_products_category ON products (category_id);
CREATE INDEX idx_orders_customer ON orders (customer_id);
CREATE INDEX idx_orders_placed ON orders (placed DESC);
CREATE INDEX idx_order_items_product ON order_items (product_id);

CREATE VIEW order_totals AS
SELECT o.id AS order_id,
       o.customer_id,
       o.placed,
       o.status,
       COUNT(i.product_id) AS item_count,
       COALESCE(SUM(i.quantity * i.unit_price), 0) AS total
FROM orders AS o
LEFT JOIN order_items AS i ON i.order_id = o.id
GROUP BY o.id, o.customer_id, o.placed, o.status;

-- Selling an item takes it out of stock.
CREATE TRIGGER trg_order_items_stock
AFTER INSERT ON order_items
FOR EACH ROW
BEGIN
    UPDATE products SET stock = stock - NEW.quantity WHERE id = NEW.product_id;
END;

-- covet:down
DROP TRIGGER trg_order_items_stock;
DROP VIEW order_totals;
DROP TABLE order_items;
DROP TABLE orders;
DROP TABLE products;
DROP TABLE customers;
DROP TABLE categories;

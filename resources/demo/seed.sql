-- Covet demo shop: sample data, generated deterministically (no random()),
-- so every demo database holds the same rows.
--   12 categories, 500 customers (334 in the loyalty programme), 200 products,
--   2000 orders, 5000 order items

INSERT INTO categories (id, name, parent_id) VALUES
    (1, 'Books', NULL),
    (2, 'Electronics', NULL),
    (3, 'Garden', NULL),
    (4, 'Kitchen', NULL),
    (5, 'Fiction', 1),
    (6, 'Databases', 1),
    (7, 'Laptops', 2),
    (8, 'Audio', 2),
    (9, 'Tools', 3),
    (10, 'Plants', 3),
    (11, 'Cookware', 4),
    (12, 'Coffee', 4);

WITH RECURSIVE
    seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 500),
    first_names(i, v) AS (VALUES (0, 'Anna'), (1, 'Ben'), (2, 'Chiara'), (3, 'David'), (4, 'Elif'),
                                 (5, 'Farid'), (6, 'Greta'), (7, 'Hugo'), (8, 'Ines'), (9, 'Jonas'),
                                 (10, 'Kenji'), (11, 'Lena'), (12, 'Mateo'), (13, 'Nora'), (14, 'Omar'),
                                 (15, 'Paula'), (16, 'Quentin'), (17, 'Rosa'), (18, 'Sven'), (19, 'Tara')),
    last_names(i, v) AS (VALUES (0, 'Almeida'), (1, 'Becker'), (2, 'Castro'), (3, 'Dubois'), (4, 'Eriksen'),
                                (5, 'Fischer'), (6, 'Garcia'), (7, 'Huber'), (8, 'Ivanova'), (9, 'Jansen'),
                                (10, 'Kowalski'), (11, 'Lindqvist'), (12, 'Moreau'), (13, 'Novak'), (14, 'Okafor'),
                                (15, 'Petrov'), (16, 'Rossi'), (17, 'Schmidt'), (18, 'Tanaka'), (19, 'Weber'),
                                (20, 'Yilmaz'), (21, 'Zimmermann'), (22, 'Horvath')),
    countries(i, v) AS (VALUES (0, 'DE'), (1, 'AT'), (2, 'CH'), (3, 'FR'), (4, 'NL'), (5, 'IT'), (6, 'ES'),
                               (7, 'PL'), (8, 'SE'), (9, 'DE'), (10, 'DE'), (11, 'GB'), (12, 'US'))
INSERT INTO customers (id, name, email, country, created_at)
SELECT seq.n,
       f.v || ' ' || l.v,
       lower(f.v) || '.' || lower(l.v) || '.' || seq.n || '@example.com',
       c.v,
       datetime('2022-01-01 08:00:00', '+' || ((seq.n * 97) % 365) || ' days',
                '+' || ((seq.n * 7919) % 36000) || ' seconds')
FROM seq
JOIN first_names AS f ON f.i = seq.n % 20
JOIN last_names AS l ON l.i = (seq.n * 7) % 23
JOIN countries AS c ON c.i = (seq.n * 5) % 13;

WITH RECURSIVE
    seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200),
    kinds(category_id, noun) AS (VALUES (5, 'Novel'), (6, 'SQL Handbook'), (7, 'Notebook'), (8, 'Headphones'),
                                        (9, 'Spade'), (10, 'Fern'), (11, 'Frying Pan'), (12, 'Espresso Beans')),
    adjectives(i, v) AS (VALUES (0, 'Classic'), (1, 'Compact'), (2, 'Deluxe'), (3, 'Everyday'), (4, 'Midnight'),
                                (5, 'Nordic'), (6, 'Pro'), (7, 'Rustic'), (8, 'Silent'), (9, 'Urban'))
INSERT INTO products (id, sku, title, category_id, price, stock)
SELECT seq.n,
       printf('SKU-%05d', seq.n * 13),
       a.v || ' ' || k.noun || ' ' || (1 + seq.n / 8),
       k.category_id,
       round(4.5 + ((seq.n * 337) % 2000) / 10.0, 2),
       100 + (seq.n * 13) % 400
FROM seq
JOIN kinds AS k ON k.category_id = 5 + seq.n % 8
JOIN adjectives AS a ON a.i = (seq.n * 3) % 10;

WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 2000)
INSERT INTO orders (id, customer_id, placed, status)
SELECT n,
       1 + (n * 7) % 500,
       datetime('2023-01-01 09:00:00', '+' || ((n * 131) % 730) || ' days',
                '+' || ((n * 4523) % 43200) || ' seconds'),
       CASE
           WHEN n % 20 = 0 THEN 'cancelled'
           WHEN n % 20 < 3 THEN 'new'
           WHEN n % 20 < 6 THEN 'paid'
           WHEN n % 20 < 10 THEN 'shipped'
           ELSE 'delivered'
       END
FROM seq;

-- 1 to 4 distinct products per order (2.5 on average): 5000 rows. The
-- trigger takes every sold quantity out of stock.
WITH RECURSIVE
    lines(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM lines WHERE k < 4)
INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT o.id,
       p.id,
       1 + (o.id * lines.k) % 3,
       p.price
FROM orders AS o
JOIN lines ON lines.k <= 1 + o.id % 4
JOIN products AS p ON p.id = 1 + (o.id * 37 + lines.k * 53) % 200
ORDER BY o.id, lines.k;

-- The loyalty programme (0002_customer_loyalty): two customers in three
-- joined it and hold points and a tier.
UPDATE customers
SET loyalty_points = CASE WHEN id % 3 = 0 THEN 0 ELSE (id * 37) % 1200 END,
    loyalty_tier = CASE
                       WHEN id % 3 = 0 THEN NULL
                       WHEN (id * 37) % 1200 >= 900 THEN 'gold'
                       WHEN (id * 37) % 1200 >= 400 THEN 'silver'
                       ELSE 'bronze'
                   END;

-- Covet demo shop: products can be discontinued; customers are looked up by
-- country.
-- covet:depends 0001_initial

-- covet:up
ALTER TABLE products ADD COLUMN discontinued BOOLEAN NOT NULL DEFAULT 0;
CREATE INDEX idx_customers_country ON customers (country);

-- covet:down
DROP INDEX idx_customers_country;
ALTER TABLE products DROP COLUMN discontinued;

-- Covet demo shop: the loyalty programme. Customers collect points and earn a
-- tier; the shop enters them as customers buy (the demo's seed data fills
-- them), so nothing can compute them again: rolling this migration back
-- destroys them. The rollback desk shows the values at stake, keeps them in a
-- backup before it drops the columns, and restores them.
-- covet:depends 0001_initial

-- covet:up
ALTER TABLE customers ADD COLUMN loyalty_points INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN loyalty_tier VARCHAR(10);

-- covet:down
ALTER TABLE customers DROP COLUMN loyalty_tier;
ALTER TABLE customers DROP COLUMN loyalty_points;

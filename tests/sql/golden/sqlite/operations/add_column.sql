-- add_column (sqlite)
.bail on
ALTER TABLE "orders" ADD COLUMN "shipped_on" DATE;
-- reverse
.bail on
ALTER TABLE "orders" DROP COLUMN "shipped_on";
